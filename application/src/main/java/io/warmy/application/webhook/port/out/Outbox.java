package io.warmy.application.webhook.port.out;

import io.warmy.domain.event.Event;
import io.warmy.domain.event.EventId;
import io.warmy.domain.tenancy.Tenant;
import io.warmy.domain.webhook.Delivery;
import io.warmy.domain.webhook.WebhookEndpointId;

import java.time.Instant;
import java.util.List;

/**
 * The outbox of webhook deliveries. Called in the transaction that stored the event, so an event
 * and its deliveries are written together or not at all: a crash loses neither.
 */
public interface Outbox {

    /**
     * Writes one pending delivery, due at {@code dueAt}, for every enabled endpoint of the event's
     * tenant that subscribes to its type; answers how many. Sandbox events reach only sandbox
     * endpoints, live events only live ones.
     */
    int enqueue(Event event, Instant dueAt);

    /** Writes one pending delivery of the event to that endpoint alone (the endpoint's "Test" button). */
    Delivery enqueueTo(Event event, WebhookEndpointId endpointId, Instant dueAt);

    /** The deliveries of one event, oldest first. */
    List<Delivery> deliveriesOf(Tenant tenant, EventId eventId);
}
