package io.warmy.adapters.rest;

import io.helidon.http.HeaderName;
import io.helidon.http.HeaderNames;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import io.warmy.application.tenancy.port.in.AdmitRequest.Admission;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The rate-limit headers of every authenticated response: {@code X-RateLimit-Limit} (requests per
 * hour of the key), {@code X-RateLimit-Remaining} and {@code X-RateLimit-Reset} (unix seconds at
 * which the whole limit is free again).
 */
final class RateLimitHeaders {

    static final String LIMIT = "X-RateLimit-Limit";
    static final String REMAINING = "X-RateLimit-Remaining";
    static final String RESET = "X-RateLimit-Reset";

    static final String CONTEXT_KEY = RateLimitHeaders.class.getName();

    private RateLimitHeaders() {
    }

    private static final HeaderName LIMIT_HEADER = HeaderNames.create(LIMIT);
    private static final HeaderName REMAINING_HEADER = HeaderNames.create(REMAINING);
    private static final HeaderName RESET_HEADER = HeaderNames.create(RESET);

    static Map<String, String> of(Admission admission) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put(LIMIT, Integer.toString(admission.limit()));
        headers.put(REMAINING, Integer.toString(admission.remaining()));
        headers.put(RESET, Long.toString(resetSeconds(admission)));
        return headers;
    }

    /** On every admitted request: straight onto the response, with names made once. */
    static void apply(Admission admission, ServerResponse res) {
        res.header(LIMIT_HEADER, Integer.toString(admission.limit()));
        res.header(REMAINING_HEADER, Integer.toString(admission.remaining()));
        res.header(RESET_HEADER, Long.toString(resetSeconds(admission)));
    }

    /** Rounded up: a client that waits until then finds the quota free. */
    private static long resetSeconds(Admission admission) {
        return admission.resetAt().getEpochSecond() + (admission.resetAt().getNano() > 0 ? 1 : 0);
    }

    /** Puts back the headers of the request's admission, if it was admitted, on a response written afresh. */
    static void applyAgain(ServerRequest req, ServerResponse res) {
        req.context().get(CONTEXT_KEY, Admission.class).ifPresent(admission -> apply(admission, res));
    }

    /** Whole seconds to wait, rounded up and at least one. */
    static long retryAfterSeconds(Admission admission) {
        long millis = admission.retryAfter().toMillis();
        return Math.max(1, (millis + 999) / 1000);
    }
}
