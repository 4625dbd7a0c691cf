package io.warmy.domain.webhook;

import io.warmy.domain.tenancy.Tenant;

import java.time.Instant;
import java.util.Objects;

/**
 * A customer's webhook endpoint: where events of its tenant (workspace and mode) go, and which.
 * A disabled endpoint receives nothing new; {@code disabledReason} says why it was disabled.
 */
public record WebhookEndpoint(WebhookEndpointId id, Tenant tenant, String url, Subscription subscription,
                              String description, boolean enabled, String disabledReason, Instant createdAt) {

    public WebhookEndpoint {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(subscription, "subscription");
        description = description == null ? "" : description;
        Objects.requireNonNull(createdAt, "createdAt");
    }
}
