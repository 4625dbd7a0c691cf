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

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** Customers' webhook endpoints in table {@code webhook_endpoints}. */
final class DbWebhookEndpoints implements WebhookEndpoints {

    private static final String COLUMNS = "workspace_id, mode, id, url, event_types, description, enabled,"
            + " disabled_reason, created_at_ms";
    private static final String EVERY_TYPE = "*";

    private final DbTransactions db;

    DbWebhookEndpoints(DbTransactions db) {
        this.db = db;
    }

    @Override
    public void insert(WebhookEndpoint endpoint) {
        db.execute().insert("INSERT INTO webhook_endpoints (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                endpoint.tenant().workspaceId().value(), endpoint.tenant().mode().wireName(), endpoint.id().value(),
                endpoint.url(), eventTypes(endpoint.subscription()), endpoint.description(), endpoint.enabled(),
                endpoint.disabledReason(), endpoint.createdAt().toEpochMilli());
    }

    @Override
    public Optional<WebhookEndpoint> find(Tenant tenant, WebhookEndpointId id) {
        return db.execute().get("SELECT " + COLUMNS + " FROM webhook_endpoints"
                        + " WHERE workspace_id = ? AND mode = ? AND id = ?",
                tenant.workspaceId().value(), tenant.mode().wireName(), id.value()).map(DbWebhookEndpoints::read);
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

    private static WebhookEndpoint read(DbRow row) {
        Columns c = new Columns(row);
        Tenant tenant = new Tenant(new WorkspaceId(c.string()), Mode.parse(c.string(), "mode"));
        WebhookEndpointId id = new WebhookEndpointId(c.string());
        String url = c.string();
        Subscription subscription = subscription(c.string());
        String description = c.string();
        boolean enabled = c.bool();
        return new WebhookEndpoint(id, tenant, url, subscription, description, enabled, c.string(), c.instant());
    }
}
