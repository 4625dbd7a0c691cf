package io.warmy.domain.event;

import io.warmy.domain.common.InvalidValueException;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.util.Locale;

/** Checks shared by the signals' fields; each failure names the field as the API spells it. */
public final class Fields {

    public static final int MAX_ID = 128;
    public static final int MAX_URL = 2048;
    public static final int MAX_TEXT = 998; // RFC 5322's longest header line
    public static final int MAX_STEP = 1000;
    /** The earliest time a signal may carry: nothing in Warmy happened before 2000. */
    static final Instant EARLIEST = Instant.parse("2000-01-01T00:00:00Z");

    private Fields() {
    }

    /** An external identifier (prospect, campaign, message): 1–128 printable characters. */
    public static String id(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidValueException(field, field + " is required.");
        }
        if (value.length() > MAX_ID || !printable(value)) {
            throw new InvalidValueException(field, field + " must be 1-" + MAX_ID + " printable characters.");
        }
        return value;
    }

    /** Free text such as a subject: at most 998 characters, no control characters; may be empty. */
    public static String text(String field, String value, int max) {
        if (value == null) {
            throw new InvalidValueException(field, field + " is required (it may be empty).");
        }
        if (value.length() > max || !printable(value)) {
            throw new InvalidValueException(field, field + " must be at most " + max + " characters without control characters.");
        }
        return value;
    }

    public static int stepIndex(String field, int value) {
        if (value < 0 || value > MAX_STEP) {
            throw new InvalidValueException(field, field + " must be between 0 and " + MAX_STEP + " (was " + value + ").");
        }
        return value;
    }

    /** An absolute http(s) URL of at most 2048 characters. */
    public static String url(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidValueException(field, field + " is required.");
        }
        if (value.length() > MAX_URL) {
            throw new InvalidValueException(field, field + " must be at most " + MAX_URL + " characters.");
        }
        try {
            URI uri = new URI(value);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if ((scheme.equals("http") || scheme.equals("https")) && uri.getHost() != null) {
                return value;
            }
        } catch (URISyntaxException ignored) {
            // reported below
        }
        throw new InvalidValueException(field, field + " must be an absolute http or https URL.");
    }

    /** A time a signal reports: required, not before 2000. Whether it is too far ahead is the caller's, who knows "now". */
    public static Instant time(String field, Instant value) {
        if (value == null) {
            throw new InvalidValueException(field, field + " is required.");
        }
        if (value.isBefore(EARLIEST)) {
            throw new InvalidValueException(field, field + " must not be before 2000-01-01.");
        }
        return value;
    }

    private static boolean printable(String s) {
        return s.codePoints().noneMatch(c -> Character.isISOControl(c) || c == 0xFFFD);
    }
}
