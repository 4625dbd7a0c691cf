package io.warmy.application.webhook.port.in;

import io.warmy.application.common.Page;
import io.warmy.application.common.PageRequest;
import io.warmy.domain.event.EventId;
import io.warmy.domain.tenancy.Tenant;
import io.warmy.domain.webhook.Delivery;
import io.warmy.domain.webhook.DeliveryAttempt;
import io.warmy.domain.webhook.DeliveryFilter;

import java.time.Instant;
import java.util.List;

/**
 * An endpoint's deliveries: the "Test" button, the delivery log with every attempt, and retrying
 * by hand, one delivery or every failed one since a time.
 */
public interface ManageDeliveries {

    /** A delivery with its attempts, oldest first. */
    record Logged(Delivery delivery, List<DeliveryAttempt> attempts) {
    }

    /** A {@code webhook.test} event, new every time, delivered to this endpoint only. */
    record TestSent(EventId eventId, Delivery delivery) {
    }

    TestSent sendTest(Tenant tenant, String webhookId);

    Page<Logged> deliveries(Tenant tenant, String webhookId, DeliveryFilter filter, PageRequest page);

    Logged retry(Tenant tenant, String webhookId, String deliveryId);

    /** @return how many failed deliveries are due again */
    int recover(Tenant tenant, String webhookId, Instant since);
}
