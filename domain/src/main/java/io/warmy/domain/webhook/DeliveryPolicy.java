package io.warmy.domain.webhook;

import java.time.Instant;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * Settles an attempt: success (any 2xx) ends the delivery; {@code 410 Gone} ends it and disables
 * the endpoint; anything else is tried again on the {@link RetrySchedule} until it runs out.
 */
public final class DeliveryPolicy {

    private DeliveryPolicy() {
    }

    /** The delivery and endpoint after the attempt. */
    public record Settled(Delivery delivery, WebhookEndpoint endpoint) {
    }

    public static Settled settle(Delivery delivery, WebhookEndpoint endpoint, DeliveryOutcome outcome, Instant now,
                                 RandomGenerator random) {
        if (outcome.succeeded()) {
            return new Settled(delivery.after(outcome, DeliveryStatus.SUCCEEDED, null), endpoint.succeeded(now));
        }
        if (outcome.statusCode().map(s -> s == 410).orElse(false)) {
            return new Settled(delivery.after(outcome, DeliveryStatus.FAILED, null),
                    endpoint.disable(WebhookEndpoint.DISABLED_GONE, now));
        }
        Optional<java.time.Duration> wait = RetrySchedule.delayAfter(delivery.attempts() + 1, outcome, random);
        Delivery next = wait.map(w -> delivery.after(outcome, DeliveryStatus.PENDING, now.plus(w)))
                .orElseGet(() -> delivery.after(outcome, DeliveryStatus.FAILED, null));
        return new Settled(next, endpoint.failed(now));
    }
}
