package io.warmy.adapters.rest;

import io.warmy.domain.event.Event;

import java.util.Map;

/**
 * An event as {@code /events} shows it: exactly the webhook envelope plus {@code id}, so a
 * consumer that fetches what it missed parses it with the code that parses its webhooks. The
 * payload is written as the domain made it, values and field order untouched.
 */
record EventJson(String id, String type, Map<String, Object> data, String timestamp) {

    static EventJson of(Event e) {
        return new EventJson(e.id().value(), e.type().wireName(), e.data(), Json.time(e.timestamp()));
    }
}
