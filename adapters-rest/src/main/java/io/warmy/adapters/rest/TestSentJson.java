package io.warmy.adapters.rest;

import io.warmy.application.webhook.port.in.ManageDeliveries;

import java.util.List;

/**
 * The answer to sending a test: the new {@code webhook.test} event's id (to find it in
 * {@code /events}) and its delivery, queued and not yet attempted.
 */
record TestSentJson(String eventId, DeliveryJson delivery) {

    static TestSentJson of(ManageDeliveries.TestSent sent) {
        return new TestSentJson(sent.eventId().value(), DeliveryJson.of(sent.delivery(), List.of()));
    }
}
