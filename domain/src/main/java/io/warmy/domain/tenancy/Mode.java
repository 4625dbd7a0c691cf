package io.warmy.domain.tenancy;

import io.warmy.domain.common.InvalidValueException;

/** Live data and sandbox data never mix: every row and every query is scoped to one mode. */
public enum Mode {
    LIVE("live", "wk_live_"),
    SANDBOX("sandbox", "wk_test_");

    private final String wireName;
    private final String keyPrefix;

    Mode(String wireName, String keyPrefix) {
        this.wireName = wireName;
        this.keyPrefix = keyPrefix;
    }

    public String wireName() {
        return wireName;
    }

    /** The prefix of API keys of this mode: {@code wk_live_} or {@code wk_test_}. */
    public String keyPrefix() {
        return keyPrefix;
    }

    public static Mode parse(String raw, String field) {
        for (Mode m : values()) {
            if (m.wireName.equals(raw)) {
                return m;
            }
        }
        throw new InvalidValueException(field, field + " must be one of live, sandbox.");
    }
}
