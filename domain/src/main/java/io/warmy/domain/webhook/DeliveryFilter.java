package io.warmy.domain.webhook;

import io.warmy.domain.event.EventType;

/** Which deliveries of an endpoint a log shows: by status and event type; a null field does not filter. */
public record DeliveryFilter(DeliveryStatus status, EventType eventType) {

    public static final DeliveryFilter ALL = new DeliveryFilter(null, null);

    public boolean matches(Delivery d) {
        return (status == null || d.status() == status) && (eventType == null || d.eventType() == eventType);
    }
}
