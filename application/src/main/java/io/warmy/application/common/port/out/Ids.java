package io.warmy.application.common.port.out;

/** New unique ids: 26-character, time-ordered (ULID) bodies that the typed ids put a prefix on. */
@FunctionalInterface
public interface Ids {

    String next();
}
