package io.warmy.domain.event;

import io.warmy.domain.common.EmailAddress;
import io.warmy.domain.common.InvalidValueException;
import io.warmy.domain.mailbox.MailboxId;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Something the platform's services report about a prospect: a reply, a bounce, an unsubscribe,
 * an open or a click. Each signal knows the event it makes and the dedup rule of that event
 * (SPEC §4): the rule is a pure function from the signal to its {@link DedupKey}, and "day" is
 * the UTC day of the signal's own time.
 */
public sealed interface Signal {

    /** How far ahead of the receiving server's clock a signal's time may be (clock skew between services). */
    Duration MAX_CLOCK_SKEW = Duration.ofMinutes(5);

    EventType type();

    Instant occurredAt();

    /** The name of the field that carries {@link #occurredAt()}, e.g. {@code clickedAt}. */
    String timeField();

    /** The prospect's address (for suppression side effects). */
    EmailAddress prospectEmail();

    String prospectId();

    /** The payload, fields in the contract's order. */
    Map<String, Object> data();

    DedupKey dedupKey();

    default EventDraft toEvent() {
        return new EventDraft(type(), data(), Optional.of(dedupKey()));
    }

    /** Refuses a signal from the future (beyond clock skew): its "day" would be wrong and it could pre-empt a real one. */
    default void requireNotAfter(Instant now) {
        if (occurredAt().isAfter(now.plus(MAX_CLOCK_SKEW))) {
            throw new InvalidValueException(timeField(), timeField() + " is in the future ("
                    + EventDraft.time(occurredAt()) + ").");
        }
    }

    private static LocalDate day(Instant t) {
        return LocalDate.ofInstant(t, ZoneOffset.UTC);
    }

    /** A prospect replied. One event per prospect per campaign, ever. */
    record Reply(String prospectId, EmailAddress prospectEmail, String campaignId, MailboxId mailboxId,
                 String subject, String messageId, Instant receivedAt) implements Signal {
        public Reply {
            prospectId = Fields.id("prospectId", prospectId);
            Objects.requireNonNull(prospectEmail, "prospectEmail");
            campaignId = Fields.id("campaignId", campaignId);
            Objects.requireNonNull(mailboxId, "mailboxId");
            subject = Fields.text("subject", subject, Fields.MAX_TEXT);
            messageId = Fields.text("messageId", messageId, Fields.MAX_TEXT);
            if (messageId.isBlank()) {
                throw new InvalidValueException("messageId", "messageId is required.");
            }
            receivedAt = Fields.time("receivedAt", receivedAt);
        }

        public EventType type() {
            return EventType.REPLY_RECEIVED;
        }

        public Instant occurredAt() {
            return receivedAt;
        }

        public String timeField() {
            return "receivedAt";
        }

        public DedupKey dedupKey() {
            return DedupKey.of(type(), campaignId, prospectId);
        }

        public Map<String, Object> data() {
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("prospectId", prospectId);
            d.put("prospectEmail", prospectEmail.value());
            d.put("campaignId", campaignId);
            d.put("mailboxId", mailboxId.value());
            d.put("subject", subject);
            d.put("messageId", messageId);
            d.put("receivedAt", EventDraft.time(receivedAt));
            return d;
        }
    }

    /** Hard (permanent) or soft (temporary) delivery failure. */
    enum BounceType {
        HARD("hard"), SOFT("soft");

        private final String wireName;

        BounceType(String wireName) {
            this.wireName = wireName;
        }

        public String wireName() {
            return wireName;
        }

        public static BounceType parse(String raw, String field) {
            for (BounceType t : values()) {
                if (t.wireName.equals(raw)) {
                    return t;
                }
            }
            throw new InvalidValueException(field, field + " must be hard or soft.");
        }
    }

    /** A campaign email bounced. One event per prospect per campaign per day; a hard bounce suppresses the address. */
    record Bounce(String prospectId, EmailAddress prospectEmail, String campaignId, MailboxId mailboxId,
                  BounceType bounceType, String bounceReason, Instant bouncedAt) implements Signal {
        public Bounce {
            prospectId = Fields.id("prospectId", prospectId);
            Objects.requireNonNull(prospectEmail, "prospectEmail");
            campaignId = Fields.id("campaignId", campaignId);
            Objects.requireNonNull(mailboxId, "mailboxId");
            if (bounceType == null) {
                throw new InvalidValueException("bounceType", "bounceType is required (hard or soft).");
            }
            bounceReason = Fields.text("bounceReason", bounceReason, Fields.MAX_TEXT);
            bouncedAt = Fields.time("bouncedAt", bouncedAt);
        }

        public EventType type() {
            return EventType.EMAIL_BOUNCED;
        }

        public Instant occurredAt() {
            return bouncedAt;
        }

        public String timeField() {
            return "bouncedAt";
        }

        public DedupKey dedupKey() {
            return DedupKey.of(type(), campaignId, prospectId, day(bouncedAt));
        }

        public Map<String, Object> data() {
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("prospectId", prospectId);
            d.put("prospectEmail", prospectEmail.value());
            d.put("campaignId", campaignId);
            d.put("mailboxId", mailboxId.value());
            d.put("bounceType", bounceType.wireName());
            d.put("bounceReason", bounceReason);
            d.put("bouncedAt", EventDraft.time(bouncedAt));
            return d;
        }
    }

    /** A prospect unsubscribed. One event per prospect per campaign, ever; the address is suppressed. */
    record Unsubscribe(String prospectId, EmailAddress prospectEmail, String campaignId, Instant unsubscribedAt)
            implements Signal {
        public Unsubscribe {
            prospectId = Fields.id("prospectId", prospectId);
            Objects.requireNonNull(prospectEmail, "prospectEmail");
            campaignId = Fields.id("campaignId", campaignId);
            unsubscribedAt = Fields.time("unsubscribedAt", unsubscribedAt);
        }

        public EventType type() {
            return EventType.EMAIL_UNSUBSCRIBED;
        }

        public Instant occurredAt() {
            return unsubscribedAt;
        }

        public String timeField() {
            return "unsubscribedAt";
        }

        public DedupKey dedupKey() {
            return DedupKey.of(type(), campaignId, prospectId);
        }

        public Map<String, Object> data() {
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("prospectId", prospectId);
            d.put("prospectEmail", prospectEmail.value());
            d.put("campaignId", campaignId);
            d.put("unsubscribedAt", EventDraft.time(unsubscribedAt));
            return d;
        }
    }

    /**
     * A prospect opened a campaign email. One event per prospect per campaign: the first open.
     * {@code automated} marks an open a machine made (an image prefetch); its event then says
     * {@code "automated": true}.
     */
    record Open(String prospectId, EmailAddress prospectEmail, String campaignId, MailboxId mailboxId, int stepIndex,
                Instant openedAt, boolean automated) implements Signal {

        public Open(String prospectId, EmailAddress prospectEmail, String campaignId, MailboxId mailboxId, int stepIndex,
                    Instant openedAt) {
            this(prospectId, prospectEmail, campaignId, mailboxId, stepIndex, openedAt, false);
        }

        public Open {
            prospectId = Fields.id("prospectId", prospectId);
            Objects.requireNonNull(prospectEmail, "prospectEmail");
            campaignId = Fields.id("campaignId", campaignId);
            Objects.requireNonNull(mailboxId, "mailboxId");
            stepIndex = Fields.stepIndex("stepIndex", stepIndex);
            openedAt = Fields.time("openedAt", openedAt);
        }

        public EventType type() {
            return EventType.EMAIL_OPENED;
        }

        public Instant occurredAt() {
            return openedAt;
        }

        public String timeField() {
            return "openedAt";
        }

        public DedupKey dedupKey() {
            return DedupKey.of(type(), campaignId, prospectId);
        }

        public Map<String, Object> data() {
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("prospectId", prospectId);
            d.put("prospectEmail", prospectEmail.value());
            d.put("campaignId", campaignId);
            d.put("mailboxId", mailboxId.value());
            d.put("stepIndex", stepIndex);
            d.put("openedAt", EventDraft.time(openedAt));
            if (automated) {
                d.put("automated", true);
            }
            return d;
        }
    }

    /** A prospect clicked a tracked link. One event per unique URL per prospect per day. */
    record Click(String prospectId, EmailAddress prospectEmail, String campaignId, MailboxId mailboxId, int stepIndex,
                 String url, Instant clickedAt) implements Signal {
        public Click {
            prospectId = Fields.id("prospectId", prospectId);
            Objects.requireNonNull(prospectEmail, "prospectEmail");
            campaignId = Fields.id("campaignId", campaignId);
            Objects.requireNonNull(mailboxId, "mailboxId");
            stepIndex = Fields.stepIndex("stepIndex", stepIndex);
            url = Fields.url("url", url);
            clickedAt = Fields.time("clickedAt", clickedAt);
        }

        public EventType type() {
            return EventType.EMAIL_CLICKED;
        }

        public Instant occurredAt() {
            return clickedAt;
        }

        public String timeField() {
            return "clickedAt";
        }

        public DedupKey dedupKey() {
            return DedupKey.of(type(), prospectId, url, day(clickedAt));
        }

        public Map<String, Object> data() {
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("prospectId", prospectId);
            d.put("prospectEmail", prospectEmail.value());
            d.put("campaignId", campaignId);
            d.put("mailboxId", mailboxId.value());
            d.put("stepIndex", stepIndex);
            d.put("url", url);
            d.put("clickedAt", EventDraft.time(clickedAt));
            return d;
        }
    }
}
