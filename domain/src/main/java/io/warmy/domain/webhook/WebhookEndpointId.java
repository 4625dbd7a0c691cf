package io.warmy.domain.webhook;

import io.warmy.domain.common.Identifiers;

/** The id of a webhook endpoint, e.g. {@code we_01JD4S3K2M9V6QW8XR5T7YB0CE}. */
public record WebhookEndpointId(String value) {

    public static final String PREFIX = "we_";

    public WebhookEndpointId {
        Identifiers.require(value, PREFIX, "webhookId");
    }

    public static WebhookEndpointId fromUlid(String ulid) {
        return new WebhookEndpointId(PREFIX + ulid);
    }

    @Override
    public String toString() {
        return value;
    }
}
