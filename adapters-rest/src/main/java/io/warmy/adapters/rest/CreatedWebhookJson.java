package io.warmy.adapters.rest;

import io.warmy.application.webhook.port.in.ManageWebhooks;

import java.util.List;

/** The answer to creating an endpoint: the endpoint as lists show it plus, this one time, its {@code secret}. */
record CreatedWebhookJson(String id, String url, List<String> events, String description, boolean enabled,
                          String disabledReason, String createdAt, String updatedAt, String secret) {

    static CreatedWebhookJson of(ManageWebhooks.WithSecret created) {
        WebhookJson e = WebhookJson.of(created.endpoint());
        return new CreatedWebhookJson(e.id(), e.url(), e.events(), e.description(), e.enabled(), e.disabledReason(),
                e.createdAt(), e.updatedAt(), created.secret());
    }

    @Override
    public String toString() {
        return "CreatedWebhookJson[" + id + "]";
    }
}
