package io.warmy.adapters.persistence;

import io.helidon.dbclient.DbRow;
import io.warmy.application.webhook.port.out.DeliveryQueue;
import io.warmy.domain.tenancy.Tenant;
import io.warmy.domain.webhook.Delivery;
import io.warmy.domain.webhook.DeliveryAttempt;
import io.warmy.domain.webhook.DeliveryFilter;
import io.warmy.domain.webhook.DeliveryId;
import io.warmy.domain.webhook.DeliveryStatus;
import io.warmy.domain.webhook.WebhookEndpointId;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The deliveries in table {@code deliveries} as the dispatchers' work queue, and their attempts
 * in {@code delivery_attempts}. A claim is a lease written on the row ({@code lease_owner},
 * {@code lease_until_ms}); {@code SELECT … FOR UPDATE SKIP LOCKED} lets racing claims pass each
 * other's rows by instead of waiting for them or taking them too, on MySQL, MariaDB and H2 alike.
 */
final class DbDeliveryQueue implements DeliveryQueue {

    private static final String TENANT = " WHERE workspace_id = ? AND mode = ?";
    private static final String SELECT = "SELECT " + DeliveryRows.COLUMNS + " FROM deliveries";
    /**
     * Due, pending and not under a live lease, oldest due first; rows another claim holds locked
     * right now are skipped. The order is that of {@code ix_deliveries_due}, so that MySQL reads
     * no more rows than it returns (see migration V3).
     */
    private static final String DUE = SELECT + " WHERE status = ? AND next_attempt_at_ms <= ?"
            + " AND (lease_until_ms IS NULL OR lease_until_ms <= ?)";
    private static final String DUE_ORDER = " ORDER BY next_attempt_at_ms, id LIMIT ? FOR UPDATE SKIP LOCKED";
    private static final String NO_LEASE = "lease_owner = NULL, lease_until_ms = NULL";
    private static final String PENDING = DeliveryStatus.PENDING.wireName();

    private final DbTransactions db;

    DbDeliveryQueue(DbTransactions db) {
        this.db = db;
    }

    @Override
    public List<Delivery> claim(String owner, Instant now, Instant leaseUntil, int limit,
                                Set<WebhookEndpointId> skip) {
        if (limit <= 0) {
            return List.of();
        }
        // Endpoints the caller is already busy with are left out, so their backlog cannot crowd out the rest.
        String sql = DUE + (skip.isEmpty() ? "" : " AND endpoint_id NOT IN (?" + ", ?".repeat(skip.size() - 1) + ")")
                + DUE_ORDER;
        List<Object> query = new ArrayList<>(List.of(PENDING, now.toEpochMilli(), now.toEpochMilli()));
        skip.forEach(id -> query.add(id.value()));
        query.add(limit);
        return db.inTransaction(() -> {
            List<Delivery> due;
            try (Stream<DbRow> rows = db.execute().query(sql, query.toArray())) {
                due = rows.map(DeliveryRows::read).toList();
            }
            if (due.isEmpty()) {
                return due;
            }
            // The rows stay locked until this commits, so the lease is written on exactly these.
            List<Object> params = new ArrayList<>(List.of(owner, leaseUntil.toEpochMilli()));
            due.forEach(d -> params.add(d.id().value()));
            db.execute().update("UPDATE deliveries SET lease_owner = ?, lease_until_ms = ? WHERE id IN (?"
                    + ", ?".repeat(due.size() - 1) + ")", params.toArray());
            return due;
        });
    }

    @Override
    public void release(DeliveryId id, String owner) {
        db.execute().update("UPDATE deliveries SET " + NO_LEASE + " WHERE id = ? AND lease_owner = ?", id.value(),
                owner);
    }

    @Override
    public boolean complete(Delivery settled, Optional<DeliveryAttempt> attempt, String owner) {
        if (attempt.isPresent() && !attempt.get().deliveryId().equals(settled.id())) {
            throw new IllegalArgumentException("The attempt of " + attempt.get().deliveryId()
                    + " does not belong to delivery " + settled.id());
        }
        return db.inTransaction(() -> {
            // Whoever took the lease over, or requeued the delivery by hand meanwhile, decides now.
            long settledRows = db.execute().update("UPDATE deliveries SET status = ?, attempts = ?,"
                            + " next_attempt_at_ms = ?, last_status_code = ?, last_error = ?, " + NO_LEASE
                            + TENANT + " AND id = ? AND lease_owner = ?",
                    Arrays.asList(settled.status().wireName(), settled.attempts(), millis(settled.nextAttemptAt()),
                            settled.lastStatusCode(), settled.lastError(), settled.tenant().workspaceId().value(),
                            settled.tenant().mode().wireName(), settled.id().value(), owner).toArray());
            if (settledRows != 1) {
                return false;
            }
            attempt.ifPresent(a -> log(settled.tenant(), a));
            return true;
        });
    }

    private void log(Tenant tenant, DeliveryAttempt a) {
        db.execute().insert("INSERT INTO delivery_attempts (workspace_id, mode, delivery_id, attempt_no, at_ms,"
                        + " status_code, latency_ms, response_snippet, error) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                Arrays.asList(tenant.workspaceId().value(), tenant.mode().wireName(), a.deliveryId().value(),
                        a.number(), a.at().toEpochMilli(), a.statusCode(), a.latencyMs(), a.responseSnippet(),
                        a.error()).toArray());
    }

    @Override
    public Optional<Delivery> find(Tenant tenant, DeliveryId id) {
        return db.execute().get(SELECT + TENANT + " AND id = ?", tenant.workspaceId().value(),
                tenant.mode().wireName(), id.value()).map(DeliveryRows::read);
    }

    @Override
    public List<Delivery> list(Tenant tenant, WebhookEndpointId endpointId, DeliveryFilter filter,
                               Optional<DeliveryId> afterId, int limit) {
        // ix_deliveries_endpoint serves this order.
        return new NewestFirst(SELECT + TENANT + " AND endpoint_id = ?", tenant.workspaceId().value(),
                tenant.mode().wireName(), endpointId.value())
                .where("status = ?", filter.status() == null ? null : filter.status().wireName())
                .where("event_type = ?", filter.eventType() == null ? null : filter.eventType().wireName())
                .page(db, afterId.map(DeliveryId::value), limit, DeliveryRows::read);
    }

    @Override
    public List<DeliveryAttempt> attempts(Tenant tenant, DeliveryId id) {
        try (Stream<DbRow> rows = db.execute().query("SELECT delivery_id, attempt_no, at_ms, status_code, latency_ms,"
                        + " response_snippet, error FROM delivery_attempts" + TENANT + " AND delivery_id = ?"
                        + " ORDER BY attempt_no", tenant.workspaceId().value(), tenant.mode().wireName(),
                id.value())) {
            return rows.map(DbDeliveryQueue::readAttempt).toList();
        }
    }

    @Override
    public boolean requeue(Tenant tenant, DeliveryId id, Instant now) {
        return db.execute().update("UPDATE deliveries SET status = ?, next_attempt_at_ms = ?, " + NO_LEASE + TENANT
                + " AND id = ?", PENDING, now.toEpochMilli(), tenant.workspaceId().value(), tenant.mode().wireName(),
                id.value()) == 1;
    }

    @Override
    public int requeueFailed(Tenant tenant, WebhookEndpointId endpointId, Instant since, Instant now) {
        return Math.toIntExact(db.execute().update("UPDATE deliveries SET status = ?, next_attempt_at_ms = ?, "
                        + NO_LEASE + TENANT + " AND endpoint_id = ? AND status = ? AND created_at_ms >= ?",
                PENDING, now.toEpochMilli(), tenant.workspaceId().value(), tenant.mode().wireName(),
                endpointId.value(), DeliveryStatus.FAILED.wireName(), firstMilliNotBefore(since)));
    }

    /** Creation times are whole milliseconds: one is at or after {@code since} when it is at or after this. */
    private static long firstMilliNotBefore(Instant since) {
        long millis = since.toEpochMilli();
        return Instant.ofEpochMilli(millis).isBefore(since) ? millis + 1 : millis;
    }

    private static Long millis(Instant instant) {
        return instant == null ? null : instant.toEpochMilli();
    }

    private static DeliveryAttempt readAttempt(DbRow row) {
        Columns c = new Columns(row);
        return new DeliveryAttempt(new DeliveryId(c.string()), c.integer(), c.instant(), c.nullableInteger(),
                c.longValue(), c.string(), c.string());
    }
}
