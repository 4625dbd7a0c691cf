package io.warmy.domain.event;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.ZoneOffset;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An event as the domain decides it: its type, its payload exactly as the webhook contract names
 * the fields (in that order), and the dedup key of its rule (none for {@code webhook.test}).
 * Payload values are JSON-ready: strings, numbers, booleans or null; times are ISO-8601 UTC
 * strings with milliseconds.
 */
public record EventDraft(EventType type, Map<String, Object> data, Optional<DedupKey> dedupKey) {

    public EventDraft {
        Objects.requireNonNull(type, "type");
        data = jsonValues(data);
        Objects.requireNonNull(dedupKey, "dedupKey");
    }

    /**
     * An ordered, unmodifiable copy in which every whole number is an {@code Integer} when it fits
     * one and a {@code Long} otherwise, as JSON readers give them back: a payload then equals
     * itself after a round trip through any store.
     */
    static Map<String, Object> jsonValues(Map<String, Object> data) {
        Map<String, Object> copy = new LinkedHashMap<>();
        data.forEach((k, v) -> copy.put(k, v instanceof Long l && l == l.intValue() ? Integer.valueOf(l.intValue()) : v));
        return Collections.unmodifiableMap(copy);
    }

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    /** The contract's time format: {@code 2026-03-20T14:30:00.000Z}, always with milliseconds. */
    public static String time(Instant instant) {
        return TIME.format(instant);
    }
}
