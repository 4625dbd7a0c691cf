package io.warmy.adapters.rest;

import io.helidon.http.HeaderName;
import io.helidon.http.HeaderNames;
import io.helidon.http.Method;
import io.helidon.http.Status;
import io.helidon.webserver.http.Handler;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import io.warmy.application.idempotency.port.in.RememberResponses;
import io.warmy.application.idempotency.port.in.RememberResponses.Begin;
import io.warmy.application.idempotency.port.in.RememberResponses.Ticket;
import io.warmy.application.idempotency.port.out.IdempotencyRecords.Response;
import io.warmy.application.idempotency.service.IdempotencyService;

import java.io.ByteArrayOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

/**
 * {@code Idempotency-Key} on every POST of the API: the first request with a key runs and its
 * response (status, body, {@code Location}) is kept for 24 hours; a retry with the same key and
 * the same request (route and body bytes) gets that response again, marked
 * {@code Idempotent-Replayed: true}, without running. Responses of 5xx are not kept, so a retry
 * after a fault does the work. A POST without the header runs as it is.
 */
final class Idempotency implements Handler {

    static final HeaderName KEY = HeaderNames.create("Idempotency-Key");
    static final HeaderName REPLAYED = HeaderNames.create("Idempotent-Replayed");
    static final HeaderName ORIGINAL_REQUEST = HeaderNames.create("Original-Request");
    private static final System.Logger LOG = System.getLogger(Idempotency.class.getName());

    private final RememberResponses remember;

    Idempotency(RememberResponses remember) {
        this.remember = remember;
    }

    @Override
    public void handle(ServerRequest req, ServerResponse res) {
        Optional<String> key = req.headers().first(KEY);
        if (key.isEmpty() || req.prologue().method() != Method.POST) {
            res.next();
            return;
        }
        if (!IdempotencyService.isValidKey(key.get())) {
            throw HttpProblem.invalidIdempotencyKey();
        }
        String fingerprint = fingerprint(req);
        Begin begin = remember.begin(Authentication.caller(req).tenant(), key.get(), fingerprint);
        switch (begin) {
            case Begin.Replay replay -> replay(replay.response(), res);
            case Begin.Proceed proceed -> {
                String requestId = RequestIds.of(req);
                res.streamFilter(out -> new Capture(out, res, proceed.ticket(), requestId));
                res.next();
            }
        }
    }

    private static void replay(Response response, ServerResponse res) {
        res.status(Status.create(response.status()));
        if (response.contentType() != null) {
            res.header(HeaderNames.CONTENT_TYPE, response.contentType());
        }
        if (response.location() != null) {
            res.header(HeaderNames.LOCATION, response.location());
        }
        if (response.requestId() != null) {
            res.header(ORIGINAL_REQUEST, response.requestId());
        }
        res.header(REPLAYED, "true");
        res.send(response.body().getBytes(StandardCharsets.UTF_8));
    }

    /** The request as the key promises it: method, path with query, and the body's bytes. */
    private static String fingerprint(ServerRequest req) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update((req.prologue().method().text() + " " + req.prologue().uriPath().rawPath() + "?"
                    + req.prologue().query().rawValue() + "\n").getBytes(StandardCharsets.UTF_8));
            sha.update(Json.body(req));
            return HexFormat.of().formatHex(sha.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    /**
     * Copies the response body as it is written and, when the response is complete, keeps it for
     * the ticket's key (or gives the key up when the answer is a fault). Whatever answers, the
     * handler or the error handler, writes through here.
     */
    private final class Capture extends FilterOutputStream {

        private final ServerResponse res;
        private final Ticket ticket;
        private final String requestId;
        private final ByteArrayOutputStream copy = new ByteArrayOutputStream();
        private boolean done;

        Capture(OutputStream out, ServerResponse res, Ticket ticket, String requestId) {
            super(out);
            this.res = res;
            this.ticket = ticket;
            this.requestId = requestId;
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
            copy.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
            copy.write(b, off, len);
        }

        @Override
        public void close() throws IOException {
            try {
                super.close();
            } finally {
                keep();
            }
        }

        private void keep() {
            if (done) {
                return;
            }
            done = true;
            try {
                int status = res.status().code();
                if (status >= 500) {
                    remember.abandon(ticket);
                    return;
                }
                remember.finish(ticket, new Response(status, res.headers().first(HeaderNames.CONTENT_TYPE).orElse(null),
                        res.headers().first(HeaderNames.LOCATION).orElse(null),
                        copy.toString(StandardCharsets.UTF_8), requestId));
            } catch (RuntimeException e) {
                // The client has its answer; a retry with the key finds the claim given up after a minute.
                LOG.log(System.Logger.Level.WARNING, "Keeping the response of request " + requestId
                        + " for its Idempotency-Key failed", e);
            }
        }
    }
}
