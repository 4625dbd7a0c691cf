package io.warmy.application.common;

import io.warmy.domain.common.MalformedException;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * One page of a list: at most {@code limit} items (1–100, default 20) after the item a cursor
 * names. Cursors are opaque to clients: base64url of a version tag and the last id seen.
 */
public record PageRequest(int limit, Optional<String> afterId) {

    public static final int DEFAULT_LIMIT = 20;
    public static final int MAX_LIMIT = 100;
    private static final String VERSION = "v1:";

    public PageRequest {
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new MalformedException("limit", "limit must be between 1 and " + MAX_LIMIT + " (was " + limit + ").");
        }
    }

    public static PageRequest first(int limit) {
        return new PageRequest(limit, Optional.empty());
    }

    /** Reads the {@code limit} and {@code cursor} query parameters as a client sent them (either may be absent). */
    public static PageRequest parse(String limit, String cursor) {
        int n = DEFAULT_LIMIT;
        if (limit != null) {
            try {
                n = Integer.parseInt(limit.trim());
            } catch (NumberFormatException e) {
                throw new MalformedException("limit", "limit must be a whole number between 1 and " + MAX_LIMIT + ".");
            }
        }
        return new PageRequest(n, cursor == null || cursor.isEmpty() ? Optional.empty() : Optional.of(decode(cursor)));
    }

    public static String encode(String lastId) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString((VERSION + lastId).getBytes(StandardCharsets.UTF_8));
    }

    private static String decode(String cursor) {
        try {
            String raw = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            if (raw.startsWith(VERSION) && raw.length() > VERSION.length()) {
                return raw.substring(VERSION.length());
            }
        } catch (IllegalArgumentException ignored) {
            // falls through to the error below
        }
        throw new MalformedException("cursor", "cursor is not one this API returned; pass nextCursor unchanged.");
    }
}
