package io.warmy.adapters.webhook;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.warmy.domain.event.Event;
import io.warmy.domain.event.EventDraft;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The body of a delivery, exactly the contract's envelope {@code {"type","data","timestamp"}} as
 * compact UTF-8 JSON with {@code data} in its own key order. It depends on the stored event alone,
 * so every retry of an event sends the same bytes.
 */
final class WebhookEnvelope {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private WebhookEnvelope() {
    }

    /** @throws IllegalArgumentException when the event's data holds a value JSON cannot carry */
    static byte[] bytes(Event event) {
        Map<String, Object> envelope = new LinkedHashMap<>();
        envelope.put("type", event.type().wireName());
        envelope.put("data", event.data());
        envelope.put("timestamp", EventDraft.time(event.timestamp()));
        try {
            return MAPPER.writeValueAsBytes(envelope);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("The data of event " + event.id() + " cannot be written as JSON.", e);
        }
    }
}
