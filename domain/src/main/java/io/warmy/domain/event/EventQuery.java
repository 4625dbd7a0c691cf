package io.warmy.domain.event;

import io.warmy.domain.common.InvalidValueException;

import java.time.Instant;

/**
 * Which events a list shows, by type and by recording time; a null field does not filter.
 * {@code since} is inclusive and {@code until} exclusive.
 */
public record EventQuery(EventType type, Instant since, Instant until) {

    public static final EventQuery ALL = new EventQuery(null, null, null);

    public EventQuery {
        if (since != null && until != null && !since.isBefore(until)) {
            throw new InvalidValueException("until", "until must be after since.");
        }
    }

    public boolean matches(Event e) {
        return (type == null || e.type() == type)
                && (since == null || !e.timestamp().isBefore(since))
                && (until == null || e.timestamp().isBefore(until));
    }
}
