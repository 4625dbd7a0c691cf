package io.warmy.application.webhook.port.in;

import io.warmy.domain.webhook.Delivery;
import io.warmy.domain.webhook.WebhookEndpointId;

import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * The dispatcher's use case: claim due deliveries under a lease, attempt each (sign, send, log,
 * settle on the retry schedule), or give a claim back. A runtime (threads, polling, per-endpoint
 * concurrency caps) drives it.
 */
public interface DeliverWebhooks {

    /** Claims up to {@code max} due deliveries, none to the endpoints in {@code busy}. */
    List<Delivery> claimDue(String owner, int max, Duration lease, Set<WebhookEndpointId> busy);

    default List<Delivery> claimDue(String owner, int max, Duration lease) {
        return claimDue(owner, max, lease, Set.of());
    }

    /** Attempts one claimed delivery and stores what came of it. Never throws for the receiver's behaviour. */
    void attempt(Delivery claimed, String owner);

    void release(Delivery claimed, String owner);
}
