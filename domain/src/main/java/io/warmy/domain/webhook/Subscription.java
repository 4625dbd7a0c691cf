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
}
