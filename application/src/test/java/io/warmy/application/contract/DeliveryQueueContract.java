package io.warmy.application.contract;

import io.warmy.application.testing.Store;
import io.warmy.application.webhook.port.out.DeliveryQueue;
import io.warmy.domain.event.Event;
import io.warmy.domain.event.EventType;
import io.warmy.domain.event.Events;
import io.warmy.domain.mailbox.MailboxId;
import io.warmy.domain.tenancy.Mode;
import io.warmy.domain.tenancy.Tenant;
import io.warmy.domain.webhook.Delivery;
import io.warmy.domain.webhook.DeliveryAttempt;
import io.warmy.domain.webhook.DeliveryFilter;
import io.warmy.domain.webhook.DeliveryOutcome;
import io.warmy.domain.webhook.DeliveryStatus;
import io.warmy.domain.webhook.Subscription;
import io.warmy.domain.webhook.WebhookEndpoint;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** What every {@code DeliveryQueue} adapter promises: claims under leases, settled attempts, the log. */
public abstract class DeliveryQueueContract {

    protected abstract Store newStore();

    private static final MailboxId MBX = new MailboxId("mbx_01JD4S3K2M9V6QW8XR5T7YB0CE");
    private static final Instant T = Instant.parse("2026-03-20T14:30:00.123Z");

    private Store store;
    private DeliveryQueue queue;
    private Fixtures fx;
    private Tenant live;
    private WebhookEndpoint endpoint;

    @BeforeEach
    void freshStore() {
        store = newStore();
        queue = store.deliveryQueue();
        fx = new Fixtures(store);
        live = fx.tenant(Mode.LIVE);
        endpoint = fx.endpoint(live, Subscription.ALL, true);
    }

    private Delivery enqueue(String milestone, Instant due) {
        Event event = store.eventLog().append(live, Events.milestone(MBX, milestone, 7, T), fx.eventId(), T).event();
        return store.outbox().enqueueTo(event, endpoint.id(), due);
    }

    @Test
    void dueDeliveriesAreClaimedOnceUntilTheLeaseRunsOut() {
        Delivery due = enqueue("day_7", T);
        enqueue("day_14", T.plusSeconds(60));
        List<Delivery> claimed = queue.claim("node-a", T, T.plusSeconds(30), 10);
        assertThat(claimed).extracting(Delivery::id).containsExactly(due.id());
        assertThat(queue.claim("node-b", T.plusSeconds(10), T.plusSeconds(40), 10)).as("leased").isEmpty();
        assertThat(queue.claim("node-b", T.plusSeconds(31), T.plusSeconds(61), 10)).extracting(Delivery::id)
                .as("the lease ran out: node-a died").containsExactly(due.id());
    }

    @Test
    void claimsComeOldestDueFirstAndUpToTheLimit() {
        Delivery later = enqueue("day_7", T.plusSeconds(2));
        Delivery earlier = enqueue("day_14", T.plusSeconds(1));
        enqueue("day_30", T.plusSeconds(3));
        assertThat(queue.claim("node-a", T.plusSeconds(5), T.plusSeconds(60), 2)).extracting(Delivery::id)
                .containsExactly(earlier.id(), later.id());
    }

    @Test
    void endpointsTheDispatcherIsBusyWithAreLeftOutOfItsClaims() {
        Delivery toBusy = enqueue("day_7", T);
        WebhookEndpoint other = fx.endpoint(live, Subscription.ALL, true);
        Event event = store.eventLog().append(live, Events.milestone(MBX, "day_14", 14, T), fx.eventId(), T).event();
        Delivery toOther = store.outbox().enqueueTo(event, other.id(), T.plusSeconds(1));
        assertThat(queue.claim("node-a", T.plusSeconds(2), T.plusSeconds(30), 10, Set.of(endpoint.id())))
                .extracting(Delivery::id).containsExactly(toOther.id());
        assertThat(queue.claim("node-a", T.plusSeconds(2), T.plusSeconds(30), 10, Set.of(other.id())))
                .extracting(Delivery::id).containsExactly(toBusy.id());
    }

    @Test
    void twoDispatchersGetDisjointClaims() {
        for (int i = 0; i < 6; i++) {
            enqueue("m" + i, T);
        }
        List<Delivery> a = queue.claim("node-a", T, T.plusSeconds(30), 4);
        List<Delivery> b = queue.claim("node-b", T, T.plusSeconds(30), 4);
        Set<Object> ids = new HashSet<>();
        a.forEach(d -> ids.add(d.id()));
        b.forEach(d -> ids.add(d.id()));
        assertThat(a).hasSize(4);
        assertThat(b).hasSize(2);
        assertThat(ids).hasSize(6);
    }

    @Test
    void completingStoresTheSettledDeliveryAndItsAttemptAndEndsTheLease() {
        Delivery d = enqueue("day_7", T);
        Delivery claimed = queue.claim("node-a", T, T.plusSeconds(30), 1).getFirst();
        DeliveryOutcome outcome = DeliveryOutcome.answered(500, Duration.ofMillis(42), "boom", Optional.empty());
        Delivery settled = claimed.after(outcome, DeliveryStatus.PENDING, T.plusSeconds(5));
        DeliveryAttempt attempt = DeliveryAttempt.of(claimed, T.plusMillis(1), outcome);
        assertThat(queue.complete(settled, Optional.of(attempt), "node-a")).isTrue();

        assertThat(queue.find(live, d.id())).contains(settled);
        assertThat(queue.attempts(live, d.id())).containsExactly(attempt);
        assertThat(queue.claim("node-b", T.plusSeconds(4), T.plusSeconds(60), 10)).as("not due yet").isEmpty();
        assertThat(queue.claim("node-b", T.plusSeconds(5), T.plusSeconds(60), 10)).extracting(Delivery::id)
                .containsExactly(d.id());
    }

    @Test
    void aDispatcherThatLostItsLeaseCannotCompleteTheDelivery() {
        enqueue("day_7", T);
        Delivery claimed = queue.claim("node-a", T, T.plusSeconds(30), 1).getFirst();
        queue.claim("node-b", T.plusSeconds(31), T.plusSeconds(61), 1);
        DeliveryOutcome ok = DeliveryOutcome.answered(200, Duration.ofMillis(5), "", Optional.empty());
        assertThat(queue.complete(claimed.after(ok, DeliveryStatus.SUCCEEDED, null),
                Optional.of(DeliveryAttempt.of(claimed, T, ok)), "node-a")).isFalse();
        assertThat(queue.find(live, claimed.id()).orElseThrow().status()).isEqualTo(DeliveryStatus.PENDING);
        assertThat(queue.attempts(live, claimed.id())).isEmpty();
    }

    @Test
    void aReleasedClaimIsDueAgainAtOnce() {
        enqueue("day_7", T);
        Delivery claimed = queue.claim("node-a", T, T.plusSeconds(30), 1).getFirst();
        queue.release(claimed.id(), "node-a");
        assertThat(queue.claim("node-b", T.plusSeconds(1), T.plusSeconds(30), 1)).extracting(Delivery::id)
                .containsExactly(claimed.id());
    }

    @Test
    void failedDeliveriesComeBackByHandOneByOneOrAllSinceATime() {
        Delivery old = enqueue("day_7", T);
        Delivery recent = enqueue("day_14", T.plusSeconds(3600));
        for (Delivery d : List.of(old, recent)) {
            Delivery claimed = queue.claim("node-a", T.plusSeconds(7200), T.plusSeconds(7300), 1).getFirst();
            DeliveryOutcome gone = DeliveryOutcome.answered(500, Duration.ofMillis(1), "", Optional.empty());
            queue.complete(claimed.after(gone, DeliveryStatus.FAILED, null),
                    Optional.of(DeliveryAttempt.of(claimed, T, gone)), "node-a");
        }
        Instant now = T.plusSeconds(9000);
        assertThat(queue.requeueFailed(live, endpoint.id(), T.plusSeconds(1800), now)).isEqualTo(1);
        assertThat(queue.find(live, recent.id()).orElseThrow()).satisfies(d -> {
            assertThat(d.status()).isEqualTo(DeliveryStatus.PENDING);
            assertThat(d.nextAttemptAt()).isEqualTo(now);
            assertThat(d.attempts()).isEqualTo(1);
        });
        assertThat(queue.find(live, old.id()).orElseThrow().status()).isEqualTo(DeliveryStatus.FAILED);
        assertThat(queue.requeue(live, old.id(), now)).isTrue();
        assertThat(queue.find(live, old.id()).orElseThrow().status()).isEqualTo(DeliveryStatus.PENDING);
        assertThat(queue.requeue(new Tenant(live.workspaceId(), Mode.SANDBOX), old.id(), now)).isFalse();
    }

    @Test
    void anEndpointsLogIsNewestFirstFilteredAndPaged() {
        Delivery a = enqueue("day_7", T);
        Delivery b = enqueue("day_14", T);
        Event click = store.eventLog().append(live, Events.limitHit(io.warmy.domain.sending.LimitType.DAILY_MAILBOX,
                MBX.value(), MBX, "c1", 5, 5, T), fx.eventId(), T).event();
        Delivery c = store.outbox().enqueueTo(click, endpoint.id(), T);
        assertThat(queue.list(live, endpoint.id(), DeliveryFilter.ALL, Optional.empty(), 2)).extracting(Delivery::id)
                .containsExactly(c.id(), b.id());
        assertThat(queue.list(live, endpoint.id(), DeliveryFilter.ALL, Optional.of(b.id()), 2)).extracting(Delivery::id)
                .containsExactly(a.id());
        assertThat(queue.list(live, endpoint.id(), new DeliveryFilter(null, EventType.LIMIT_HIT), Optional.empty(), 10))
                .extracting(Delivery::id).containsExactly(c.id());
        assertThat(queue.list(live, endpoint.id(), new DeliveryFilter(DeliveryStatus.FAILED, null), Optional.empty(), 10))
                .isEmpty();
        assertThat(queue.list(new Tenant(live.workspaceId(), Mode.SANDBOX), endpoint.id(), DeliveryFilter.ALL,
                Optional.empty(), 10)).isEmpty();
    }
}
