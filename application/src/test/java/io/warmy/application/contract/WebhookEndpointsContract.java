package io.warmy.application.contract;

import io.warmy.application.testing.Store;
import io.warmy.application.webhook.port.out.WebhookEndpoints;
import io.warmy.domain.event.EventType;
import io.warmy.domain.event.Events;
import io.warmy.domain.tenancy.Mode;
import io.warmy.domain.tenancy.Tenant;
import io.warmy.domain.webhook.DeliveryFilter;
import io.warmy.domain.webhook.Subscription;
import io.warmy.domain.webhook.WebhookEndpoint;
import io.warmy.domain.webhook.WebhookSecret;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** What every {@code WebhookEndpoints} adapter promises. */
public abstract class WebhookEndpointsContract {

    protected abstract Store newStore();

    private Store store;
    private WebhookEndpoints endpoints;
    private Fixtures fx;
    private Tenant live;

    @BeforeEach
    void freshStore() {
        store = newStore();
        endpoints = store.webhookEndpoints();
        fx = new Fixtures(store);
        live = fx.tenant(Mode.LIVE);
    }

    @Test
    void everyFieldRoundTripsIncludingARotatedSecretAndAFailureStreak() {
        WebhookEndpoint e = fx.endpoint(live, Subscription.of(Set.of(EventType.EMAIL_CLICKED, EventType.REPLY_RECEIVED)), true);
        assertThat(endpoints.find(live, e.id())).contains(e);
        Instant later = e.createdAt().plus(Duration.ofMinutes(3));
        WebhookEndpoint changed = e.rotate(WebhookSecret.fromRandom(new byte[48]), later).failed(later)
                .update("https://hooks.example/v2", Subscription.ALL, "second version", null, later);
        assertThat(endpoints.update(changed)).isTrue();
        assertThat(endpoints.find(live, e.id())).contains(changed);
    }

    @Test
    void aDisabledEndpointKeepsItsReason() {
        WebhookEndpoint e = fx.endpoint(live, Subscription.ALL, true);
        WebhookEndpoint gone = e.disable(WebhookEndpoint.DISABLED_GONE, e.createdAt().plusSeconds(1));
        endpoints.update(gone);
        assertThat(endpoints.find(live, e.id()).orElseThrow().disabledReason()).isEqualTo(WebhookEndpoint.DISABLED_GONE);
    }

    @Test
    void listIsNewestFirstPerTenantAndPagesById() {
        List<WebhookEndpoint> made = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            made.add(fx.endpoint(live, Subscription.ALL, true));
        }
        fx.endpoint(new Tenant(live.workspaceId(), Mode.SANDBOX), Subscription.ALL, true);
        List<WebhookEndpoint> page1 = endpoints.list(live, Optional.empty(), 3);
        assertThat(page1).containsExactlyElementsOf(made.reversed().subList(0, 3));
        assertThat(endpoints.list(live, Optional.of(page1.get(2).id()), 3)).containsExactly(made.get(0));
    }

    @Test
    void anotherTenantCannotUpdateOrDeleteAnEndpoint() {
        WebhookEndpoint e = fx.endpoint(live, Subscription.ALL, true);
        Tenant sandbox = new Tenant(live.workspaceId(), Mode.SANDBOX);
        WebhookEndpoint foreign = new WebhookEndpoint(e.id(), sandbox, e.url(), e.subscription(), "hijacked", true, null,
                e.secret(), null, null, null, e.createdAt(), e.updatedAt());
        assertThat(endpoints.update(foreign)).isFalse();
        assertThat(endpoints.delete(sandbox, e.id())).isFalse();
        assertThat(endpoints.find(live, e.id())).contains(e);
    }

    @Test
    void deletingAnEndpointTakesItsDeliveriesWithIt() {
        WebhookEndpoint e = fx.endpoint(live, Subscription.ALL, true);
        var event = store.eventLog().append(live, Events.webhookTest(e.id().value(), fx.now(), "hi"), fx.eventId(),
                fx.now()).event();
        store.outbox().enqueueTo(event, e.id(), fx.now());
        assertThat(endpoints.delete(live, e.id())).isTrue();
        assertThat(endpoints.find(live, e.id())).isEmpty();
        assertThat(store.deliveryQueue().list(live, e.id(), DeliveryFilter.ALL, Optional.empty(), 10)).isEmpty();
        assertThat(store.outbox().deliveriesOf(live, event.id())).isEmpty();
        assertThat(endpoints.delete(live, e.id())).isFalse();
    }
}
