package io.warmy.adapters.persistence;

import io.warmy.application.testing.Store;
import io.warmy.application.webhook.port.out.DeliveryQueue;
import io.warmy.domain.event.Event;
import io.warmy.domain.tenancy.Mode;
import io.warmy.domain.tenancy.Tenant;
import io.warmy.domain.webhook.Delivery;
import io.warmy.domain.webhook.DeliveryAttempt;
import io.warmy.domain.webhook.DeliveryId;
import io.warmy.domain.webhook.DeliveryOutcome;
import io.warmy.domain.webhook.DeliveryStatus;
import io.warmy.domain.webhook.Subscription;
import io.warmy.domain.webhook.WebhookEndpoint;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class DbDeliveryQueueTest {

    private static final Instant T = Fixture.NOW;
    private static final int DUE = 200;
    private static final int BATCH = 10;

    @ParameterizedTest
    @EnumSource(Engine.class)
    void twoDispatchersOnTheirOwnPoolsClaimEveryDueDeliveryExactlyOnce(Engine engine) throws SQLException {
        Store store = engine.emptyStore();
        // Spread over tenants and due times, as a real backlog is: the claim is across tenants.
        List<Tenant> tenants = IntStream.range(0, 4).mapToObj(i -> Fixture.tenant()).toList();
        Map<Tenant, WebhookEndpoint> endpoints = new HashMap<>();
        tenants.forEach(t -> endpoints.put(t, stored(store, Fixture.endpoint(t, Subscription.ALL))));
        Set<DeliveryId> enqueued = new HashSet<>();
        store.transactions().inTransaction(() -> {
            for (int i = 0; i < DUE; i++) {
                Tenant tenant = tenants.get(i % tenants.size());
                Event event = event(store, tenant, i);
                enqueued.add(store.outbox().enqueueTo(event, endpoints.get(tenant).id(), T.minusMillis(i % 7)).id());
            }
            return null;
        });

        List<List<DeliveryId>> claims;
        try (PersistenceAdapter a = PersistenceAdapter.open(engine.shared());
             PersistenceAdapter b = PersistenceAdapter.open(engine.shared())) {
            List<DeliveryQueue> dispatchers = List.of(a.deliveryQueue(), b.deliveryQueue());
            claims = Concurrently.run(2, 1, (thread, round) -> {
                List<DeliveryId> mine = new ArrayList<>();
                List<Delivery> batch;
                do {
                    batch = dispatchers.get(thread).claim("node-" + thread, T, T.plusSeconds(60), BATCH);
                    assertThat(batch).hasSizeLessThanOrEqualTo(BATCH);
                    batch.forEach(d -> mine.add(d.id()));
                } while (!batch.isEmpty());
                return mine;
            });
        }

        List<DeliveryId> all = new ArrayList<>(claims.get(0));
        all.addAll(claims.get(1));
        assertThat(all).as("claimed exactly once each").doesNotHaveDuplicates().hasSize(DUE);
        assertThat(new HashSet<>(all)).isEqualTo(enqueued);
        assertThat(store.deliveryQueue().claim("node-late", T, T.plusSeconds(60), DUE)).isEmpty();
        Map<String, String> owners = leaseOwners(engine);
        for (int thread = 0; thread < 2; thread++) {
            String owner = "node-" + thread;
            claims.get(thread).forEach(id -> assertThat(owners.get(id.value())).as("lease of " + id).isEqualTo(owner));
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void aDispatcherWhoseLeaseRanOutAndWasTakenOverCompletesNothing(Engine engine) {
        Store store = engine.emptyStore();
        DeliveryQueue queue = store.deliveryQueue();
        Tenant tenant = Fixture.tenant();
        Delivery due = enqueue(store, tenant, stored(store, Fixture.endpoint(tenant, Subscription.ALL)), T);
        Delivery claimedByA = queue.claim("node-a", T, T.plusSeconds(30), 1).getFirst();

        assertThat(queue.claim("node-b", T.plusSeconds(29), T.plusSeconds(90), 1)).as("lease still live").isEmpty();
        assertThat(queue.claim("node-b", T.plusSeconds(30), T.plusSeconds(90), 1)).as("lease ran out")
                .extracting(Delivery::id).containsExactly(due.id());
        DeliveryOutcome ok = DeliveryOutcome.answered(204, Duration.ofMillis(12), "", Optional.empty());
        assertThat(queue.complete(claimedByA.after(ok, DeliveryStatus.SUCCEEDED, null),
                Optional.of(DeliveryAttempt.of(claimedByA, T.plusSeconds(31), ok)), "node-a")).isFalse();

        assertThat(queue.find(tenant, due.id())).contains(due);
        assertThat(queue.attempts(tenant, due.id())).isEmpty();
        queue.release(due.id(), "node-a");
        assertThat(queue.claim("node-c", T.plusSeconds(31), T.plusSeconds(90), 1)).as("still node-b's").isEmpty();
        assertThat(queue.complete(claimedByA.after(ok, DeliveryStatus.SUCCEEDED, null),
                Optional.of(DeliveryAttempt.of(claimedByA, T.plusSeconds(32), ok)), "node-b")).isTrue();
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void aDeliveryIsNotClaimedBeforeItsMillisecondComes(Engine engine) {
        Store store = engine.emptyStore();
        Tenant tenant = Fixture.tenant();
        Delivery later = enqueue(store, tenant, stored(store, Fixture.endpoint(tenant, Subscription.ALL)),
                T.plusMillis(1));

        assertThat(store.deliveryQueue().claim("node-a", T, T.plusSeconds(30), BATCH)).isEmpty();
        assertThat(store.deliveryQueue().claim("node-a", T.plusNanos(999_999), T.plusSeconds(30), BATCH)).isEmpty();
        assertThat(store.deliveryQueue().claim("node-a", T.plusMillis(1), T.plusSeconds(30), BATCH))
                .containsExactly(later);
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void completingLogsEachAttemptAndStoresWhatTheLastOneSettled(Engine engine) {
        Store store = engine.emptyStore();
        DeliveryQueue queue = store.deliveryQueue();
        Tenant tenant = Fixture.tenant();
        Delivery delivery = enqueue(store, tenant, stored(store, Fixture.endpoint(tenant, Subscription.ALL)), T);
        String snippet = "é🚀 {\"error\": \"down\"} ".repeat(64).substring(0, DeliveryOutcome.MAX_SNIPPET);

        Delivery first = queue.claim("node-a", T, T.plusSeconds(30), 1).getFirst();
        DeliveryOutcome serverError = DeliveryOutcome.answered(503, Duration.ofMillis(842), snippet, Optional.empty());
        Delivery retrying = first.after(serverError, DeliveryStatus.PENDING, T.plusSeconds(5));
        DeliveryAttempt attempt1 = DeliveryAttempt.of(first, T.plusMillis(3), serverError);
        assertThat(queue.complete(retrying, Optional.of(attempt1), "node-a")).isTrue();
        assertThat(queue.find(tenant, delivery.id())).contains(retrying);
        assertThat(retrying.lastStatusCode()).isEqualTo(503);

        Delivery second = queue.claim("node-b", T.plusSeconds(5), T.plusSeconds(35), 1).getFirst();
        assertThat(second).isEqualTo(retrying);
        DeliveryOutcome timeout = DeliveryOutcome.failed("timed out after 10 s", Duration.ofSeconds(10), true);
        Delivery failed = second.after(timeout, DeliveryStatus.FAILED, T.plusSeconds(600));
        DeliveryAttempt attempt2 = DeliveryAttempt.of(second, T.plusSeconds(6), timeout);
        assertThat(queue.complete(failed, Optional.of(attempt2), "node-b")).isTrue();

        Delivery stored = queue.find(tenant, delivery.id()).orElseThrow();
        assertThat(stored).isEqualTo(failed);
        assertThat(stored.attempts()).isEqualTo(2);
        assertThat(stored.nextAttemptAt()).isNull();
        assertThat(stored.lastStatusCode()).isNull();
        assertThat(stored.lastError()).isEqualTo("timed out after 10 s");
        assertThat(queue.attempts(tenant, delivery.id())).containsExactly(attempt1, attempt2);
        assertThat(queue.attempts(new Tenant(tenant.workspaceId(), Mode.SANDBOX), delivery.id())).isEmpty();
        assertThat(queue.complete(failed, Optional.empty(), "node-b")).as("the lease ended").isFalse();
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void aDeliveryGivenUpUnattemptedLogsNoAttempt(Engine engine) {
        Store store = engine.emptyStore();
        Tenant tenant = Fixture.tenant();
        Delivery delivery = enqueue(store, tenant, stored(store, Fixture.endpoint(tenant, Subscription.ALL)), T);
        Delivery claimed = store.deliveryQueue().claim("node-a", T, T.plusSeconds(30), 1).getFirst();

        assertThat(store.deliveryQueue().complete(claimed.abandoned("endpoint disabled (endpoint_gone)"),
                Optional.empty(), "node-a")).isTrue();

        assertThat(store.deliveryQueue().find(tenant, delivery.id()).orElseThrow()).satisfies(d -> {
            assertThat(d.status()).isEqualTo(DeliveryStatus.FAILED);
            assertThat(d.attempts()).isZero();
            assertThat(d.nextAttemptAt()).isNull();
            assertThat(d.lastError()).isEqualTo("endpoint disabled (endpoint_gone)");
        });
        assertThat(store.deliveryQueue().attempts(tenant, delivery.id())).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void onlyTheOwnerOfAClaimCanGiveItBack(Engine engine) {
        Store store = engine.emptyStore();
        DeliveryQueue queue = store.deliveryQueue();
        Tenant tenant = Fixture.tenant();
        Delivery delivery = enqueue(store, tenant, stored(store, Fixture.endpoint(tenant, Subscription.ALL)), T);
        queue.claim("node-a", T, T.plusSeconds(30), 1);

        queue.release(delivery.id(), "node-b");
        assertThat(queue.claim("node-b", T.plusSeconds(1), T.plusSeconds(30), 1)).isEmpty();
        queue.release(delivery.id(), "node-a");
        assertThat(queue.claim("node-b", T.plusSeconds(1), T.plusSeconds(30), 1)).containsExactly(delivery);
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void aRequeueByHandEndsTheLeaseSoTheDispatcherStillAtWorkCannotOverwriteIt(Engine engine) {
        Store store = engine.emptyStore();
        DeliveryQueue queue = store.deliveryQueue();
        Tenant tenant = Fixture.tenant();
        Delivery delivery = enqueue(store, tenant, stored(store, Fixture.endpoint(tenant, Subscription.ALL)), T);
        Delivery claimed = queue.claim("node-a", T, T.plusSeconds(30), 1).getFirst();

        assertThat(queue.requeue(tenant, delivery.id(), T.plusSeconds(2))).isTrue();
        DeliveryOutcome ok = DeliveryOutcome.answered(200, Duration.ofMillis(3), "ok", Optional.empty());
        assertThat(queue.complete(claimed.after(ok, DeliveryStatus.SUCCEEDED, null),
                Optional.of(DeliveryAttempt.of(claimed, T.plusSeconds(1), ok)), "node-a")).isFalse();
        assertThat(queue.claim("node-b", T.plusSeconds(2), T.plusSeconds(30), 1)).extracting(Delivery::nextAttemptAt)
                .containsExactly(T.plusSeconds(2));
        assertThat(queue.requeue(tenant, DeliveryId.fromUlid(Fixture.ulid()), T)).isFalse();
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void recoveringFailedDeliveriesTakesThoseOfTheEndpointCreatedSinceTheTimeAndNoOthers(Engine engine) {
        Store store = engine.emptyStore();
        DeliveryQueue queue = store.deliveryQueue();
        Tenant tenant = Fixture.tenant();
        WebhookEndpoint endpoint = stored(store, Fixture.endpoint(tenant, Subscription.ALL));
        WebhookEndpoint other = stored(store, Fixture.endpoint(tenant, Subscription.ALL));
        Delivery before = enqueue(store, tenant, endpoint, T.minusMillis(1));
        Delivery atSince = enqueue(store, tenant, endpoint, T);
        Delivery after = enqueue(store, tenant, endpoint, T.plusSeconds(60));
        Delivery succeeded = enqueue(store, tenant, endpoint, T.plusSeconds(61));
        Delivery otherEndpoints = enqueue(store, tenant, other, T.plusSeconds(62));
        Instant settleAt = T.plusSeconds(3600);
        for (Delivery d : queue.claim("node-a", settleAt, settleAt.plusSeconds(30), BATCH)) {
            DeliveryStatus status = d.id().equals(succeeded.id()) ? DeliveryStatus.SUCCEEDED : DeliveryStatus.FAILED;
            DeliveryOutcome outcome = DeliveryOutcome.answered(status == DeliveryStatus.SUCCEEDED ? 200 : 500,
                    Duration.ofMillis(1), "", Optional.empty());
            queue.complete(d.after(outcome, status, null), Optional.of(DeliveryAttempt.of(d, settleAt, outcome)),
                    "node-a");
        }
        Instant now = settleAt.plusSeconds(60);

        assertThat(queue.requeueFailed(new Tenant(tenant.workspaceId(), Mode.SANDBOX), endpoint.id(), T, now)).isZero();
        assertThat(queue.requeueFailed(tenant, endpoint.id(), T.minusNanos(999_999), now)).as("since in between")
                .isEqualTo(2);

        assertThat(queue.find(tenant, before.id()).orElseThrow().status()).isEqualTo(DeliveryStatus.FAILED);
        assertThat(queue.find(tenant, succeeded.id()).orElseThrow().status()).isEqualTo(DeliveryStatus.SUCCEEDED);
        assertThat(queue.find(tenant, otherEndpoints.id()).orElseThrow().status()).isEqualTo(DeliveryStatus.FAILED);
        for (Delivery d : List.of(atSince, after)) {
            assertThat(queue.find(tenant, d.id()).orElseThrow()).satisfies(requeued -> {
                assertThat(requeued.status()).isEqualTo(DeliveryStatus.PENDING);
                assertThat(requeued.nextAttemptAt()).isEqualTo(now);
                assertThat(requeued.attempts()).isEqualTo(1);
                assertThat(requeued.lastStatusCode()).isEqualTo(500);
            });
            assertThat(queue.attempts(tenant, d.id())).hasSize(1);
        }
        assertThat(queue.claim("node-b", now, now.plusSeconds(30), BATCH)).extracting(Delivery::id)
                .containsExactlyInAnyOrder(atSince.id(), after.id());
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void deletingAnEndpointRemovesItsDeliveriesAndTheirAttemptsAndNothingElse(Engine engine) throws SQLException {
        Store store = engine.emptyStore();
        DeliveryQueue queue = store.deliveryQueue();
        Tenant tenant = Fixture.tenant();
        WebhookEndpoint doomed = stored(store, Fixture.endpoint(tenant, Subscription.ALL));
        WebhookEndpoint kept = stored(store, Fixture.endpoint(tenant, Subscription.ALL));
        Event event = event(store, tenant, 0);
        assertThat(store.outbox().enqueue(event, T)).isEqualTo(2);
        store.outbox().enqueueTo(event, doomed.id(), T);
        for (Delivery d : queue.claim("node-a", T, T.plusSeconds(30), BATCH)) {
            DeliveryOutcome outcome = DeliveryOutcome.answered(500, Duration.ofMillis(1), "no", Optional.empty());
            queue.complete(d.after(outcome, DeliveryStatus.PENDING, T.plusSeconds(5)),
                    Optional.of(DeliveryAttempt.of(d, T, outcome)), "node-a");
        }
        List<Delivery> doomedDeliveries = store.outbox().deliveriesOf(tenant, event.id()).stream()
                .filter(d -> d.endpointId().equals(doomed.id())).toList();
        assertThat(doomedDeliveries).hasSize(2);
        assertThat(count(engine, "delivery_attempts")).isEqualTo(3);

        assertThat(store.webhookEndpoints().delete(tenant, doomed.id())).isTrue();

        assertThat(store.outbox().deliveriesOf(tenant, event.id())).singleElement()
                .satisfies(d -> assertThat(d.endpointId()).isEqualTo(kept.id()));
        doomedDeliveries.forEach(d -> {
            assertThat(queue.find(tenant, d.id())).isEmpty();
            assertThat(queue.attempts(tenant, d.id())).isEmpty();
        });
        assertThat(count(engine, "delivery_attempts")).isEqualTo(1);
        assertThat(store.webhookEndpoints().find(tenant, kept.id())).contains(kept);
    }

    private static WebhookEndpoint stored(Store store, WebhookEndpoint endpoint) {
        store.webhookEndpoints().insert(endpoint);
        return endpoint;
    }

    private static Event event(Store store, Tenant tenant, int n) {
        return store.eventLog().append(tenant, Fixture.click("p" + n, "https://acme.example/" + n), Fixture.eventId(),
                T).event();
    }

    private static Delivery enqueue(Store store, Tenant tenant, WebhookEndpoint endpoint, Instant due) {
        return store.outbox().enqueueTo(event(store, tenant, 0), endpoint.id(), due);
    }

    /** Who holds the lease of each delivery, as the table says. */
    private static Map<String, String> leaseOwners(Engine engine) throws SQLException {
        DatabaseSettings db = engine.shared();
        Map<String, String> owners = new HashMap<>();
        try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password());
             PreparedStatement s = c.prepareStatement("SELECT id, lease_owner FROM deliveries");
             ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                owners.put(rs.getString(1), rs.getString(2));
            }
        }
        return owners;
    }

    private static long count(Engine engine, String table) throws SQLException {
        DatabaseSettings db = engine.shared();
        try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password());
             PreparedStatement s = c.prepareStatement("SELECT COUNT(*) FROM " + table);
             ResultSet rs = s.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
