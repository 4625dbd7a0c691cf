package io.warmy.application.event.port.in;

import io.warmy.domain.event.EventId;

/** The answer to every report: the event it made, or the one it duplicates. */
public record Recorded(EventId eventId, boolean duplicate) {
}
