package io.warmy.domain.mailbox;

import io.warmy.domain.common.InvalidValueException;

/** Whether Warmy can currently send from a mailbox. */
public enum MailboxStatus {
    CONNECTED("connected"),
    DISCONNECTED("disconnected");

    private final String wireName;

    MailboxStatus(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static MailboxStatus parse(String raw, String field) {
        for (MailboxStatus s : values()) {
            if (s.wireName.equals(raw)) {
                return s;
            }
        }
        throw new InvalidValueException(field, field + " must be one of connected, disconnected.");
    }
}
