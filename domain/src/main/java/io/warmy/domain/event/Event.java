package io.warmy.domain.event;

import io.warmy.domain.tenancy.Tenant;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * A stored event: what webhooks deliver and {@code GET /events} lists. Its envelope is exactly
 * {@code {type, data, timestamp}} (plus {@code id} where it is listed); {@code timestamp} is when
 * Warmy recorded it.
 */
public record Event(EventId id, Tenant tenant, EventType type, Map<String, Object> data, Instant timestamp) {

    public Event {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(type, "type");
        data = EventDraft.jsonValues(data);
        Objects.requireNonNull(timestamp, "timestamp");
    }
}
