package io.warmy.domain.event;

import io.warmy.domain.common.InvalidValueException;

import java.util.Arrays;
import java.util.stream.Collectors;

/** The twelve event types of the webhook contract, by their wire names. */
public enum EventType {
    MAILBOX_CONNECTED("mailbox.connected"),
    MAILBOX_DISCONNECTED("mailbox.disconnected"),
    WARMUP_HEALTH_CHANGED("warmup.health_changed"),
    WARMUP_MILESTONE("warmup.milestone"),
    REPLY_RECEIVED("reply.received"),
    EMAIL_BOUNCED("email.bounced"),
    EMAIL_UNSUBSCRIBED("email.unsubscribed"),
    EMAIL_OPENED("email.opened"),
    EMAIL_CLICKED("email.clicked"),
    PROSPECT_SUPPRESSED("prospect.suppressed"),
    LIMIT_HIT("limit.hit"),
    WEBHOOK_TEST("webhook.test");

    private final String wireName;

    EventType(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static EventType parse(String raw, String field) {
        for (EventType t : values()) {
            if (t.wireName.equals(raw)) {
                return t;
            }
        }
        throw new InvalidValueException(field, "'" + raw + "' is not an event type; expected one of "
                + Arrays.stream(values()).map(EventType::wireName).collect(Collectors.joining(", ")) + ".");
    }
}
