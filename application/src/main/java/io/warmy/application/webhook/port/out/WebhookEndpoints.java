package io.warmy.application.webhook.port.out;

import io.warmy.domain.tenancy.Tenant;
import io.warmy.domain.webhook.WebhookEndpoint;
import io.warmy.domain.webhook.WebhookEndpointId;

import java.util.Optional;

/** Stores customers' webhook endpoints, each within one tenant. */
public interface WebhookEndpoints {

    void insert(WebhookEndpoint endpoint);

    Optional<WebhookEndpoint> find(Tenant tenant, WebhookEndpointId id);
}
