package io.warmy.application.tenancy.port.in;

import java.time.Duration;
import java.time.Instant;

/** Whether a caller's key may make one more request now, under its hourly rate limit. */
public interface AdmitRequest {

    /**
     * The answer, with what the rate-limit headers say.
     *
     * @param limit      the key's requests per hour
     * @param remaining  an estimate of the requests left in the current hour (exact with one node)
     * @param resetAt    when the whole limit is free again
     * @param retryAfter when refused: how long until one request will be admitted; else zero
     */
    record Admission(boolean admitted, int limit, int remaining, Instant resetAt, Duration retryAfter) {
    }

    Admission admit(Caller caller);
}
