package io.warmy.domain.health;

import io.warmy.domain.common.InvalidValueException;

/** An SPF, DKIM or DMARC verdict as a receiver recorded it in Authentication-Results. */
public enum AuthResult {
    PASS("pass"),
    FAIL("fail"),
    /** No record, or the receiver did not check. */
    NONE("none");

    private final String wireName;

    AuthResult(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static AuthResult parse(String raw, String field) {
        for (AuthResult r : values()) {
            if (r.wireName.equals(raw)) {
                return r;
            }
        }
        throw new InvalidValueException(field, field + " must be one of pass, fail, none.");
    }
}
