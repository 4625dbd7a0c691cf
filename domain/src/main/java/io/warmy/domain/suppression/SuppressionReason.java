package io.warmy.domain.suppression;

import io.warmy.domain.common.InvalidValueException;

/** Why an address may not be mailed: it bounced hard, it unsubscribed, or someone put it there by hand. */
public enum SuppressionReason {
    BOUNCE("bounce"),
    UNSUBSCRIBE("unsubscribe"),
    MANUAL("manual");

    private final String wireName;

    SuppressionReason(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static SuppressionReason parse(String raw, String field) {
        for (SuppressionReason r : values()) {
            if (r.wireName.equals(raw)) {
                return r;
            }
        }
        throw new InvalidValueException(field, field + " must be one of bounce, unsubscribe, manual.");
    }
}
