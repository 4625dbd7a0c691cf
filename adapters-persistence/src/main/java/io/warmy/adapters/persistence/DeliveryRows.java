package io.warmy.adapters.persistence;

import io.helidon.dbclient.DbRow;
import io.warmy.domain.event.EventId;
import io.warmy.domain.event.EventType;
import io.warmy.domain.tenancy.Mode;
import io.warmy.domain.tenancy.Tenant;
import io.warmy.domain.tenancy.WorkspaceId;
import io.warmy.domain.webhook.Delivery;
import io.warmy.domain.webhook.DeliveryId;
import io.warmy.domain.webhook.DeliveryStatus;
import io.warmy.domain.webhook.WebhookEndpointId;

/** A row of table {@code deliveries} as a {@link Delivery}, for the outbox and the queue, which share the table. */
final class DeliveryRows {

    /** What {@link #read} reads, in its order. */
    static final String COLUMNS = "workspace_id, mode, id, endpoint_id, event_id, event_type, status, attempts,"
            + " next_attempt_at_ms, last_status_code, last_error, created_at_ms";

    private DeliveryRows() {
    }

    static Delivery read(DbRow row) {
        Columns c = new Columns(row);
        Tenant tenant = new Tenant(new WorkspaceId(c.string()), Mode.parse(c.string(), "mode"));
        DeliveryId id = new DeliveryId(c.string());
        WebhookEndpointId endpointId = new WebhookEndpointId(c.string());
        EventId eventId = new EventId(c.string());
        EventType eventType = EventType.parse(c.string(), "eventType");
        DeliveryStatus status = DeliveryStatus.parse(c.string(), "status");
        return new Delivery(id, tenant, endpointId, eventId, eventType, status, c.integer(), c.nullableInstant(),
                c.nullableInteger(), c.string(), c.instant());
    }
}
