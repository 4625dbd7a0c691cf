package io.warmy.adapters.persistence;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An event's payload as the JSON text of column {@code events.data}. Fields keep their order;
 * whole numbers read back as {@code Integer} when they fit and as {@code Long} otherwise, which is
 * how the payload's numbers are compared.
 */
final class EventData {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TypeReference<LinkedHashMap<String, Object>> MAP = new TypeReference<>() {
    };

    private EventData() {
    }

    static String write(Map<String, Object> data) {
        try {
            return JSON.writeValueAsString(data);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Event data is not plain JSON values: " + e.getOriginalMessage(), e);
        }
    }

    static Map<String, Object> read(String json) {
        try {
            return JSON.readValue(json, MAP);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored event data is not a JSON object: " + e.getOriginalMessage(), e);
        }
    }
}
