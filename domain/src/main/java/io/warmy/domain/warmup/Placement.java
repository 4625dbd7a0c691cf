package io.warmy.domain.warmup;

import io.warmy.domain.common.InvalidValueException;

/** Where a warmup mail landed at the recipient of the warmup network. */
public enum Placement {
    INBOX("inbox"),
    SPAM("spam"),
    PROMOTIONS("promotions"),
    /** Not found in any folder (dropped, or not delivered yet when checked). */
    MISSING("missing");

    private final String wireName;

    Placement(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Placement parse(String raw, String field) {
        for (Placement p : values()) {
            if (p.wireName.equals(raw)) {
                return p;
            }
        }
        throw new InvalidValueException(field, field + " must be one of inbox, spam, promotions, missing.");
    }
}
