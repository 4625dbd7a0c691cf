package io.warmy.application.webhook.service;

import io.warmy.application.common.port.out.Clock;
import io.warmy.application.common.port.out.Telemetry;
import io.warmy.application.common.port.out.Transactions;
import io.warmy.application.event.port.out.EventLog;
import io.warmy.application.webhook.port.in.DeliverWebhooks;
import io.warmy.application.webhook.port.out.DeliveryQueue;
import io.warmy.application.webhook.port.out.WebhookEndpoints;
import io.warmy.application.webhook.port.out.WebhookTransport;
import io.warmy.domain.event.Event;
import io.warmy.domain.webhook.Delivery;
import io.warmy.domain.webhook.DeliveryAttempt;
import io.warmy.domain.webhook.DeliveryOutcome;
import io.warmy.domain.webhook.DeliveryPolicy;
import io.warmy.domain.webhook.WebhookEndpoint;
import io.warmy.domain.webhook.WebhookEndpointId;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.random.RandomGenerator;

/**
 * Attempts claimed deliveries: loads the event and the endpoint, sends through the transport
 * (outside any transaction: a slow receiver holds no database connection), then stores the
 * attempt, the settled delivery and the endpoint's new state together.
 */
public final class DispatchService implements DeliverWebhooks {

    private final DeliveryQueue queue;
    private final WebhookEndpoints endpoints;
    private final EventLog eventLog;
    private final WebhookTransport transport;
    private final Transactions transactions;
    private final Clock clock;
    private final RandomGenerator random;
    private final Telemetry telemetry;

    public DispatchService(DeliveryQueue queue, WebhookEndpoints endpoints, EventLog eventLog, WebhookTransport transport,
                           Transactions transactions, Clock clock, RandomGenerator random) {
        this(queue, endpoints, eventLog, transport, transactions, clock, random, Telemetry.NONE);
    }

    public DispatchService(DeliveryQueue queue, WebhookEndpoints endpoints, EventLog eventLog, WebhookTransport transport,
                           Transactions transactions, Clock clock, RandomGenerator random, Telemetry telemetry) {
        this.telemetry = telemetry;
        this.queue = queue;
        this.endpoints = endpoints;
        this.eventLog = eventLog;
        this.transport = transport;
        this.transactions = transactions;
        this.clock = clock;
        this.random = random;
    }

    @Override
    public List<Delivery> claimDue(String owner, int max, Duration lease, Set<WebhookEndpointId> busy) {
        Instant now = clock.now();
        return queue.claim(owner, now, now.plus(lease), max, busy);
    }

    @Override
    public void attempt(Delivery claimed, String owner) {
        Optional<WebhookEndpoint> endpoint = endpoints.find(claimed.tenant(), claimed.endpointId());
        Optional<Event> event = eventLog.find(claimed.tenant(), claimed.eventId());
        if (endpoint.isEmpty() || event.isEmpty()) {
            queue.complete(claimed.abandoned(endpoint.isEmpty() ? "endpoint deleted" : "event no longer stored"),
                    Optional.empty(), owner);
            telemetry.deliverySettled(Telemetry.DeliveryResult.ABANDONED, Duration.ZERO);
            return;
        }
        if (!endpoint.get().enabled()) {
            queue.complete(claimed.abandoned("endpoint disabled (" + endpoint.get().disabledReason() + ")"),
                    Optional.empty(), owner);
            telemetry.deliverySettled(Telemetry.DeliveryResult.ABANDONED, Duration.ZERO);
            return;
        }
        Instant at = clock.now();
        DeliveryOutcome outcome = transport.deliver(event.get(), endpoint.get().url(), endpoint.get().signingSecrets(at), at);
        Instant settledAt = clock.now();
        // Attempts end by the hundred a second under load: their settlements may share a commit.
        Delivery settledDelivery = transactions.inSharedTransaction(() -> {
            // The endpoint is read again: another delivery may have moved its failure streak meanwhile.
            WebhookEndpoint current = endpoints.find(claimed.tenant(), claimed.endpointId()).orElse(endpoint.get());
            DeliveryPolicy.Settled settled = DeliveryPolicy.settle(claimed, current, outcome, settledAt, random);
            if (queue.complete(settled.delivery(), Optional.of(DeliveryAttempt.of(claimed, at, outcome)), owner)
                    && !settled.endpoint().equals(current)) {
                endpoints.update(settled.endpoint());
            }
            return settled.delivery();
        });
        telemetry.deliverySettled(switch (settledDelivery.status()) {
            case SUCCEEDED -> Telemetry.DeliveryResult.SUCCEEDED;
            case FAILED -> Telemetry.DeliveryResult.FAILED;
            case PENDING -> Telemetry.DeliveryResult.RETRY_SCHEDULED;
        }, outcome.latency());
    }

    @Override
    public void release(Delivery claimed, String owner) {
        queue.release(claimed.id(), owner);
    }
}
