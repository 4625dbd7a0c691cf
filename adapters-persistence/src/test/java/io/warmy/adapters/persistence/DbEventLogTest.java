package io.warmy.adapters.persistence;

import io.warmy.application.event.port.out.EventLog;
import io.warmy.application.testing.Store;
import io.warmy.domain.common.EmailAddress;
import io.warmy.domain.event.Event;
import io.warmy.domain.event.EventDraft;
import io.warmy.domain.event.EventId;
import io.warmy.domain.event.EventQuery;
import io.warmy.domain.event.EventType;
import io.warmy.domain.suppression.Suppression;
import io.warmy.domain.suppression.SuppressionReason;
import io.warmy.domain.tenancy.Tenant;
import io.warmy.domain.webhook.Subscription;
import io.warmy.domain.webhook.WebhookEndpoint;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DbEventLogTest {

    private static final int THREADS = 16;
    private static final int APPENDS_EACH = 50;
    private static final int KEYS = 10;

    /** What one racing append was given and what it answered. */
    private record Outcome(EventId given, EventLog.Appended answer) {
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void racingAppendsOfTenDedupKeysStoreTenEventsAndAnswerEveryOtherAppendWithOneOfThem(Engine engine) {
        engine.emptyStore();
        Tenant tenant = Fixture.tenant();
        List<EventDraft> drafts = IntStream.range(0, KEYS)
                .mapToObj(k -> Fixture.click("p" + k, "https://acme.example/" + k))
                .toList();

        List<Outcome> outcomes;
        // A pool as large as the crowd, so the appends race in the database and not for connections.
        try (PersistenceAdapter adapter = PersistenceAdapter.open(engine.shared().withMaxPoolSize(THREADS))) {
            outcomes = Concurrently.run(THREADS, APPENDS_EACH, (thread, round) -> {
                EventId id = Fixture.eventId();
                EventDraft draft = drafts.get((thread + round) % KEYS);
                return new Outcome(id, adapter.eventLog().append(tenant, draft, id, Fixture.NOW));
            });

            List<Event> stored = adapter.eventLog().list(tenant, EventQuery.ALL, Optional.empty(), 1000);
            assertThat(stored).hasSize(KEYS);
            assertThat(stored).extracting(Event::data)
                    .containsExactlyInAnyOrderElementsOf(drafts.stream().map(EventDraft::data).toList());
            assertThat(outcomes).hasSize(THREADS * APPENDS_EACH);
            assertThat(outcomes).extracting(o -> o.answer().event()).allMatch(stored::contains);
            List<Outcome> firsts = outcomes.stream().filter(o -> !o.answer().duplicate()).toList();
            assertThat(firsts).hasSize(KEYS).allMatch(o -> o.answer().event().id().equals(o.given()));
            assertThat(outcomes.stream().filter(o -> o.answer().duplicate()))
                    .hasSize(THREADS * APPENDS_EACH - KEYS)
                    .noneMatch(o -> o.answer().event().id().equals(o.given()));
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void racingSignalsThatStoreTheirEventAndItsDeliveryTogetherLeaveOneDeliveryPerEvent(Engine engine) {
        engine.emptyStore();
        Tenant tenant = Fixture.tenant();
        List<EventDraft> drafts = IntStream.range(0, KEYS)
                .mapToObj(k -> Fixture.click("p" + k, "https://acme.example/" + k))
                .toList();

        try (PersistenceAdapter adapter = PersistenceAdapter.open(engine.shared().withMaxPoolSize(THREADS))) {
            WebhookEndpoint endpoint = Fixture.endpoint(tenant, Subscription.ALL);
            adapter.webhookEndpoints().insert(endpoint);
            // As the signal service does it: the event, and its deliveries only when it is new.
            Concurrently.run(THREADS, 20, (thread, round) -> adapter.transactions().inTransaction(() -> {
                EventLog.Appended appended = adapter.eventLog()
                        .append(tenant, drafts.get((thread + round) % KEYS), Fixture.eventId(), Fixture.NOW);
                return appended.duplicate() ? 0 : adapter.outbox().enqueue(appended.event(), Fixture.NOW);
            }));

            List<Event> stored = adapter.eventLog().list(tenant, EventQuery.ALL, Optional.empty(), 1000);
            assertThat(stored).hasSize(KEYS).allSatisfy(event ->
                    assertThat(adapter.outbox().deliveriesOf(tenant, event.id()))
                            .singleElement()
                            .satisfies(d -> assertThat(d.endpointId()).isEqualTo(endpoint.id())));
        }
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void aDuplicateInsideATransactionKeepsTheWritesBeforeAndAfterIt(Engine engine) {
        Store store = engine.emptyStore();
        Tenant tenant = Fixture.tenant();
        EventId first = Fixture.eventId();
        store.eventLog().append(tenant, Fixture.click("p1", "https://acme.example/a"), first, Fixture.NOW);
        Suppression before = new Suppression(tenant, new EmailAddress("before@prospect.example"),
                SuppressionReason.MANUAL, null, Fixture.NOW);
        EventId after = Fixture.eventId();

        EventLog.Appended again = store.transactions().inTransaction(() -> {
            store.suppressions().add(before);
            EventLog.Appended answer = store.eventLog()
                    .append(tenant, Fixture.click("p1", "https://acme.example/a"), Fixture.eventId(), Fixture.NOW);
            store.eventLog().append(tenant, Fixture.click("p1", "https://acme.example/b"), after, Fixture.NOW);
            return answer;
        });

        assertThat(again.duplicate()).isTrue();
        assertThat(again.event().id()).isEqualTo(first);
        assertThat(store.suppressions().find(tenant, before.email())).contains(before);
        assertThat(store.eventLog().find(tenant, after)).isPresent();
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void aTransactionThatReadBeforeARacingAppendCommittedStillFindsThatEventAsTheDuplicate(Engine engine) {
        Store store = engine.emptyStore();
        Tenant tenant = Fixture.tenant();
        EventDraft click = Fixture.click("p1", "https://acme.example/a");
        EventId racer = Fixture.eventId();

        EventLog.Appended answer = store.transactions().inTransaction(() -> {
            // A read first: under REPEATABLE READ it would fix the snapshot before the racer's commit.
            assertThat(store.eventLog().list(tenant, EventQuery.ALL, Optional.empty(), 10)).isEmpty();
            CompletableFuture.runAsync(() -> store.eventLog().append(tenant, click, racer, Fixture.NOW)).join();
            return store.eventLog().append(tenant, click, Fixture.eventId(), Fixture.NOW);
        });

        assertThat(answer.duplicate()).isTrue();
        assertThat(answer.event().id()).isEqualTo(racer);
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void anAppendInATransactionThatRollsBackLeavesItsDedupKeyFree(Engine engine) {
        Store store = engine.emptyStore();
        Tenant tenant = Fixture.tenant();
        EventDraft click = Fixture.click("p1", "https://acme.example/a");

        assertThatThrownBy(() -> store.transactions().inTransaction(() -> {
            store.eventLog().append(tenant, click, Fixture.eventId(), Fixture.NOW);
            throw new IllegalStateException("undo");
        })).hasMessage("undo");

        assertThat(store.eventLog().append(tenant, click, Fixture.eventId(), Fixture.NOW).duplicate()).isFalse();
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void aReusedEventIdIsNotMistakenForADuplicate(Engine engine) {
        Store store = engine.emptyStore();
        Tenant tenant = Fixture.tenant();
        EventId id = Fixture.eventId();
        store.eventLog().append(tenant, Fixture.click("p1", "https://acme.example/a"), id, Fixture.NOW);

        assertThatThrownBy(() -> store.eventLog()
                .append(tenant, Fixture.click("p2", "https://acme.example/b"), id, Fixture.NOW))
                .isInstanceOf(RuntimeException.class);
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void aPayloadBeyondSixtyFourKilobytesKeepsEveryCharacterItsOrderAndItsNumberTypes(Engine engine) {
        Store store = engine.emptyStore();
        Tenant tenant = Fixture.tenant();
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("subject", "ü🚀\"\\|\n".repeat(10_000));
        data.put("stepIndex", 2);
        data.put("currentValue", 5_000_000_000L);
        data.put("prospectId", null);
        data.put("automated", false);
        EventDraft draft = new EventDraft(EventType.REPLY_RECEIVED, data, Optional.empty());
        EventId id = Fixture.eventId();

        EventLog.Appended appended = store.eventLog().append(tenant, draft, id, Fixture.NOW);

        Map<String, Object> stored = store.eventLog().find(tenant, id).orElseThrow().data();
        assertThat(stored).isEqualTo(data).isEqualTo(appended.event().data());
        assertThat(stored.keySet()).containsExactly("subject", "stepIndex", "currentValue", "prospectId", "automated");
        assertThat(stored.get("stepIndex")).isInstanceOf(Integer.class);
        assertThat(stored.get("currentValue")).isInstanceOf(Long.class);
    }
}
