package io.warmy.adapters.persistence;

import io.helidon.dbclient.DbRow;
import io.warmy.application.common.port.out.Ids;
import io.warmy.application.webhook.port.out.Outbox;
import io.warmy.domain.event.Event;
import io.warmy.domain.event.EventId;
import io.warmy.domain.tenancy.Tenant;
import io.warmy.domain.webhook.Delivery;
import io.warmy.domain.webhook.DeliveryId;
import io.warmy.domain.webhook.Subscription;
import io.warmy.domain.webhook.WebhookEndpointId;

import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;

/**
 * The outbox in table {@code deliveries}: a pending row per subscribed, enabled endpoint, written
 * on the caller's transaction so that it commits with the event or not at all.
 */
final class DbOutbox implements Outbox {

    private static final String INSERT = "INSERT INTO deliveries (workspace_id, mode, id, endpoint_id, event_id,"
            + " event_type, status, attempts, next_attempt_at_ms, created_at_ms) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";

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
        List<WebhookEndpointId> endpoints = db.memo(new SubscribersOf(tenant), () -> subscribers(tenant)).stream()
                .filter(s -> s.subscription().includes(event.type()))
                .map(Subscriber::endpointId)
                .toList();
        // Ids need only be unique; sorted, they follow the endpoints' order, as lists show them.
        List<String> deliveryIds = Stream.generate(ids::next).limit(endpoints.size()).sorted().toList();
        for (int i = 0; i < endpoints.size(); i++) {
            insert(pending(DeliveryId.fromUlid(deliveryIds.get(i)), event, endpoints.get(i), dueAt));
        }
        return endpoints.size();
    }

    /** The key of a tenant's enabled endpoints among the reads a group of shared work makes once. */
    private record SubscribersOf(Tenant tenant) {
    }

    private List<Subscriber> subscribers(Tenant tenant) {
        try (Stream<DbRow> rows = db.execute().query("SELECT id, event_types FROM webhook_endpoints"
                        + " WHERE workspace_id = ? AND mode = ? AND enabled = ? ORDER BY id",
                tenant.workspaceId().value(), tenant.mode().wireName(), true)) {
            return rows.map(Columns::new)
                    .map(c -> new Subscriber(new WebhookEndpointId(c.string()),
                            DbWebhookEndpoints.subscription(c.string())))
                    .toList();
        }
    }

    @Override
    public Delivery enqueueTo(Event event, WebhookEndpointId endpointId, Instant dueAt) {
        Delivery delivery = pending(DeliveryId.fromUlid(ids.next()), event, endpointId, dueAt);
        insert(delivery);
        return delivery;
    }

    @Override
    public List<Delivery> deliveriesOf(Tenant tenant, EventId eventId) {
        try (Stream<DbRow> rows = db.execute().query("SELECT " + DeliveryRows.COLUMNS + " FROM deliveries"
                        + " WHERE workspace_id = ? AND mode = ? AND event_id = ? ORDER BY created_at_ms, id",
                tenant.workspaceId().value(), tenant.mode().wireName(), eventId.value())) {
            return rows.map(DeliveryRows::read).toList();
        }
    }

    /** A new delivery as it reads back: times in whole milliseconds, as stored. */
    private static Delivery pending(DeliveryId id, Event event, WebhookEndpointId endpointId, Instant dueAt) {
        return Delivery.pending(id, event.tenant(), endpointId, event.id(), event.type(),
                Instant.ofEpochMilli(dueAt.toEpochMilli()));
    }

    private void insert(Delivery d) {
        db.execute().insert(INSERT, d.tenant().workspaceId().value(), d.tenant().mode().wireName(), d.id().value(),
                d.endpointId().value(), d.eventId().value(), d.eventType().wireName(), d.status().wireName(),
                d.attempts(), d.nextAttemptAt().toEpochMilli(), d.createdAt().toEpochMilli());
    }
}
