package io.warmy.domain.mailbox;

import io.warmy.domain.common.InvalidValueException;

/** Where a mailbox lives; decides how it is connected and which placement signals exist. */
public enum Provider {
    GOOGLE("google"),
    MICROSOFT("microsoft"),
    SMTP("smtp");

    private final String wireName;

    Provider(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Provider parse(String raw, String field) {
        if (raw == null) {
            throw new InvalidValueException(field, field + " is required (google, microsoft or smtp).");
        }
        for (Provider p : values()) {
            if (p.wireName.equals(raw)) {
                return p;
            }
        }
        throw new InvalidValueException(field, field + " must be one of google, microsoft, smtp (was '" + raw + "').");
    }
}
