package io.warmy.domain.webhook;

import io.warmy.domain.common.Identifiers;

/** The id of one delivery of one event to one endpoint, e.g. {@code dlv_01JD4S3K2M9V6QW8XR5T7YB0CE}. */
public record DeliveryId(String value) {

    public static final String PREFIX = "dlv_";

    public DeliveryId {
        Identifiers.require(value, PREFIX, "deliveryId");
    }

    public static DeliveryId fromUlid(String ulid) {
        return new DeliveryId(PREFIX + ulid);
    }

    @Override
    public String toString() {
        return value;
    }
}
