package io.warmy.adapters.rest;

import io.helidon.http.HeaderName;
import io.helidon.http.HeaderNames;
import io.helidon.http.Headers;
import io.helidon.webserver.http.Filter;
import io.helidon.webserver.http.FilterChain;
import io.helidon.webserver.http.RoutingRequest;
import io.helidon.webserver.http.RoutingResponse;
import io.helidon.webserver.http.ServerRequest;

import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

/**
 * Gives every request an id, sent back in {@code X-Request-Id} on every response and repeated in
 * problem bodies, so that a customer's report can be matched to the server's log. A client's own
 * id is kept when it is a sane token, which lets callers follow one request through their systems.
 */
final class RequestIds implements Filter {

    static final String UNMATCHED_KEY = RequestIds.class.getName() + ".unmatched";

    static final HeaderName HEADER = HeaderNames.create("X-Request-Id");

    /** Printable and short: an id is written to logs and echoed in headers, so nothing else is trusted. */
    private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._:-]{1,128}");
    private static final String CONTEXT_KEY = RequestIds.class.getName();

    private final RequestObserver observer;

    RequestIds(RequestObserver observer) {
        this.observer = observer;
    }

    @Override
    public void filter(FilterChain chain, RoutingRequest req, RoutingResponse res) {
        String id = fromClient(req.headers()).orElseGet(RequestIds::generate);
        req.context().register(CONTEXT_KEY, id);
        res.header(HEADER, id);
        long start = System.nanoTime();
        res.whenSent(() -> observer.answered(new RequestObserver.Exchange(req.prologue().method().text(), route(req),
                res.status().code(), System.nanoTime() - start, id,
                Authentication.callerIfAny(req).map(c -> c.tenant().workspaceId().value()))));
        observer.started(id);
        try {
            chain.proceed();
        } finally {
            observer.ended(id);
        }
    }

    /**
     * The template of the route that took the request: its path with each path parameter's value
     * put back as {@code {name}}, or {@code unmatched}.
     */
    static String route(ServerRequest req) {
        if (req.context().get(UNMATCHED_KEY, Boolean.class).orElse(false)) {
            return "unmatched";
        }
        String path = req.prologue().uriPath().path();
        var params = req.path().pathParameters();
        for (String name : params.names()) {
            String value = params.get(name);
            if (!value.isEmpty()) {
                path = path.replace("/" + value, "/{" + name + "}");
            }
        }
        return path;
    }

    /** The id of a request; one is made (and kept) for a request that failed before the filter saw it. */
    static String of(ServerRequest req) {
        Optional<String> known = req.context().get(CONTEXT_KEY, String.class);
        if (known.isPresent()) {
            return known.get();
        }
        String id = fromClient(req.headers()).orElseGet(RequestIds::generate);
        req.context().register(CONTEXT_KEY, id);
        return id;
    }

    static Optional<String> fromClient(Headers headers) {
        return headers.first(HEADER).map(String::strip).filter(v -> SANE.matcher(v).matches());
    }

    /** 96 random bits: unique enough to find one request in the logs; not a secret, so no SecureRandom. */
    static String generate() {
        byte[] bytes = new byte[12];
        ThreadLocalRandom.current().nextBytes(bytes);
        return "req_" + HexFormat.of().formatHex(bytes);
    }
}
