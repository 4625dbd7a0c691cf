package io.warmy.adapters.rest;

import io.warmy.domain.webhook.WebhookEndpoint;

import java.util.List;

/**
 * The answer to deleting an endpoint: the endpoint as it was, marked {@code deleted} as Stripe
 * marks what it deletes. Its deliveries went with it.
 */
record RemovedWebhookJson(String id, String url, List<String> events, String description, boolean enabled,
                          String disabledReason, String createdAt, String updatedAt, boolean deleted) {

    static RemovedWebhookJson of(WebhookEndpoint endpoint) {
        WebhookJson e = WebhookJson.of(endpoint);
        return new RemovedWebhookJson(e.id(), e.url(), e.events(), e.description(), e.enabled(), e.disabledReason(),
                e.createdAt(), e.updatedAt(), true);
    }
}
