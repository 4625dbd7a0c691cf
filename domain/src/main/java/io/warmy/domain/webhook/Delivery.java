package io.warmy.domain.webhook;

import io.warmy.domain.event.EventId;
import io.warmy.domain.event.EventType;
import io.warmy.domain.tenancy.Tenant;

import java.time.Instant;
import java.util.Objects;

/**
 * One event on its way to one endpoint: written with the event, in the same transaction (the
 * outbox), then attempted until it succeeds or the schedule runs out.
 *
 * @param nextAttemptAt when it is due next (null once it succeeded or failed)
 */
public record Delivery(DeliveryId id, Tenant tenant, WebhookEndpointId endpointId, EventId eventId, EventType eventType,
                       DeliveryStatus status, int attempts, Instant nextAttemptAt, Integer lastStatusCode,
                       String lastError, Instant createdAt) {

    public Delivery {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(endpointId, "endpointId");
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(eventType, "eventType");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(createdAt, "createdAt");
    }

    public static Delivery pending(DeliveryId id, Tenant tenant, WebhookEndpointId endpointId, EventId eventId,
                                   EventType eventType, Instant dueAt) {
        return new Delivery(id, tenant, endpointId, eventId, eventType, DeliveryStatus.PENDING, 0, dueAt, null, null, dueAt);
    }

    /** The delivery after an attempt that the policy settled. */
    public Delivery after(DeliveryOutcome outcome, DeliveryStatus newStatus, Instant next) {
        return new Delivery(id, tenant, endpointId, eventId, eventType, newStatus, attempts + 1,
                newStatus == DeliveryStatus.PENDING ? next : null, outcome.statusCode().orElse(null), outcome.error(),
                createdAt);
    }

    /** Given up without an attempt (its endpoint is disabled or gone); the reason is logged as its last error. */
    public Delivery abandoned(String reason) {
        return new Delivery(id, tenant, endpointId, eventId, eventType, DeliveryStatus.FAILED, attempts, null,
                lastStatusCode, reason, createdAt);
    }

    /** Due again now, by hand: the schedule goes on from the attempts made so far. */
    public Delivery requeued(Instant now) {
        return new Delivery(id, tenant, endpointId, eventId, eventType, DeliveryStatus.PENDING, attempts, now,
                lastStatusCode, lastError, createdAt);
    }
}
