package io.warmy.domain.warmup;

import io.warmy.domain.common.InvalidValueException;

/** Where a mailbox's warmup stands. */
public enum WarmupStatus {
    ACTIVE("active"),
    PAUSED("paused"),
    NOT_STARTED("not_started");

    private final String wireName;

    WarmupStatus(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static WarmupStatus parse(String raw, String field) {
        for (WarmupStatus s : values()) {
            if (s.wireName.equals(raw)) {
                return s;
            }
        }
        throw new InvalidValueException(field, field + " must be one of active, paused, not_started.");
    }
}
