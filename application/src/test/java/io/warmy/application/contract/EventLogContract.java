package io.warmy.application.contract;

import io.warmy.application.event.port.out.EventLog;
import io.warmy.application.testing.Store;
import io.warmy.domain.common.EmailAddress;
import io.warmy.domain.event.Event;
import io.warmy.domain.event.EventDraft;
import io.warmy.domain.event.EventId;
import io.warmy.domain.event.EventQuery;
import io.warmy.domain.event.EventType;
import io.warmy.domain.event.Events;
import io.warmy.domain.event.Signal;
import io.warmy.domain.mailbox.MailboxId;
import io.warmy.domain.tenancy.Mode;
import io.warmy.domain.tenancy.Tenant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What every {@code EventLog} adapter promises. Extend it and hand over a store with empty tables. */
public abstract class EventLogContract {

    protected abstract Store newStore();

    private static final MailboxId MBX = new MailboxId("mbx_01JD4S3K2M9V6QW8XR5T7YB0CE");
    private static final Instant T = Instant.parse("2026-03-20T14:30:00.123Z");

    private Store store;
    private EventLog log;
    private Fixtures fx;
    private Tenant live;

    @BeforeEach
    void freshStore() {
        store = newStore();
        log = store.eventLog();
        fx = new Fixtures(store);
        live = fx.tenant(Mode.LIVE);
    }

    private static EventDraft click(String prospect, String url, Instant at) {
        return new Signal.Click(prospect, new EmailAddress("anna@prospect.example"), "c1", MBX, 1, url, at).toEvent();
    }

    @Test
    void anAppendedEventComesBackWithItsPayloadInOrderAndItsTypes() {
        EventDraft draft = click("p1", "https://acme.example/a?x=1&y=ü", T);
        EventId id = fx.eventId();
        EventLog.Appended appended = log.append(live, draft, id, T);
        assertThat(appended.duplicate()).isFalse();
        Event stored = log.find(live, id).orElseThrow();
        assertThat(stored).isEqualTo(new Event(id, live, EventType.EMAIL_CLICKED, draft.data(), T));
        assertThat(new ArrayList<>(stored.data().keySet())).containsExactlyElementsOf(draft.data().keySet());
        assertThat(stored.data().get("stepIndex")).isInstanceOf(Integer.class).isEqualTo(1);
    }

    @Test
    void nullsLongsAndBooleansSurviveTheRoundTrip() {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("prospectId", null);
        data.put("currentValue", 5_000_000_000L);
        data.put("automated", true);
        data.put("note", "quote \" and backslash \\ and emoji 🚀");
        EventId id = fx.eventId();
        log.append(live, new EventDraft(EventType.PROSPECT_SUPPRESSED, data, Optional.empty()), id, T);
        assertThat(log.find(live, id).orElseThrow().data()).isEqualTo(data);
    }

    @Test
    void aSecondAppendUnderTheSameDedupKeyStoresNothingAndAnswersTheFirstEvent() {
        EventId first = fx.eventId();
        log.append(live, click("p1", "https://acme.example/a", T), first, T);
        EventLog.Appended again = log.append(live, click("p1", "https://acme.example/a", T.plusSeconds(3600)),
                fx.eventId(), T.plusSeconds(3600));
        assertThat(again.duplicate()).isTrue();
        assertThat(again.event().id()).isEqualTo(first);
        assertThat(log.list(live, EventQuery.ALL, Optional.empty(), 10)).hasSize(1);
    }

    @Test
    void dedupIsPerTenant() {
        Tenant sandbox = new Tenant(live.workspaceId(), Mode.SANDBOX);
        log.append(live, click("p1", "https://acme.example/a", T), fx.eventId(), T);
        assertThat(log.append(sandbox, click("p1", "https://acme.example/a", T), fx.eventId(), T).duplicate()).isFalse();
        assertThat(log.append(fx.tenant(Mode.LIVE), click("p1", "https://acme.example/a", T), fx.eventId(), T).duplicate())
                .isFalse();
    }

    @Test
    void draftsWithoutADedupKeyAreAlwaysNewEvents() {
        EventDraft test = Events.webhookTest("we_01JD4S3K2M9V6QW8XR5T7YB0CE", T, "hello");
        assertThat(log.append(live, test, fx.eventId(), T).duplicate()).isFalse();
        assertThat(log.append(live, test, fx.eventId(), T).duplicate()).isFalse();
        assertThat(log.list(live, EventQuery.ALL, Optional.empty(), 10)).hasSize(2);
    }

    @Test
    void aDuplicateInsideATransactionLeavesTheTransactionUsable() {
        log.append(live, click("p1", "https://acme.example/a", T), fx.eventId(), T);
        EventId later = fx.eventId();
        store.transactions().inTransaction(() -> {
            assertThat(log.append(live, click("p1", "https://acme.example/a", T), fx.eventId(), T).duplicate()).isTrue();
            log.append(live, click("p1", "https://acme.example/b", T), later, T);
        });
        assertThat(log.find(live, later)).isPresent();
    }

    @Test
    void anotherTenantNeverSeesAnEvent() {
        EventId id = fx.eventId();
        log.append(live, click("p1", "https://acme.example/a", T), id, T);
        Tenant sandbox = new Tenant(live.workspaceId(), Mode.SANDBOX);
        assertThat(log.find(sandbox, id)).isEmpty();
        assertThat(log.list(sandbox, EventQuery.ALL, Optional.empty(), 10)).isEmpty();
    }

    @Test
    void listIsNewestFirstFilteredByTypeAndTimeAndPagedById() {
        List<EventId> ids = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            EventId id = fx.eventId();
            EventDraft draft = i % 2 == 0
                    ? click("p" + i, "https://acme.example/" + i, T)
                    : Events.milestone(MBX, "day_" + i, i, T);
            log.append(live, draft, id, T.plusSeconds(i * 60L));
            ids.add(id);
        }
        List<EventId> newestFirst = ids.reversed();
        List<Event> page1 = log.list(live, EventQuery.ALL, Optional.empty(), 4);
        assertThat(page1).extracting(Event::id).containsExactlyElementsOf(newestFirst.subList(0, 4));
        assertThat(log.list(live, EventQuery.ALL, Optional.of(page1.get(3).id()), 4)).extracting(Event::id)
                .containsExactlyElementsOf(newestFirst.subList(4, 6));

        assertThat(log.list(live, new EventQuery(EventType.EMAIL_CLICKED, null, null), Optional.empty(), 10))
                .extracting(Event::id).containsExactly(ids.get(4), ids.get(2), ids.get(0));
        assertThat(log.list(live, new EventQuery(null, T.plusSeconds(60), T.plusSeconds(180)), Optional.empty(), 10))
                .extracting(Event::id).containsExactly(ids.get(2), ids.get(1));
        assertThat(log.list(live, new EventQuery(EventType.WARMUP_MILESTONE, T.plusSeconds(120), null), Optional.empty(), 10))
                .extracting(Event::id).containsExactly(ids.get(5), ids.get(3));
    }

    @Test
    void anUnknownIdIsNotFound() {
        assertThat(log.find(live, new EventId("0190f5e4-7d2a-7c3b-8a1e-4f5d6c7b8a9e"))).isEmpty();
        assertThatThrownBy(() -> new EventId("0190F5E4-7D2A-7C3B-8A1E-4F5D6C7B8A9E"))
                .isInstanceOf(io.warmy.domain.common.MalformedException.class);
    }
}
