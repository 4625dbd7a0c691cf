package io.warmy.domain.event;

import io.warmy.domain.common.EmailAddress;
import io.warmy.domain.common.InvalidValueException;
import io.warmy.domain.common.MalformedException;
import io.warmy.domain.health.HealthStatus;
import io.warmy.domain.mailbox.Mailbox;
import io.warmy.domain.mailbox.MailboxId;
import io.warmy.domain.mailbox.Provider;
import io.warmy.domain.sending.LimitType;
import io.warmy.domain.suppression.Suppression;
import io.warmy.domain.suppression.SuppressionReason;
import io.warmy.domain.tenancy.Tenant;
import io.warmy.domain.warmup.Milestones;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Realistic events of any type for the sandbox, so an integrator can exercise every webhook
 * without touching production. Each field is taken from {@code given} when present (validated as
 * the real thing would be) and filled in otherwise; the event is built by the same domain code as
 * a real one, so its payload and dedup rule are the real ones too.
 */
public final class SandboxEvents {

    /** Stable demo values, so that triggering the same type twice shows its dedup rule at work. */
    static final String PROSPECT = "prospect_demo";
    static final String EMAIL = "prospect@example.com";
    static final String CAMPAIGN = "campaign_demo";
    static final String MAILBOX = "mbx_01JD4S3K2M9V6QW8XR5T7YB0CE";
    private static final List<String> HEALTH_STATUSES =
            java.util.Arrays.stream(HealthStatus.values()).map(HealthStatus::wireName).toList();

    private SandboxEvents() {
    }

    /** @throws InvalidValueException naming {@code data.<field>} for a field the type lacks or a bad value */
    public static EventDraft draft(Tenant tenant, EventType type, Map<String, Object> given, Instant now) {
        try {
            return build(tenant, type, given, now);
        } catch (InvalidValueException e) {
            throw e.field().startsWith("data") ? e : new InvalidValueException("data." + e.field(), e.getMessage());
        } catch (MalformedException e) {
            throw new InvalidValueException("data." + e.field(), e.getMessage());
        }
    }

    private static EventDraft build(Tenant tenant, EventType type, Map<String, Object> given, Instant now) {
        Given g = new Given(given);
        EventDraft draft = switch (type) {
            case MAILBOX_CONNECTED, MAILBOX_DISCONNECTED -> {
                Mailbox m = Mailbox.connect(new MailboxId(g.string("mailboxId", MAILBOX)), tenant,
                        EmailAddress.parse(g.string("email", "sender@example.com"), "data.email"),
                        Provider.parse(g.string("provider", "google"), "data.provider"), null, null,
                        g.time("connectedAt", now));
                yield type == EventType.MAILBOX_CONNECTED ? Events.mailboxConnected(m)
                        : Events.mailboxDisconnected(m.disconnect(g.string("reason", "requested"), now),
                        g.time("disconnectedAt", now));
            }
            case WARMUP_HEALTH_CHANGED -> Events.healthChanged(new MailboxId(g.string("mailboxId", MAILBOX)),
                    now.toEpochMilli(), g.oneOf("previousStatus", "good", HEALTH_STATUSES),
                    g.oneOf("status", "excellent", HEALTH_STATUSES),
                    g.integer("previousScore", 84), g.integer("score", 93), g.time("changedAt", now));
            case WARMUP_MILESTONE -> Events.milestone(new MailboxId(g.string("mailboxId", MAILBOX)),
                    g.oneOf("milestone", "day_7", Milestones.NAMES), g.integer("value", 7), g.time("reachedAt", now));
            case REPLY_RECEIVED -> new Signal.Reply(g.string("prospectId", PROSPECT), g.email("prospectEmail"),
                    g.string("campaignId", CAMPAIGN), new MailboxId(g.string("mailboxId", MAILBOX)),
                    g.string("subject", "Re: quick question"), g.string("messageId", "<reply-demo@example.com>"),
                    g.time("receivedAt", now)).toEvent();
            case EMAIL_BOUNCED -> new Signal.Bounce(g.string("prospectId", PROSPECT), g.email("prospectEmail"),
                    g.string("campaignId", CAMPAIGN), new MailboxId(g.string("mailboxId", MAILBOX)),
                    Signal.BounceType.parse(g.string("bounceType", "hard"), "data.bounceType"),
                    g.string("bounceReason", "550 5.1.1 The email account does not exist"),
                    g.time("bouncedAt", now)).toEvent();
            case EMAIL_UNSUBSCRIBED -> new Signal.Unsubscribe(g.string("prospectId", PROSPECT), g.email("prospectEmail"),
                    g.string("campaignId", CAMPAIGN), g.time("unsubscribedAt", now)).toEvent();
            case EMAIL_OPENED -> new Signal.Open(g.string("prospectId", PROSPECT), g.email("prospectEmail"),
                    g.string("campaignId", CAMPAIGN), new MailboxId(g.string("mailboxId", MAILBOX)),
                    g.integer("stepIndex", 0), g.time("openedAt", now)).toEvent();
            case EMAIL_CLICKED -> new Signal.Click(g.string("prospectId", PROSPECT), g.email("prospectEmail"),
                    g.string("campaignId", CAMPAIGN), new MailboxId(g.string("mailboxId", MAILBOX)),
                    g.integer("stepIndex", 0), g.string("url", "https://example.com/pricing"),
                    g.time("clickedAt", now)).toEvent();
            case PROSPECT_SUPPRESSED -> Events.prospectSuppressed(new Suppression(tenant,
                    EmailAddress.parse(g.string("email", EMAIL), "data.email"),
                    SuppressionReason.parse(g.string("reason", "manual"), "data.reason"),
                    g.string("prospectId", null), g.time("suppressedAt", now)));
            case LIMIT_HIT -> {
                LimitType limit = limitType(g.string("limitType", "daily_mailbox"));
                MailboxId mailbox = new MailboxId(g.string("mailboxId", MAILBOX));
                yield Events.limitHit(limit, limit == LimitType.DAILY_DOMAIN ? "example.com" : mailbox.value(), mailbox,
                        g.string("campaignId", CAMPAIGN), g.integer("currentValue", 50), g.integer("limitValue", 50),
                        g.time("hitAt", now));
            }
            case WEBHOOK_TEST -> Events.webhookTest(g.string("webhookId", "we_01JD4S3K2M9V6QW8XR5T7YB0CE"),
                    g.time("timestamp", now), g.string("message", "A sandbox test event."));
        };
        g.requireAllUsed(draft);
        return draft;
    }

    private static LimitType limitType(String raw) {
        for (LimitType t : LimitType.values()) {
            if (t.wireName().equals(raw)) {
                return t;
            }
        }
        throw new InvalidValueException("data.limitType", "data.limitType must be daily_mailbox or daily_domain.");
    }

    /** The fields a caller gave, read with the real checks; fields the type does not have are refused. */
    private static final class Given {
        private final Map<String, Object> values;
        private final Set<String> used = new HashSet<>();

        Given(Map<String, Object> values) {
            this.values = values;
        }

        String string(String field, String fallback) {
            used.add(field);
            Object v = values.get(field);
            if (v == null) {
                return fallback;
            }
            if (!(v instanceof String s)) {
                throw new InvalidValueException("data." + field, "data." + field + " must be a string.");
            }
            return s;
        }

        /** A string that must be one of {@code allowed}, as real events of the type carry only those. */
        String oneOf(String field, String fallback, List<String> allowed) {
            String value = string(field, fallback);
            if (!allowed.contains(value)) {
                throw new InvalidValueException("data." + field, "data." + field + " must be one of "
                        + String.join(", ", allowed) + ".");
            }
            return value;
        }

        int integer(String field, int fallback) {
            used.add(field);
            Object v = values.get(field);
            if (v == null) {
                return fallback;
            }
            if (!(v instanceof Integer i)) {
                throw new InvalidValueException("data." + field, "data." + field + " must be a whole number.");
            }
            return i;
        }

        EmailAddress email(String field) {
            return EmailAddress.parse(string(field, EMAIL), "data." + field);
        }

        Instant time(String field, Instant fallback) {
            String raw = string(field, null);
            if (raw == null) {
                return fallback;
            }
            try {
                return Instant.parse(raw);
            } catch (DateTimeParseException e) {
                throw new InvalidValueException("data." + field, "data." + field + " must be an ISO-8601 time.");
            }
        }

        void requireAllUsed(EventDraft draft) {
            Set<String> unknown = new HashSet<>(values.keySet());
            unknown.removeAll(used);
            if (!unknown.isEmpty()) {
                throw new InvalidValueException("data", "A " + draft.type().wireName() + " event has no field "
                        + String.join(", ", unknown.stream().sorted().toList()) + ".");
            }
        }
    }
}
