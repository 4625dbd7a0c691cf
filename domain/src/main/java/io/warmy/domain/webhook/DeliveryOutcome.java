package io.warmy.domain.webhook;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * What one attempt to deliver came to, as the transport saw it: an HTTP status (any, including
 * redirects, which are never followed) or none when the request failed before one (connection
 * refused, reset, timeout, refused address), how long it took, the first KiB of the response,
 * and any {@code Retry-After} the receiver asked for.
 *
 * @param statusCode     the HTTP status, empty when there was none
 * @param error          what went wrong when there was no status, or the status was not 2xx (short, for the log)
 * @param timedOut       whether the receiver did not answer within the timeout
 * @param retryAfter     the receiver's Retry-After (on 429/503), when it gave a usable one
 */
public record DeliveryOutcome(Optional<Integer> statusCode, Duration latency, String responseSnippet, String error,
                              boolean timedOut, Optional<Duration> retryAfter) {

    public static final int MAX_SNIPPET = 1024;

    public DeliveryOutcome {
        Objects.requireNonNull(statusCode, "statusCode");
        Objects.requireNonNull(latency, "latency");
        responseSnippet = responseSnippet == null ? "" : responseSnippet.length() > MAX_SNIPPET
                ? responseSnippet.substring(0, MAX_SNIPPET) : responseSnippet;
        Objects.requireNonNull(retryAfter, "retryAfter");
    }

    /** Success is any 2xx; a redirect is a failure because it is not followed. */
    public boolean succeeded() {
        return statusCode.map(s -> s >= 200 && s < 300).orElse(false);
    }

    public static DeliveryOutcome answered(int status, Duration latency, String snippet, Optional<Duration> retryAfter) {
        boolean ok = status >= 200 && status < 300;
        return new DeliveryOutcome(Optional.of(status), latency, snippet, ok ? null : "HTTP " + status, false, retryAfter);
    }

    public static DeliveryOutcome failed(String error, Duration latency, boolean timedOut) {
        return new DeliveryOutcome(Optional.empty(), latency, "", error, timedOut, Optional.empty());
    }
}
