package io.warmy.application.contract;

import io.warmy.application.testing.Store;
import io.warmy.domain.event.Event;
import io.warmy.domain.event.EventType;
import io.warmy.domain.event.Events;
import io.warmy.domain.mailbox.MailboxId;
import io.warmy.domain.tenancy.Mode;
import io.warmy.domain.tenancy.Tenant;
import io.warmy.domain.webhook.Delivery;
import io.warmy.domain.webhook.DeliveryStatus;
import io.warmy.domain.webhook.Subscription;
import io.warmy.domain.webhook.WebhookEndpoint;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What every {@code Outbox} (and {@code WebhookEndpoints}) adapter promises. */
public abstract class OutboxContract {

    protected abstract Store newStore();

    private static final MailboxId MBX = new MailboxId("mbx_01JD4S3K2M9V6QW8XR5T7YB0CE");
    private static final Instant T = Instant.parse("2026-03-20T14:30:00.123Z");

    private Store store;
    private Fixtures fx;
    private Tenant live;

    @BeforeEach
    void freshStore() {
        store = newStore();
        fx = new Fixtures(store);
        live = fx.tenant(Mode.LIVE);
    }

    private Event stored(Tenant tenant) {
        return store.eventLog().append(tenant, Events.milestone(MBX, "day_7", 7, T), fx.eventId(), T).event();
    }

    @Test
    void anEndpointComesBackAsStoredAndOnlyInItsTenant() {
        WebhookEndpoint e = fx.endpoint(live, Subscription.of(Set.of(EventType.EMAIL_CLICKED, EventType.LIMIT_HIT)), true);
        WebhookEndpoint all = fx.endpoint(live, Subscription.ALL, false);
        assertThat(store.webhookEndpoints().find(live, e.id())).contains(e);
        assertThat(store.webhookEndpoints().find(live, all.id())).contains(all);
        assertThat(store.webhookEndpoints().find(new Tenant(live.workspaceId(), Mode.SANDBOX), e.id())).isEmpty();
    }

    @Test
    void anEventGetsOnePendingDeliveryPerEnabledSubscribedEndpointOfItsTenant() {
        WebhookEndpoint all = fx.endpoint(live, Subscription.ALL, true);
        WebhookEndpoint milestones = fx.endpoint(live, Subscription.of(Set.of(EventType.WARMUP_MILESTONE)), true);
        fx.endpoint(live, Subscription.of(Set.of(EventType.EMAIL_CLICKED)), true);
        fx.endpoint(live, Subscription.ALL, false);
        fx.endpoint(new Tenant(live.workspaceId(), Mode.SANDBOX), Subscription.ALL, true);
        fx.endpoint(fx.tenant(Mode.LIVE), Subscription.ALL, true);

        Event event = stored(live);
        Instant due = T.plusMillis(5);
        assertThat(store.outbox().enqueue(event, due)).isEqualTo(2);
        assertThat(store.outbox().deliveriesOf(live, event.id()))
                .extracting(Delivery::endpointId).containsExactlyInAnyOrder(all.id(), milestones.id());
        assertThat(store.outbox().deliveriesOf(live, event.id())).allSatisfy(d -> {
            assertThat(d.status()).isEqualTo(DeliveryStatus.PENDING);
            assertThat(d.attempts()).isZero();
            assertThat(d.nextAttemptAt()).isEqualTo(due);
            assertThat(d.eventType()).isEqualTo(EventType.WARMUP_MILESTONE);
            assertThat(d.tenant()).isEqualTo(live);
        });
    }

    @Test
    void withNoSubscriberAnEventWaitsForNobody() {
        Event event = stored(live);
        assertThat(store.outbox().enqueue(event, T)).isZero();
        assertThat(store.outbox().deliveriesOf(live, event.id())).isEmpty();
    }

    @Test
    void deliveriesAreWrittenWithTheEventOrNotAtAll() {
        fx.endpoint(live, Subscription.ALL, true);
        assertThatThrownBy(() -> store.transactions().inTransaction(() -> {
            Event event = stored(live);
            store.outbox().enqueue(event, T);
            throw new IllegalStateException("crash after the outbox write");
        })).isInstanceOf(IllegalStateException.class);
        assertThat(store.eventLog().list(live, io.warmy.domain.event.EventQuery.ALL, java.util.Optional.empty(), 10)).isEmpty();
    }
}
