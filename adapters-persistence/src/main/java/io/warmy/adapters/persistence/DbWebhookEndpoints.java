package io.warmy.adapters.persistence;

import io.helidon.dbclient.DbRow;
import io.warmy.application.webhook.port.out.WebhookEndpoints;
import io.warmy.domain.event.EventType;
import io.warmy.domain.tenancy.Mode;
import io.warmy.domain.tenancy.Tenant;
import io.warmy.domain.tenancy.WorkspaceId;
import io.warmy.domain.webhook.Subscription;
import io.warmy.domain.webhook.WebhookEndpoint;
import io.warmy.domain.webhook.WebhookEndpointId;
import io.warmy.domain.webhook.WebhookSecret;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Customers' webhook endpoints in table {@code webhook_endpoints}, secrets included. A secret
 * leaves this class only inside a {@link WebhookSecret}, which does not print it.
 */
final class DbWebhookEndpoints implements WebhookEndpoints {

    private static final String KEY = "workspace_id, mode, id";
    /** Everything an update may change, in the order {@link #changeableValues} lists it. */
    private static final String CHANGEABLE = "url, event_types, description, enabled, disabled_reason, secret,"
            + " previous_secret, previous_secret_expires_at_ms, failing_since_ms, updated_at_ms";
    private static final String COLUMNS = KEY + ", created_at_ms, " + CHANGEABLE;
    private static final String TENANT = " WHERE workspace_id = ? AND mode = ?";
    private static final String SELECT = "SELECT " + COLUMNS + " FROM webhook_endpoints" + TENANT;
    private static final String UPDATE = "UPDATE webhook_endpoints SET "
            + String.join(" = ?, ", CHANGEABLE.split(",\\s*")) + " = ?" + TENANT + " AND id = ?";
    private static final String EVERY_TYPE = "*";

    private final DbTransactions db;

    DbWebhookEndpoints(DbTransactions db) {
        this.db = db;
    }

    @Override
    public void insert(WebhookEndpoint endpoint) {
        List<Object> values = new ArrayList<>(key(endpoint.tenant(), endpoint.id()));
        values.add(endpoint.createdAt().toEpochMilli());
        values.addAll(changeableValues(endpoint));
        String placeholders = "?" + ", ?".repeat(values.size() - 1);
        db.execute().insert("INSERT INTO webhook_endpoints (" + COLUMNS + ") VALUES (" + placeholders + ")",
                values.toArray());
    }

    @Override
    public Optional<WebhookEndpoint> find(Tenant tenant, WebhookEndpointId id) {
        return db.execute().get(SELECT + " AND id = ?", key(tenant, id).toArray()).map(DbWebhookEndpoints::read);
    }

    @Override
    public List<WebhookEndpoint> list(Tenant tenant, Optional<WebhookEndpointId> afterId, int limit) {
        return new NewestFirst(SELECT, tenant.workspaceId().value(), tenant.mode().wireName())
                .page(db, afterId.map(WebhookEndpointId::value), limit, DbWebhookEndpoints::read);
    }

    @Override
    public boolean update(WebhookEndpoint endpoint) {
        List<Object> values = new ArrayList<>(changeableValues(endpoint));
        values.addAll(key(endpoint.tenant(), endpoint.id()));
        // MySQL's driver counts the rows matched, not those changed: an update to the same values is 1 too.
        return db.execute().update(UPDATE, values.toArray()) == 1;
    }

    @Override
    public boolean delete(Tenant tenant, WebhookEndpointId id) {
        return db.inTransaction(() -> {
            Object[] key = key(tenant, id).toArray();
            if (db.execute().delete("DELETE FROM webhook_endpoints" + TENANT + " AND id = ?", key) == 0) {
                return false;
            }
            db.execute().delete("DELETE FROM delivery_attempts" + TENANT + " AND delivery_id IN"
                    + " (SELECT id FROM deliveries" + TENANT + " AND endpoint_id = ?)",
                    tenant.workspaceId().value(), tenant.mode().wireName(), tenant.workspaceId().value(),
                    tenant.mode().wireName(), id.value());
            db.execute().delete("DELETE FROM deliveries" + TENANT + " AND endpoint_id = ?", key);
            return true;
        });
    }

    /** The stored form of a subscription: {@code *}, or the wire names of its types in a stable order. */
    static String eventTypes(Subscription subscription) {
        if (subscription.all()) {
            return EVERY_TYPE;
        }
        return subscription.types().stream().sorted().map(EventType::wireName).collect(Collectors.joining(","));
    }

    static Subscription subscription(String eventTypes) {
        if (eventTypes.equals(EVERY_TYPE)) {
            return Subscription.ALL;
        }
        Set<EventType> types = EnumSet.noneOf(EventType.class);
        Arrays.stream(eventTypes.split(","))
                .filter(name -> !name.isEmpty())
                .forEach(name -> types.add(EventType.parse(name, "events")));
        return Subscription.of(types);
    }

    private static List<Object> key(Tenant tenant, WebhookEndpointId id) {
        return List.of(tenant.workspaceId().value(), tenant.mode().wireName(), id.value());
    }

    private static List<Object> changeableValues(WebhookEndpoint e) {
        // Arrays.asList, not List.of: several of these may be null.
        return Arrays.asList(e.url(), eventTypes(e.subscription()), e.description(), e.enabled(), e.disabledReason(),
                e.secret().reveal(), e.previousSecret() == null ? null : e.previousSecret().reveal(),
                millis(e.previousSecretExpiresAt()), millis(e.failingSince()), e.updatedAt().toEpochMilli());
    }

    private static Long millis(Instant instant) {
        return instant == null ? null : instant.toEpochMilli();
    }

    private static WebhookEndpoint read(DbRow row) {
        Columns c = new Columns(row);
        Tenant tenant = new Tenant(new WorkspaceId(c.string()), Mode.parse(c.string(), "mode"));
        WebhookEndpointId id = new WebhookEndpointId(c.string());
        Instant createdAt = c.instant();
        String url = c.string();
        Subscription subscription = subscription(c.string());
        String description = c.string();
        boolean enabled = c.bool();
        String disabledReason = c.string();
        WebhookSecret secret = WebhookSecret.of(c.string());
        String previous = c.string();
        WebhookSecret previousSecret = previous == null ? null : WebhookSecret.of(previous);
        Instant previousSecretExpiresAt = c.nullableInstant();
        Instant failingSince = c.nullableInstant();
        return new WebhookEndpoint(id, tenant, url, subscription, description, enabled, disabledReason, secret,
                previousSecret, previousSecretExpiresAt, failingSince, createdAt, c.instant());
    }
}
