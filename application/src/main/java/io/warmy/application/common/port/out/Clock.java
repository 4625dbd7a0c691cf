package io.warmy.application.common.port.out;

import java.time.Instant;

/** The time, as a port, so that tests can run a 45-day warmup in milliseconds. */
@FunctionalInterface
public interface Clock {

    Instant now();

    static Clock system() {
        return Instant::now;
    }
}
