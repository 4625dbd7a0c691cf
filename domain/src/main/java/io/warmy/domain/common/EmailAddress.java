package io.warmy.domain.common;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * An email address, normalised on construction (trimmed, lower-cased), so two spellings of one
 * address are one value. The check is deliberately practical, not the whole of RFC 5322: one
 * '@', a non-empty local part, and a dotted domain of letters, digits and hyphens.
 */
public record EmailAddress(String value) {

    private static final Pattern SHAPE = Pattern.compile(
            "[a-z0-9.!#$%&'*+/=?^_`{|}~-]+@[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)+");

    public EmailAddress {
        if (value == null) {
            throw new InvalidValueException("email", "email is required.");
        }
        value = value.trim().toLowerCase(Locale.ROOT);
        if (value.length() > 254 || !SHAPE.matcher(value).matches()) {
            throw new InvalidValueException("email", "'" + Identifiers.abbreviate(value) + "' is not a valid email address.");
        }
    }

    /** Parses a raw address, naming {@code field} when it is not one. */
    public static EmailAddress parse(String raw, String field) {
        try {
            return new EmailAddress(raw);
        } catch (InvalidValueException e) {
            throw new InvalidValueException(field, raw == null ? field + " is required." : e.getMessage());
        }
    }

    /** The part after the '@', e.g. for per-domain sending limits. */
    public String domain() {
        return value.substring(value.indexOf('@') + 1);
    }

    @Override
    public String toString() {
        return value;
    }
}
