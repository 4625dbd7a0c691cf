package io.warmy.adapters.rest;

import io.warmy.domain.webhook.WebhookEndpoint;

import java.util.List;

/**
 * A webhook endpoint as the API shows it: never its signing secret, which only the answers to
 * creating and rotating carry. {@code events} is {@code ["*"]} for an endpoint that takes every type.
 */
record WebhookJson(String id, String url, List<String> events, String description, boolean enabled,
                   String disabledReason, String createdAt, String updatedAt) {

    static WebhookJson of(WebhookEndpoint e) {
        return new WebhookJson(e.id().value(), e.url(), e.subscription().wireNames(), e.description(), e.enabled(),
                e.disabledReason(), Json.time(e.createdAt()), Json.time(e.updatedAt()));
    }
}
