package io.warmy.domain.event;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Objects;

/**
 * What makes two signals "the same event" under a dedup rule, e.g.
 * {@code email.clicked|p_42|https://acme.example/pricing|2026-03-20}. Stores keep one event per
 * key and tenant, enforced by a unique index on the key's {@link #hash()} (URLs make keys too long
 * to index as they are).
 */
public record DedupKey(String value) {

    public DedupKey {
        Objects.requireNonNull(value, "value");
    }

    /** Joins the parts of a rule with '|'; a '|' or '\' inside a part is escaped so keys never collide. */
    public static DedupKey of(EventType type, Object... parts) {
        StringBuilder sb = new StringBuilder(type.wireName());
        for (Object part : parts) {
            sb.append('|').append(String.valueOf(part).replace("\\", "\\\\").replace("|", "\\|"));
        }
        return new DedupKey(sb.toString());
    }

    /** Lower-case hex SHA-256 of the key: 64 characters, what the unique index holds. */
    public String hash() {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
