package io.warmy.domain.event;

import io.warmy.domain.common.MalformedException;

import java.util.regex.Pattern;

/**
 * An event's id: a UUID (the {@code X-Warmy-Event-Id} header carries it, the same on every retry).
 * Warmy makes version-7 UUIDs, so ids sort by creation time and cursors can page by them.
 */
public record EventId(String value) {

    private static final Pattern UUID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    public EventId {
        if (value == null || !UUID.matcher(value).matches()) {
            throw new MalformedException("eventId", "'" + (value == null ? "" : value.length() > 64 ? value.substring(0, 61) + "..." : value)
                    + "' is not a valid event id (a lower-case UUID).");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
