package io.warmy.application;

import io.warmy.application.common.port.out.Clock;

import java.time.Duration;
import java.time.Instant;

/** A clock the test moves by hand. */
public final class MovableClock implements Clock {

    private Instant now;

    public MovableClock(Instant start) {
        this.now = start;
    }

    @Override
    public synchronized Instant now() {
        return now;
    }

    public synchronized void advance(Duration by) {
        now = now.plus(by);
    }
}
