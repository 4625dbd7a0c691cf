package io.warmy.adapters.persistence;

import io.helidon.dbclient.DbRow;
import io.warmy.application.common.port.out.Ids;
import io.warmy.application.webhook.port.out.Outbox;
import io.warmy.domain.event.Event;
import io.warmy.domain.event.EventId;
import io.warmy.domain.event.EventType;
import io.warmy.domain.tenancy.Mode;
import io.warmy.domain.tenancy.Tenant;
import io.warmy.domain.tenancy.WorkspaceId;
import io.warmy.domain.webhook.Delivery;
import io.warmy.domain.webhook.DeliveryId;
import io.warmy.domain.webhook.DeliveryStatus;
import io.warmy.domain.webhook.Subscription;
import io.warmy.domain.webhook.WebhookEndpointId;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

/**
 * The outbox in table {@code deliveries}: a pending row per subscribed, enabled endpoint, written
 * on the caller's transaction so that it commits with the event or not at all.
 */
final class DbOutbox implements Outbox {

    private static final String COLUMNS = "workspace_id, mode, id, endpoint_id, event_id, event_type, status,"
            + " attempts, next_attempt_at_ms, created_at_ms";

    private record Subscriber(WebhookEndpointId endpointId, Subscription subscription) {
    }

    private final DbTransactions db;
    private final Ids ids;

    DbOutbox(DbTransactions db, Ids ids) {
        this.db = db;
        this.ids = ids;
    }

    @Override
    public int enqueue(Event event, Instant dueAt) {
        // Joins the caller's transaction; called outside one, it still writes all rows or none.
        return db.inTransaction(() -> enqueueEach(event, dueAt));
    }

    private int enqueueEach(Event event, Instant dueAt) {
        Tenant tenant = event.tenant();
        List<WebhookEndpointId> endpoints;
        try (Stream<DbRow> rows = db.execute().query("SELECT id, event_types FROM webhook_endpoints"
                        + " WHERE workspace_id = ? AND mode = ? AND enabled = ? ORDER BY id",
                tenant.workspaceId().value(), tenant.mode().wireName(), true)) {
            endpoints = rows.map(Columns::new)
                    .map(c -> new Subscriber(new WebhookEndpointId(c.string()),
                            DbWebhookEndpoints.subscription(c.string())))
                    .filter(s -> s.subscription().includes(event.type()))
                    .map(Subscriber::endpointId)
                    .toList();
        }
        // Ids made within one millisecond are not ordered; sorted, they follow the endpoints' order.
        List<String> deliveryIds = Stream.generate(ids::next).limit(endpoints.size()).sorted().toList();
        for (int i = 0; i < endpoints.size(); i++) {
            db.execute().insert("INSERT INTO deliveries (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    tenant.workspaceId().value(), tenant.mode().wireName(),
                    DeliveryId.fromUlid(deliveryIds.get(i)).value(), endpoints.get(i).value(), event.id().value(),
                    event.type().wireName(), DeliveryStatus.PENDING.wireName(), 0, dueAt.toEpochMilli(),
                    dueAt.toEpochMilli());
        }
        return endpoints.size();
    }

    @Override
    public List<Delivery> deliveriesOf(Tenant tenant, EventId eventId) {
        try (Stream<DbRow> rows = db.execute().query("SELECT " + COLUMNS + " FROM deliveries"
                        + " WHERE workspace_id = ? AND mode = ? AND event_id = ? ORDER BY created_at_ms, id",
                tenant.workspaceId().value(), tenant.mode().wireName(), eventId.value())) {
            return rows.map(DbOutbox::read).toList();
        }
    }

    private static Delivery read(DbRow row) {
        Columns c = new Columns(row);
        Tenant tenant = new Tenant(new WorkspaceId(c.string()), Mode.parse(c.string(), "mode"));
        DeliveryId id = new DeliveryId(c.string());
        WebhookEndpointId endpointId = new WebhookEndpointId(c.string());
        EventId eventId = new EventId(c.string());
        EventType eventType = EventType.parse(c.string(), "eventType");
        DeliveryStatus status = status(c.string());
        int attempts = c.integer();
        return new Delivery(id, tenant, endpointId, eventId, eventType, status, attempts, c.nullableInstant(),
                c.instant());
    }

    private static DeliveryStatus status(String wireName) {
        return Arrays.stream(DeliveryStatus.values())
                .filter(s -> s.wireName().equals(wireName))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("Unknown delivery status '" + wireName + "'"));
    }
}
