package io.warmy.application.event.service;

import io.warmy.application.common.Page;
import io.warmy.application.common.PageRequest;
import io.warmy.application.common.port.out.Clock;
import io.warmy.application.common.port.out.Transactions;
import io.warmy.application.event.port.in.GetEvent;
import io.warmy.application.event.port.in.ListEvents;
import io.warmy.application.event.port.in.RecordSignal;
import io.warmy.application.event.port.in.TriggerSandboxEvent;
import io.warmy.application.event.port.in.Recorded;
import io.warmy.application.event.port.out.EventLog;
import io.warmy.application.health.HealthReview;
import io.warmy.application.mailbox.port.out.Mailboxes;
import io.warmy.application.suppression.port.in.SuppressAddress;
import io.warmy.application.suppression.service.SuppressionService;
import io.warmy.application.warmup.port.out.WarmupActivity;
import io.warmy.application.tenancy.port.in.Caller;
import io.warmy.domain.common.AccessDeniedException;
import io.warmy.domain.common.MalformedException;
import io.warmy.domain.event.EventDraft;
import io.warmy.domain.event.EventType;
import io.warmy.domain.event.SandboxEvents;
import io.warmy.domain.tenancy.Mode;
import io.warmy.domain.common.NotFoundException;
import io.warmy.domain.event.Event;
import io.warmy.domain.event.EventId;
import io.warmy.domain.event.EventQuery;
import io.warmy.domain.event.Signal;
import io.warmy.domain.mailbox.Mailbox;
import io.warmy.domain.mailbox.MailboxId;
import io.warmy.domain.suppression.SuppressionReason;
import io.warmy.domain.tenancy.Tenant;
import io.warmy.domain.warmup.DailyStats;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Turns reported signals into events (and suppressions), and reads the event log back. */
public final class SignalService implements RecordSignal, ListEvents, GetEvent, TriggerSandboxEvent {

    private final EventRecorder recorder;
    private final EventLog eventLog;
    private final Mailboxes mailboxes;
    private final SuppressionService suppressions;
    private final WarmupActivity activity;
    private final HealthReview healthReview;
    private final Transactions transactions;
    private final Clock clock;
    static final int KNOWN_MAILBOXES = 100_000;
    private final Set<KnownMailbox> knownMailboxes = ConcurrentHashMap.newKeySet();

    public SignalService(EventRecorder recorder, EventLog eventLog, Mailboxes mailboxes, SuppressionService suppressions,
                         WarmupActivity activity, HealthReview healthReview, Transactions transactions, Clock clock) {
        this.activity = activity;
        this.healthReview = healthReview;
        this.recorder = recorder;
        this.eventLog = eventLog;
        this.mailboxes = mailboxes;
        this.suppressions = suppressions;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public Recorded record(Tenant tenant, Signal signal) {
        signal.requireNotAfter(clock.now());
        mailboxOf(signal).ifPresent(id -> requireMailbox(tenant, id));
        // Signals arrive by the thousand: their transactions may commit together (each still all or nothing).
        return transactions.inSharedTransaction(() -> {
            EventLog.Appended appended = recorder.record(tenant, signal.toEvent());
            if (signal instanceof Signal.Bounce b && !appended.duplicate()) {
                // The sending mailbox's daily counters feed its health (the bounces factor).
                activity.add(tenant, b.mailboxId(), new DailyStats(Mailbox.day(b.bouncedAt()), 0, 0, 0, 0, 0, 0, 0, 1, 0));
                healthReview.review(tenant, b.mailboxId());
            }
            suppressionReason(signal).ifPresent(reason -> suppressions.suppress(
                    new SuppressAddress.Command(tenant, signal.prospectEmail(), reason, signal.prospectId())));
            return new Recorded(appended.event().id(), appended.duplicate());
        });
    }

    /**
     * Fails with NOT_FOUND unless the tenant has the mailbox. Mailboxes are disconnected, never
     * deleted, so one found once is remembered (up to {@link #KNOWN_MAILBOXES}) and signals about
     * it, thousands a second, cost no read.
     */
    private void requireMailbox(Tenant tenant, MailboxId id) {
        KnownMailbox key = new KnownMailbox(tenant, id);
        if (knownMailboxes.contains(key)) {
            return;
        }
        mailboxes.find(tenant, id).orElseThrow(() -> new NotFoundException("mailbox", id.value()));
        if (knownMailboxes.size() >= KNOWN_MAILBOXES) {
            knownMailboxes.clear();
        }
        knownMailboxes.add(key);
    }

    private record KnownMailbox(Tenant tenant, MailboxId id) {
    }

    /** A hard bounce and an unsubscribe take the address off every campaign (SPEC §4). */
    static Optional<SuppressionReason> suppressionReason(Signal signal) {
        return switch (signal) {
            case Signal.Bounce b when b.bounceType() == Signal.BounceType.HARD -> Optional.of(SuppressionReason.BOUNCE);
            case Signal.Unsubscribe u -> Optional.of(SuppressionReason.UNSUBSCRIBE);
            default -> Optional.empty();
        };
    }

    private static Optional<MailboxId> mailboxOf(Signal signal) {
        return switch (signal) {
            case Signal.Reply r -> Optional.of(r.mailboxId());
            case Signal.Bounce b -> Optional.of(b.mailboxId());
            case Signal.Open o -> Optional.of(o.mailboxId());
            case Signal.Click c -> Optional.of(c.mailboxId());
            case Signal.Unsubscribe u -> Optional.empty();
        };
    }

    @Override
    public Triggered trigger(Caller caller, String type, Map<String, Object> data) {
        if (caller.tenant().mode() != Mode.SANDBOX) {
            throw new AccessDeniedException("sandbox_key_required",
                    "Sandbox events are made with a sandbox key (wk_test_…); a live key never makes made-up events.");
        }
        EventType eventType = EventType.parse(type, "type");
        EventDraft draft = SandboxEvents.draft(caller.tenant(), eventType, data == null ? Map.of() : data, clock.now());
        EventLog.Appended appended = transactions.inTransaction(() -> recorder.record(caller.tenant(), draft));
        return new Triggered(appended.event(), appended.duplicate());
    }

    @Override
    public Page<Event> list(Tenant tenant, EventQuery query, PageRequest page) {
        Optional<EventId> after = page.afterId().map(SignalService::cursorId);
        return Page.of(eventLog.list(tenant, query, after, page.limit() + 1), page.limit(), e -> e.id().value());
    }

    @Override
    public Event get(Tenant tenant, String eventId) {
        return eventLog.find(tenant, new EventId(eventId)).orElseThrow(() -> new NotFoundException("event", eventId));
    }

    private static EventId cursorId(String raw) {
        try {
            return new EventId(raw);
        } catch (MalformedException e) {
            throw new MalformedException("cursor", "cursor is not one this API returned; pass nextCursor unchanged.");
        }
    }
}
