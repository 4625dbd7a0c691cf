package io.warmy.adapters.webhook;

import io.warmy.application.webhook.port.in.DeliverWebhooks;
import io.warmy.domain.event.EventId;
import io.warmy.domain.event.EventType;
import io.warmy.domain.tenancy.Mode;
import io.warmy.domain.tenancy.Tenant;
import io.warmy.domain.tenancy.WorkspaceId;
import io.warmy.domain.webhook.Delivery;
import io.warmy.domain.webhook.DeliveryId;
import io.warmy.domain.webhook.WebhookEndpointId;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** The dispatcher runtime against a scripted use case: concurrency caps and isolation of slow endpoints. */
class DeliveryWorkerTest {

    private static final Tenant TENANT = new Tenant(new WorkspaceId("ws_01JD4S3K2M9V6QW8XR5T7YB0CE"), Mode.LIVE);
    private static final WebhookEndpointId SLOW = new WebhookEndpointId("we_01JD4S3K2M9V6QW8XR5T7YB0C0");
    private static final WebhookEndpointId FAST = new WebhookEndpointId("we_01JD4S3K2M9V6QW8XR5T7YB0C1");

    /** A queue of due deliveries that honours the busy set like the real stores do. */
    private static final class Scripted implements DeliverWebhooks {
        final Deque<Delivery> due = new ArrayDeque<>();
        final CountDownLatch releaseSlow = new CountDownLatch(1);
        final Set<DeliveryId> attempted = ConcurrentHashMap.newKeySet();
        final AtomicInteger slowInFlight = new AtomicInteger();
        final AtomicInteger maxSlowInFlight = new AtomicInteger();
        final CountDownLatch fastDone;

        Scripted(int fast) {
            fastDone = new CountDownLatch(fast);
        }

        @Override
        public synchronized List<Delivery> claimDue(String owner, int max, Duration lease, Set<WebhookEndpointId> busy) {
            List<Delivery> out = new ArrayList<>();
            for (var it = due.iterator(); it.hasNext() && out.size() < max; ) {
                Delivery d = it.next();
                if (!busy.contains(d.endpointId())) {
                    out.add(d);
                    it.remove();
                }
            }
            return out;
        }

        @Override
        public void attempt(Delivery claimed, String owner) {
            attempted.add(claimed.id());
            if (claimed.endpointId().equals(SLOW)) {
                maxSlowInFlight.accumulateAndGet(slowInFlight.incrementAndGet(), Math::max);
                try {
                    releaseSlow.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    slowInFlight.decrementAndGet();
                }
            } else {
                fastDone.countDown();
            }
        }

        @Override
        public synchronized void release(Delivery claimed, String owner) {
            due.addFirst(claimed);
        }
    }

    private static Delivery delivery(int n, WebhookEndpointId endpoint) {
        return Delivery.pending(new DeliveryId(String.format("dlv_01JD4S3K2M9V6QW8XR5T7Y%04d", n)), TENANT, endpoint,
                new EventId("0190f5e4-7d2a-7c3b-8a1e-4f5d6c7b8a9e"), EventType.EMAIL_CLICKED, Instant.EPOCH);
    }

    @Test
    void aHangingEndpointHoldsAtMostItsCapAndNeverDelaysTheOthers() throws Exception {
        Scripted script = new Scripted(50);
        for (int i = 0; i < 200; i++) {
            script.due.add(delivery(i, SLOW)); // a backlog of the hanging endpoint comes first
        }
        for (int i = 200; i < 250; i++) {
            script.due.add(delivery(i, FAST));
        }
        try (DeliveryWorker worker = new DeliveryWorker(script, new DeliveryWorker.Settings("node-a", 16, 4,
                Duration.ofSeconds(60), Duration.ofMillis(10))).start()) {
            assertThat(script.fastDone.await(5, TimeUnit.SECONDS)).as("the other endpoint's 50 deliveries went out").isTrue();
            assertThat(script.maxSlowInFlight.get()).isEqualTo(4);
            script.releaseSlow.countDown();
        }
    }

    @Test
    void everyDueDeliveryIsAttemptedOnceAndTheWorkerStopsCleanly() throws Exception {
        Scripted script = new Scripted(300);
        for (int i = 0; i < 300; i++) {
            script.due.add(delivery(i, i % 2 == 0 ? FAST : new WebhookEndpointId("we_01JD4S3K2M9V6QW8XR5T7YB0C2")));
        }
        DeliveryWorker worker = new DeliveryWorker(script, new DeliveryWorker.Settings("node-a", 8, 2,
                Duration.ofSeconds(60), Duration.ofMillis(10))).start();
        assertThat(script.fastDone.await(5, TimeUnit.SECONDS)).isTrue();
        worker.close();
        assertThat(script.attempted).hasSize(300);
    }

    /** One endpoint's deliveries, each attempt taking a while, with the claims and hand-backs counted. */
    private static final class OneEndpoint implements DeliverWebhooks {
        final Deque<Delivery> due = new ArrayDeque<>();
        final AtomicInteger claims = new AtomicInteger();
        final AtomicInteger releases = new AtomicInteger();
        final AtomicInteger attempts = new AtomicInteger();
        final AtomicInteger inFlight = new AtomicInteger();
        final AtomicInteger maxInFlight = new AtomicInteger();
        final Set<DeliveryId> attempted = ConcurrentHashMap.newKeySet();
        final CountDownLatch done;
        final long attemptMillis;

        OneEndpoint(int count, long attemptMillis) {
            for (int i = 0; i < count; i++) {
                due.add(delivery(i, FAST));
            }
            done = new CountDownLatch(count);
            this.attemptMillis = attemptMillis;
        }

        @Override
        public synchronized List<Delivery> claimDue(String owner, int max, Duration lease, Set<WebhookEndpointId> busy) {
            claims.incrementAndGet();
            List<Delivery> out = new ArrayList<>();
            while (!busy.contains(FAST) && out.size() < max && !due.isEmpty()) {
                out.add(due.pollFirst());
            }
            return out;
        }

        @Override
        public void attempt(Delivery claimed, String owner) {
            maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            attempts.incrementAndGet();
            try {
                Thread.sleep(attemptMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                inFlight.decrementAndGet();
            }
            assertThat(attempted.add(claimed.id())).as("attempted once: %s", claimed.id()).isTrue();
            done.countDown();
        }

        @Override
        public synchronized void release(Delivery claimed, String owner) {
            releases.incrementAndGet();
            due.addFirst(claimed);
        }
    }

    @Test
    void deliveriesClaimedBeyondTheEndpointsCapWaitHereAndGoOutWithoutAnotherClaim() throws Exception {
        OneEndpoint script = new OneEndpoint(64, 5);
        try (DeliveryWorker worker = new DeliveryWorker(script, new DeliveryWorker.Settings("node-a", 32, 4,
                Duration.ofSeconds(60), Duration.ofSeconds(1))).start()) {
            assertThat(script.done.await(10, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(script.attempts.get()).isEqualTo(64);
        assertThat(script.maxInFlight.get()).isEqualTo(4);
        assertThat(script.releases.get()).isZero();
        // 32 claimed at once, 4 sent and 28 held; then the next 32: a handful of claims, not one per delivery.
        assertThat(script.claims.get()).isLessThan(16);
    }

    @Test
    void aDeliveryHeldForHalfItsLeaseIsHandedBackNotSentLate() throws Exception {
        OneEndpoint script = new OneEndpoint(12, 30);
        try (DeliveryWorker worker = new DeliveryWorker(script, new DeliveryWorker.Settings("node-a", 8, 1,
                Duration.ofMillis(100), Duration.ofMillis(5))).start()) {
            assertThat(script.done.await(10, TimeUnit.SECONDS)).isTrue();
        }
        assertThat(script.attempted).hasSize(12);
        assertThat(script.attempts.get()).isEqualTo(12);
        assertThat(script.releases.get()).isPositive();
    }
}
