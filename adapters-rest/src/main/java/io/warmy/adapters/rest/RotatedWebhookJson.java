package io.warmy.adapters.rest;

import io.warmy.application.webhook.port.in.ManageWebhooks;

import java.util.List;

/**
 * The answer to rotating an endpoint's secret: the endpoint, this one time its new {@code secret},
 * and until when the previous secret still signs beside it, so the receiver knows how long it
 * has to switch.
 */
record RotatedWebhookJson(String id, String url, List<String> events, String description, boolean enabled,
                          String disabledReason, String createdAt, String updatedAt, String secret,
                          String previousSecretExpiresAt) {

    static RotatedWebhookJson of(ManageWebhooks.WithSecret rotated) {
        WebhookJson e = WebhookJson.of(rotated.endpoint());
        String previousExpires = Json.time(rotated.endpoint().previousSecretExpiresAt());
        return new RotatedWebhookJson(e.id(), e.url(), e.events(), e.description(), e.enabled(), e.disabledReason(),
                e.createdAt(), e.updatedAt(), rotated.secret(), previousExpires);
    }

    @Override
    public String toString() {
        return "RotatedWebhookJson[" + id + "]";
    }
}
