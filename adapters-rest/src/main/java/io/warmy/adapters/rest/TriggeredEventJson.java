package io.warmy.adapters.rest;

import io.warmy.application.event.port.in.TriggerSandboxEvent;

import java.util.Map;

/** A sandbox event as {@code /sandbox/events} answers it: the event as {@code /events} shows it, and whether it was a duplicate. */
record TriggeredEventJson(String id, String type, Map<String, Object> data, String timestamp, boolean duplicate) {

    static TriggeredEventJson of(TriggerSandboxEvent.Triggered t) {
        EventJson e = EventJson.of(t.event());
        return new TriggeredEventJson(e.id(), e.type(), e.data(), e.timestamp(), t.duplicate());
    }
}
