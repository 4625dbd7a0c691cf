package io.warmy.domain.event;

import io.warmy.domain.common.EmailAddress;
import io.warmy.domain.mailbox.Mailbox;
import io.warmy.domain.mailbox.MailboxId;
import io.warmy.domain.sending.LimitType;
import io.warmy.domain.suppression.Suppression;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The events Warmy makes from its own state changes (the signal-made ones live on {@link Signal}),
 * each with exactly the payload fields of the contract and the dedup key of its rule.
 */
public final class Events {

    private Events() {
    }

    private static LocalDate day(Instant t) {
        return LocalDate.ofInstant(t, ZoneOffset.UTC);
    }

    /** One event per connection: a connection is known by the mailbox and the moment it was connected. */
    public static EventDraft mailboxConnected(Mailbox m) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("mailboxId", m.id().value());
        d.put("email", m.email().value());
        d.put("provider", m.provider().wireName());
        d.put("connectedAt", EventDraft.time(m.connectedAt()));
        return new EventDraft(EventType.MAILBOX_CONNECTED, d,
                Optional.of(DedupKey.of(EventType.MAILBOX_CONNECTED, m.id(), m.connectedAt().toEpochMilli())));
    }

    /** One event per connection: disconnecting the same connection twice is one event. */
    public static EventDraft mailboxDisconnected(Mailbox m, Instant disconnectedAt) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("mailboxId", m.id().value());
        d.put("email", m.email().value());
        d.put("reason", m.disconnectReason());
        d.put("disconnectedAt", EventDraft.time(disconnectedAt));
        return new EventDraft(EventType.MAILBOX_DISCONNECTED, d,
                Optional.of(DedupKey.of(EventType.MAILBOX_DISCONNECTED, m.id(), m.connectedAt().toEpochMilli())));
    }

    /**
     * One event per change of status band. Changes of one mailbox are numbered ({@code change} is
     * 1 for the first), so the same change reviewed twice makes one event, and two changes never
     * share a key; a review that finds the same band makes no event at all.
     */
    public static EventDraft healthChanged(MailboxId mailboxId, long change, String previousStatus, String status,
                                           Integer previousScore, Integer score, Instant changedAt) {
        Objects.requireNonNull(status, "status");
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("mailboxId", mailboxId.value());
        d.put("previousStatus", previousStatus);
        d.put("status", status);
        d.put("previousScore", previousScore);
        d.put("score", score);
        d.put("changedAt", EventDraft.time(changedAt));
        return new EventDraft(EventType.WARMUP_HEALTH_CHANGED, d, Optional.of(DedupKey.of(
                EventType.WARMUP_HEALTH_CHANGED, mailboxId, change)));
    }

    /** One event per milestone per mailbox, ever. */
    public static EventDraft milestone(MailboxId mailboxId, String milestone, long value, Instant reachedAt) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("mailboxId", mailboxId.value());
        d.put("milestone", milestone);
        d.put("value", value);
        d.put("reachedAt", EventDraft.time(reachedAt));
        return new EventDraft(EventType.WARMUP_MILESTONE, d,
                Optional.of(DedupKey.of(EventType.WARMUP_MILESTONE, mailboxId, milestone)));
    }

    /** One event per address per day. */
    public static EventDraft prospectSuppressed(Suppression s) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("prospectId", s.prospectId());
        d.put("email", s.email().value());
        d.put("reason", s.reason().wireName());
        d.put("suppressedAt", EventDraft.time(s.createdAt()));
        return new EventDraft(EventType.PROSPECT_SUPPRESSED, d,
                Optional.of(DedupKey.of(EventType.PROSPECT_SUPPRESSED, s.email(), day(s.createdAt()))));
    }

    /**
     * One event per limit type per identifier (the mailbox id, or the sending domain) per day.
     */
    public static EventDraft limitHit(LimitType limitType, String identifier, MailboxId mailboxId, String campaignId,
                                      long currentValue, long limitValue, Instant hitAt) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("limitType", limitType.wireName());
        d.put("mailboxId", mailboxId.value());
        d.put("campaignId", campaignId);
        d.put("currentValue", currentValue);
        d.put("limitValue", limitValue);
        d.put("hitAt", EventDraft.time(hitAt));
        return new EventDraft(EventType.LIMIT_HIT, d,
                Optional.of(DedupKey.of(EventType.LIMIT_HIT, limitType.wireName(), identifier, day(hitAt))));
    }

    /** No dedup: every test is a new event. */
    public static EventDraft webhookTest(String webhookId, Instant at, String message) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("webhookId", webhookId);
        d.put("timestamp", EventDraft.time(at));
        d.put("message", message);
        return new EventDraft(EventType.WEBHOOK_TEST, d, Optional.empty());
    }

    /** The sending domain of a mailbox: what the daily domain limit counts by. */
    public static String sendingDomain(EmailAddress mailboxEmail) {
        return mailboxEmail.domain();
    }
}
