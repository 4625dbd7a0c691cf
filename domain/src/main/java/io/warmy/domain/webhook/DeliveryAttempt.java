package io.warmy.domain.webhook;

import java.time.Instant;
import java.util.Objects;

/** One logged attempt of a delivery: when, what came back, how long it took, and what went wrong. */
public record DeliveryAttempt(DeliveryId deliveryId, int number, Instant at, Integer statusCode, long latencyMs,
                              String responseSnippet, String error) {

    public DeliveryAttempt {
        Objects.requireNonNull(deliveryId, "deliveryId");
        Objects.requireNonNull(at, "at");
        responseSnippet = responseSnippet == null ? "" : responseSnippet;
    }

    public static DeliveryAttempt of(Delivery delivery, Instant at, DeliveryOutcome outcome) {
        return new DeliveryAttempt(delivery.id(), delivery.attempts() + 1, at, outcome.statusCode().orElse(null),
                outcome.latency().toMillis(), outcome.responseSnippet(), outcome.error());
    }
}
