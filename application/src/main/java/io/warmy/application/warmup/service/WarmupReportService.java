package io.warmy.application.warmup.service;

import io.warmy.application.common.port.out.Clock;
import io.warmy.application.common.port.out.Transactions;
import io.warmy.application.event.service.EventRecorder;
import io.warmy.application.health.HealthReview;
import io.warmy.application.health.port.in.GetHealth;
import io.warmy.application.health.port.out.HealthRecords;
import io.warmy.application.health.port.out.HealthRecords.HealthRecord;
import io.warmy.application.mailbox.service.MailboxUpdates;
import io.warmy.application.warmup.port.in.GetStats;
import io.warmy.application.warmup.port.in.ReportWarmup;
import io.warmy.application.warmup.port.out.WarmupActivity;
import io.warmy.domain.common.InvalidValueException;
import io.warmy.domain.event.Events;
import io.warmy.domain.health.Health;
import io.warmy.domain.health.HealthScore;
import io.warmy.domain.mailbox.Mailbox;
import io.warmy.domain.tenancy.Tenant;
import io.warmy.domain.warmup.DailyStats;
import io.warmy.domain.warmup.Milestones;
import io.warmy.domain.warmup.PlacementCounting;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The warmup engine's bookkeeping: reports move the daily counters; every report then looks at
 * the mailbox's health and milestones and records an event for each band change and each
 * milestone reached, exactly once (per mailbox, one writer at a time).
 */
public final class WarmupReportService implements ReportWarmup, GetStats, GetHealth, HealthReview {

    private final MailboxUpdates mailboxes;
    private final WarmupActivity activity;
    private final HealthRecords health;
    private final EventRecorder events;
    private final Transactions transactions;
    private final Clock clock;

    public WarmupReportService(MailboxUpdates mailboxes, WarmupActivity activity, HealthRecords health,
                               EventRecorder events, Transactions transactions, Clock clock) {
        this.mailboxes = mailboxes;
        this.activity = activity;
        this.health = health;
        this.events = events;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public Outcome sent(Send r) {
        requireNotFuture(r.sentAt(), "sentAt");
        Mailbox m = mailboxes.load(r.tenant(), r.mailboxId());
        return transactions.inTransaction(() -> {
            boolean counted = activity.markSent(r.tenant(), m.id(), r.messageId());
            if (counted) {
                activity.add(r.tenant(), m.id(), new DailyStats(Mailbox.day(r.sentAt()), 1, 0, 0, 0, 0, 0, 0, 0, 0));
            }
            review(r.tenant(), m, Optional.empty());
            return new Outcome(counted);
        });
    }

    @Override
    public Outcome placed(Placed r) {
        requireNotFuture(r.placedAt(), "placedAt");
        Mailbox m = mailboxes.load(r.tenant(), r.mailboxId());
        return transactions.inTransaction(() -> {
            LocalDate day = Mailbox.day(r.placedAt());
            Optional<WarmupActivity.PlacedMessage> before = activity.place(r.tenant(), m.id(), r.messageId(),
                    r.placement(), day);
            LocalDate countedOn = before.map(WarmupActivity.PlacedMessage::day).orElse(day);
            DailyStats delta = PlacementCounting.delta(countedOn, before.map(WarmupActivity.PlacedMessage::placement),
                    r.placement());
            if (r.complaint() && activity.markComplained(r.tenant(), m.id(), r.messageId())) {
                // A complaint counts once per message, on the day its placements are counted.
                delta = delta.plus(new DailyStats(countedOn, 0, 0, 0, 0, 0, 0, 0, 0, 1));
            }
            boolean counted = !delta.equals(DailyStats.empty(countedOn));
            if (counted) {
                activity.add(r.tenant(), m.id(), delta);
            }
            review(r.tenant(), m, r.authentication());
            return new Outcome(counted);
        });
    }

    @Override
    public Outcome replied(Replied r) {
        requireNotFuture(r.repliedAt(), "repliedAt");
        Mailbox m = mailboxes.load(r.tenant(), r.mailboxId());
        return transactions.inTransaction(() -> {
            boolean counted = activity.markReplied(r.tenant(), m.id(), r.messageId());
            if (counted) {
                activity.add(r.tenant(), m.id(), new DailyStats(Mailbox.day(r.repliedAt()), 0, 0, 0, 0, 0, 0, 1, 0, 0));
            }
            return new Outcome(counted);
        });
    }

    /**
     * After a report: the health now (an event when its band changed) and every milestone now
     * reached (an event for each one not reached before). Locks the mailbox's record, so two
     * nodes reviewing one mailbox at once take turns.
     */
    private void review(Tenant tenant, Mailbox m, Optional<io.warmy.domain.health.Authentication> reportedAuth) {
        Instant now = clock.now();
        LocalDate today = Mailbox.day(now);
        HealthRecord before = health.findForUpdate(tenant, m.id()).orElse(HealthRecord.NONE);
        var auth = reportedAuth.orElse(before.authentication());
        Health current = HealthScore.of(activity.days(tenant, m.id(), today.minusDays(HealthScore.WINDOW_DAYS - 1), today),
                auth);
        long changes = before.bandChanges();
        if (current.status() != before.status()) {
            changes++;
            events.record(tenant, Events.healthChanged(m.id(), changes, before.status().wireName(),
                    current.status().wireName(), before.score(), current.score(), now));
        }
        long sentToday = activity.days(tenant, m.id(), today, today).stream().mapToLong(DailyStats::sent).sum();
        Set<String> reached = new HashSet<>(before.milestones());
        for (Milestones.Reached milestone : Milestones.reached(m.warmup(), today, sentToday, current)) {
            if (reached.add(milestone.name())) {
                events.record(tenant, Events.milestone(m.id(), milestone.name(), milestone.value(), now));
            }
        }
        health.save(tenant, m.id(), new HealthRecord(current.status(), current.score(), now, auth, reached, changes));
    }

    @Override
    public void review(Tenant tenant, io.warmy.domain.mailbox.MailboxId mailbox) {
        transactions.inTransaction(() -> review(tenant, mailboxes.load(tenant, mailbox.value()), Optional.empty()));
    }

    @Override
    public Stats stats(Tenant tenant, String mailboxId, LocalDate from, LocalDate to) {
        Mailbox m = mailboxes.load(tenant, mailboxId);
        LocalDate last = to != null ? to : Mailbox.day(clock.now());
        LocalDate first = from != null ? from : last.minusDays(DEFAULT_DAYS - 1);
        if (first.isAfter(last)) {
            throw new InvalidValueException("from", "from must not be after to.");
        }
        if (first.plusDays(MAX_DAYS).isBefore(last.plusDays(1))) {
            throw new InvalidValueException("to", "A range spans at most " + MAX_DAYS + " days.");
        }
        Map<LocalDate, DailyStats> byDay = activity.days(tenant, m.id(), first, last).stream()
                .collect(Collectors.toMap(DailyStats::date, Function.identity()));
        List<DailyStats> daily = new ArrayList<>();
        DailyStats totals = DailyStats.empty(first);
        for (LocalDate d = first; !d.isAfter(last); d = d.plusDays(1)) {
            DailyStats day = byDay.getOrDefault(d, DailyStats.empty(d));
            daily.add(day);
            totals = totals.plus(day);
        }
        return new Stats(m.id(), first, last, totals, daily);
    }

    @Override
    public View health(Tenant tenant, String mailboxId) {
        Mailbox m = mailboxes.load(tenant, mailboxId);
        Instant now = clock.now();
        LocalDate today = Mailbox.day(now);
        var auth = health.find(tenant, m.id()).map(HealthRecord::authentication)
                .orElse(io.warmy.domain.health.Authentication.UNKNOWN);
        return new View(m.id(), HealthScore.of(activity.days(tenant, m.id(),
                today.minusDays(HealthScore.WINDOW_DAYS - 1), today), auth), now);
    }


    private void requireNotFuture(Instant at, String field) {
        if (at.isAfter(clock.now().plus(io.warmy.domain.event.Signal.MAX_CLOCK_SKEW))) {
            throw new InvalidValueException(field, field + " is in the future.");
        }
    }

}
