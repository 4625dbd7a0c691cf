package io.warmy.domain.common;

import java.util.regex.Pattern;

/**
 * Ids are opaque to clients but have one shape inside: a type prefix and 26 Crockford base32
 * characters of a time-ordered unique id (ULID), e.g. {@code mbx_01JD4S3K2M9V6QW8XR5T7YB0CE}.
 * Ordering by id is ordering by creation, which is what cursors rely on.
 */
public final class Identifiers {

    private static final Pattern BODY = Pattern.compile("[0-9A-HJKMNP-TV-Z]{26}");

    private Identifiers() {
    }

    /** Checks a raw id against its prefix; a wrong shape is a {@link MalformedException}. */
    public static String require(String raw, String prefix, String field) {
        if (raw == null || !raw.startsWith(prefix) || !BODY.matcher(raw.substring(prefix.length())).matches()) {
            throw new MalformedException(field, "'" + abbreviate(raw) + "' is not a valid " + field
                    + " (expected '" + prefix + "' followed by 26 characters).");
        }
        return raw;
    }

    /** True when {@code body} is the 26-character part of an id. */
    public static boolean isBody(String body) {
        return body != null && BODY.matcher(body).matches();
    }

    static String abbreviate(String raw) {
        if (raw == null) {
            return "";
        }
        return raw.length() <= 64 ? raw : raw.substring(0, 61) + "...";
    }
}
