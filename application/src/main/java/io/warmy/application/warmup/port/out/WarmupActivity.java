package io.warmy.application.warmup.port.out;

import io.warmy.domain.mailbox.MailboxId;
import io.warmy.domain.tenancy.Tenant;
import io.warmy.domain.warmup.DailyStats;
import io.warmy.domain.warmup.Placement;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Warmup activity per mailbox: each warmup message once (so reports are idempotent per message
 * id) and the daily counters that stats and health read, so that neither scans raw reports.
 * Called inside the reporting use case's transaction.
 */
public interface WarmupActivity {

    /** Records that the message was sent; answers false (changing nothing) when it already was. */
    boolean markSent(Tenant tenant, MailboxId mailbox, String messageId);

    /**
     * Sets the message's placement and answers the one it had (empty when this is its first), so
     * the caller can count a move; two reports racing on one message see each other's write.
     * {@code day} is remembered with the first placement: later moves are counted on that day.
     */
    Optional<PlacedMessage> place(Tenant tenant, MailboxId mailbox, String messageId, Placement placement, LocalDate day);

    /** Records the reply to the message; answers false when it was already recorded. */
    boolean markReplied(Tenant tenant, MailboxId mailbox, String messageId);

    /** Records a spam complaint about the message; answers false when one was already recorded. */
    boolean markComplained(Tenant tenant, MailboxId mailbox, String messageId);

    /** Adds {@code delta}'s counters to the mailbox's counters of {@code delta.date()}, atomically. */
    void add(Tenant tenant, MailboxId mailbox, DailyStats delta);

    /** The mailbox's counters for the days in {@code [from, to]} that have any, in date order. */
    List<DailyStats> days(Tenant tenant, MailboxId mailbox, LocalDate from, LocalDate to);

    /** A message's earlier placement, and the day its placements are counted on. */
    record PlacedMessage(Placement placement, LocalDate day) {
    }
}
