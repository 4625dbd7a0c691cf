package io.warmy.adapters.persistence;

import io.warmy.application.testing.Store;
import io.warmy.domain.event.Event;
import io.warmy.domain.event.EventType;
import io.warmy.domain.event.Events;
import io.warmy.domain.tenancy.Tenant;
import io.warmy.domain.webhook.Delivery;
import io.warmy.domain.webhook.Subscription;
import io.warmy.domain.webhook.WebhookEndpoint;
import io.warmy.domain.webhook.WebhookEndpointId;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Instant;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class DbOutboxTest {

    @ParameterizedTest
    @EnumSource(Engine.class)
    void deliveriesOfAnEventComeOldestFirstAndWithinOneEnqueueInTheOrderOfTheirEndpointIds(Engine engine) {
        Store store = engine.emptyStore();
        Tenant tenant = Fixture.tenant();
        List<WebhookEndpoint> endpoints = IntStream.range(0, 5)
                .mapToObj(i -> endpoint(store, tenant, Subscription.ALL))
                .toList();
        Event event = store.eventLog()
                .append(tenant, Fixture.click("p1", "https://acme.example/a"), Fixture.eventId(), Fixture.NOW).event();

        store.outbox().enqueue(event, Fixture.NOW.plusSeconds(60));
        store.outbox().enqueue(event, Fixture.NOW);

        List<Delivery> deliveries = store.outbox().deliveriesOf(tenant, event.id());
        assertThat(deliveries).extracting(Delivery::createdAt).containsExactly(
                Stream.of(0, 0, 0, 0, 0, 60, 60, 60, 60, 60).map(Fixture.NOW::plusSeconds).toArray(Instant[]::new));
        List<WebhookEndpointId> order = endpoints.stream().map(WebhookEndpoint::id)
                .sorted(Comparator.comparing(WebhookEndpointId::value)).toList();
        assertThat(deliveries.subList(0, 5)).extracting(Delivery::endpointId).containsExactlyElementsOf(order);
        assertThat(deliveries.subList(5, 10)).extracting(Delivery::endpointId).containsExactlyElementsOf(order);
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void anEndpointSubscribedToEveryTypeButOneKeepsItsChoiceExactly(Engine engine) {
        Store store = engine.emptyStore();
        Tenant tenant = Fixture.tenant();
        Set<EventType> allButTest = EnumSet.complementOf(EnumSet.of(EventType.WEBHOOK_TEST));
        WebhookEndpoint endpoint = endpoint(store, tenant, Subscription.of(allButTest));

        assertThat(store.webhookEndpoints().find(tenant, endpoint.id())).contains(endpoint);
        Event test = store.eventLog().append(tenant,
                Events.webhookTest(endpoint.id().value(), Fixture.NOW, "hello"),
                Fixture.eventId(), Fixture.NOW).event();
        assertThat(store.outbox().enqueue(test, Fixture.NOW)).isZero();
    }

    private static WebhookEndpoint endpoint(Store store, Tenant tenant, Subscription subscription) {
        WebhookEndpoint e = Fixture.endpoint(tenant, subscription);
        store.webhookEndpoints().insert(e);
        return e;
    }
}
