package io.warmy.domain.webhook;

import io.warmy.domain.event.EventType;

import java.util.EnumSet;
import java.util.Set;

/**
 * Which event types an endpoint receives: a set of types, or every type ({@code ["*"]}), which
 * also takes types added later.
 */
public record Subscription(boolean all, Set<EventType> types) {

    public static final Subscription ALL = new Subscription(true, EnumSet.noneOf(EventType.class));

    public Subscription {
        types = all ? Set.of() : Set.copyOf(types);
    }

    public static Subscription of(Set<EventType> types) {
        return new Subscription(false, types);
    }

    public boolean includes(EventType type) {
        return all || types.contains(type);
    }

    /**
     * Reads the API's {@code events} array: {@code ["*"]} for every type, or wire names. Unknown
     * names are refused, all of them named at once.
     */
    public static Subscription parse(java.util.List<String> names) {
        if (names == null || names.isEmpty()) {
            throw new io.warmy.domain.common.InvalidValueException("events",
                    "events must list at least one event type, or [\"*\"] for all.");
        }
        if (names.contains("*")) {
            if (names.size() > 1) {
                throw new io.warmy.domain.common.InvalidValueException("events", "\"*\" stands alone: it already means every type.");
            }
            return ALL;
        }
        EnumSet<EventType> types = EnumSet.noneOf(EventType.class);
        java.util.List<String> unknown = new java.util.ArrayList<>();
        for (String name : names) {
            EventType match = null;
            for (EventType t : EventType.values()) {
                if (t.wireName().equals(name)) {
                    match = t;
                }
            }
            if (match == null) {
                unknown.add(String.valueOf(name));
            } else {
                types.add(match);
            }
        }
        if (!unknown.isEmpty()) {
            throw new io.warmy.domain.common.InvalidValueException("events", "Unknown event types: "
                    + String.join(", ", unknown) + ".");
        }
        return of(types);
    }

    /** The wire names, {@code ["*"]} for all, in the contract's order. */
    public java.util.List<String> wireNames() {
        if (all) {
            return java.util.List.of("*");
        }
        return java.util.Arrays.stream(EventType.values()).filter(types::contains).map(EventType::wireName).toList();
    }
}
