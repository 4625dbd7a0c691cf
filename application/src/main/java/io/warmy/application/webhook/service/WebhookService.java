package io.warmy.application.webhook.service;

import io.warmy.application.common.Page;
import io.warmy.application.common.PageRequest;
import io.warmy.application.common.UuidV7;
import io.warmy.application.common.port.out.Clock;
import io.warmy.application.common.port.out.Ids;
import io.warmy.application.common.port.out.Transactions;
import io.warmy.application.event.port.out.EventLog;
import io.warmy.application.webhook.port.in.ManageDeliveries;
import io.warmy.application.webhook.port.in.ManageWebhooks;
import io.warmy.application.webhook.port.out.DeliveryQueue;
import io.warmy.application.webhook.port.out.EndpointUrlPolicy;
import io.warmy.application.webhook.port.out.Outbox;
import io.warmy.application.webhook.port.out.WebhookEndpoints;
import io.warmy.domain.common.ConflictException;
import io.warmy.domain.common.MalformedException;
import io.warmy.domain.common.NotFoundException;
import io.warmy.domain.event.Event;
import io.warmy.domain.event.EventId;
import io.warmy.domain.event.Events;
import io.warmy.domain.tenancy.Tenant;
import io.warmy.domain.webhook.Delivery;
import io.warmy.domain.webhook.DeliveryFilter;
import io.warmy.domain.webhook.DeliveryId;
import io.warmy.domain.webhook.DeliveryStatus;
import io.warmy.domain.webhook.Subscription;
import io.warmy.domain.webhook.WebhookEndpoint;
import io.warmy.domain.webhook.WebhookEndpointId;
import io.warmy.domain.webhook.WebhookSecret;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.Optional;

/** Customers' webhook endpoints and their delivery logs. */
public final class WebhookService implements ManageWebhooks, ManageDeliveries {

    static final String TEST_MESSAGE = "This is a test event from Warmy. If you can read it, your endpoint works.";

    private final WebhookEndpoints endpoints;
    private final Outbox outbox;
    private final DeliveryQueue deliveries;
    private final EventLog eventLog;
    private final EndpointUrlPolicy urlPolicy;
    private final Transactions transactions;
    private final Ids ids;
    private final UuidV7 eventIds;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public WebhookService(WebhookEndpoints endpoints, Outbox outbox, DeliveryQueue deliveries, EventLog eventLog,
                          EndpointUrlPolicy urlPolicy, Transactions transactions, Ids ids, Clock clock) {
        this.endpoints = endpoints;
        this.outbox = outbox;
        this.deliveries = deliveries;
        this.eventLog = eventLog;
        this.urlPolicy = urlPolicy;
        this.transactions = transactions;
        this.ids = ids;
        this.eventIds = new UuidV7(clock);
        this.clock = clock;
    }

    @Override
    public WithSecret create(CreateCommand c) {
        String url = WebhookEndpoint.requireUrl(c.url());
        Subscription subscription = Subscription.parse(c.events());
        urlPolicy.check(url);
        WebhookSecret secret = newSecret();
        WebhookEndpoint endpoint = WebhookEndpoint.create(WebhookEndpointId.fromUlid(ids.next()), c.tenant(), url,
                subscription, c.description(), secret, clock.now());
        endpoints.insert(endpoint);
        return new WithSecret(endpoint, secret.reveal());
    }

    @Override
    public Page<WebhookEndpoint> list(Tenant tenant, PageRequest page) {
        Optional<WebhookEndpointId> after = page.afterId().map(raw -> cursor(() -> new WebhookEndpointId(raw)));
        return Page.of(endpoints.list(tenant, after, page.limit() + 1), page.limit(), e -> e.id().value());
    }

    @Override
    public WebhookEndpoint get(Tenant tenant, String webhookId) {
        WebhookEndpointId id = new WebhookEndpointId(webhookId);
        return endpoints.find(tenant, id).orElseThrow(() -> new NotFoundException("webhook", webhookId));
    }

    @Override
    public WebhookEndpoint update(Tenant tenant, String webhookId, UpdateCommand c) {
        String url = c.url() == null ? null : WebhookEndpoint.requireUrl(c.url());
        Subscription subscription = c.events() == null ? null : Subscription.parse(c.events());
        if (url != null) {
            urlPolicy.check(url);
        }
        return transactions.inTransaction(() -> {
            WebhookEndpoint changed = get(tenant, webhookId).update(url, subscription, c.description(), c.enabled(),
                    clock.now());
            endpoints.update(changed);
            return changed;
        });
    }

    @Override
    public WebhookEndpoint delete(Tenant tenant, String webhookId) {
        return transactions.inTransaction(() -> {
            WebhookEndpoint endpoint = get(tenant, webhookId);
            endpoints.delete(tenant, endpoint.id());
            return endpoint;
        });
    }

    @Override
    public WithSecret rotateSecret(Tenant tenant, String webhookId) {
        WebhookSecret secret = newSecret();
        WebhookEndpoint rotated = transactions.inTransaction(() -> {
            WebhookEndpoint changed = get(tenant, webhookId).rotate(secret, clock.now());
            endpoints.update(changed);
            return changed;
        });
        return new WithSecret(rotated, secret.reveal());
    }

    @Override
    public TestSent sendTest(Tenant tenant, String webhookId) {
        return transactions.inTransaction(() -> {
            WebhookEndpoint endpoint = get(tenant, webhookId);
            Instant now = clock.now();
            // Stored like any event (so GET /events shows it) but delivered to this endpoint alone.
            Event event = eventLog.append(tenant, Events.webhookTest(endpoint.id().value(), now, TEST_MESSAGE),
                    new EventId(eventIds.next(now)), now).event();
            return new TestSent(event.id(), outbox.enqueueTo(event, endpoint.id(), now));
        });
    }

    @Override
    public Page<Logged> deliveries(Tenant tenant, String webhookId, DeliveryFilter filter, PageRequest page) {
        WebhookEndpoint endpoint = get(tenant, webhookId);
        Optional<DeliveryId> after = page.afterId().map(raw -> cursor(() -> new DeliveryId(raw)));
        return Page.of(deliveries.list(tenant, endpoint.id(), filter, after, page.limit() + 1), page.limit(),
                d -> d.id().value()).map(d -> new Logged(d, deliveries.attempts(tenant, d.id())));
    }

    @Override
    public Logged retry(Tenant tenant, String webhookId, String deliveryId) {
        WebhookEndpoint endpoint = get(tenant, webhookId);
        DeliveryId id = new DeliveryId(deliveryId);
        requireEnabled(endpoint);
        Delivery delivery = deliveries.find(tenant, id).filter(d -> d.endpointId().equals(endpoint.id()))
                .orElseThrow(() -> new NotFoundException("delivery", deliveryId));
        // A pending delivery is already on its way (perhaps in flight right now); only a failed one comes back.
        if (delivery.status() != DeliveryStatus.FAILED) {
            throw new ConflictException("delivery_not_failed", "Delivery " + deliveryId + " is "
                    + delivery.status().wireName() + "; only failed deliveries can be retried.");
        }
        deliveries.requeue(tenant, delivery.id(), clock.now());
        Delivery due = deliveries.find(tenant, id).orElseThrow(() -> new NotFoundException("delivery", deliveryId));
        return new Logged(due, deliveries.attempts(tenant, id));
    }

    @Override
    public int recover(Tenant tenant, String webhookId, Instant since) {
        WebhookEndpoint endpoint = get(tenant, webhookId);
        requireEnabled(endpoint);
        return deliveries.requeueFailed(tenant, endpoint.id(), since, clock.now());
    }

    /** Retrying into a disabled endpoint would only fail again at once: enable it first. */
    private static void requireEnabled(WebhookEndpoint endpoint) {
        if (!endpoint.enabled()) {
            throw new ConflictException("webhook_disabled", "Webhook " + endpoint.id() + " is disabled ("
                    + endpoint.disabledReason() + "); enable it with PATCH {\"enabled\": true} first.");
        }
    }

    private WebhookSecret newSecret() {
        byte[] bytes = new byte[WebhookSecret.RANDOM_BYTES];
        random.nextBytes(bytes);
        return WebhookSecret.fromRandom(bytes);
    }

    private static <T> T cursor(java.util.function.Supplier<T> parse) {
        try {
            return parse.get();
        } catch (MalformedException e) {
            throw new MalformedException("cursor", "cursor is not one this API returned; pass nextCursor unchanged.");
        }
    }
}
