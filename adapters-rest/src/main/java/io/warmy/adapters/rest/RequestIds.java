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

    static final HeaderName HEADER = HeaderNames.create("X-Request-Id");

    /** Printable and short: an id is written to logs and echoed in headers, so nothing else is trusted. */
    private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._:-]{1,128}");
    private static final String CONTEXT_KEY = RequestIds.class.getName();

    @Override
    public void filter(FilterChain chain, RoutingRequest req, RoutingResponse res) {
        String id = fromClient(req.headers()).orElseGet(RequestIds::generate);
        req.context().register(CONTEXT_KEY, id);
        res.header(HEADER, id);
        chain.proceed();
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
