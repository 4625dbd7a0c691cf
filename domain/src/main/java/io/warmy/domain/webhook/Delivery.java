package io.warmy.domain.webhook;

import io.warmy.domain.event.EventId;
import io.warmy.domain.event.EventType;
import io.warmy.domain.tenancy.Tenant;

import java.time.Instant;
import java.util.Objects;

/** One event on its way to one endpoint: written with the event, in the same transaction (the outbox). */
public record Delivery(DeliveryId id, Tenant tenant, WebhookEndpointId endpointId, EventId eventId, EventType eventType,
                       DeliveryStatus status, int attempts, Instant nextAttemptAt, Instant createdAt) {

    public Delivery {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(endpointId, "endpointId");
        Objects.requireNonNull(eventId, "eventId");
        Objects.requireNonNull(eventType, "eventType");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(createdAt, "createdAt");
    }
}
