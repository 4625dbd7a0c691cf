package io.warmy.application.webhook.port.out;

import io.warmy.domain.tenancy.Tenant;
import io.warmy.domain.webhook.WebhookEndpoint;
import io.warmy.domain.webhook.WebhookEndpointId;

import java.util.List;
import java.util.Optional;

/** Stores customers' webhook endpoints (with their secrets), each within one tenant. */
public interface WebhookEndpoints {

    void insert(WebhookEndpoint endpoint);

    Optional<WebhookEndpoint> find(Tenant tenant, WebhookEndpointId id);

    /** Endpoints of a tenant, newest first, after {@code afterId} when given, at most {@code limit}. */
    List<WebhookEndpoint> list(Tenant tenant, Optional<WebhookEndpointId> afterId, int limit);

    /** Replaces a stored endpoint (matched by tenant and id); answers false when there is none. */
    boolean update(WebhookEndpoint endpoint);

    /** Removes an endpoint with its deliveries and their attempt log; answers false when there was none. */
    boolean delete(Tenant tenant, WebhookEndpointId id);
}
