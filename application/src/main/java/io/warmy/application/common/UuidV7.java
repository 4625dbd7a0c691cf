package io.warmy.application.common;

import io.warmy.application.common.port.out.Clock;

import java.security.SecureRandom;
import java.util.UUID;

/**
 * Version-7 UUIDs (RFC 9562): 48 bits of milliseconds first, so they sort by creation time. Within
 * one millisecond the 12 bits after the version count up (RFC 9562 §6.2, method 1), so ids made
 * by one node also sort in the order they were made.
 */
public final class UuidV7 {

    private static final int SEQUENCE_MAX = 0xfff;

    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private long lastMs = -1;
    private int sequence;

    public UuidV7(Clock clock) {
        this.clock = clock;
    }

    public String next() {
        return next(clock.now());
    }

    /** An id for something that happened at {@code at} (never earlier than the last id made). */
    public String next(java.time.Instant at) {
        long ms;
        int seq;
        synchronized (this) {
            ms = Math.max(at.toEpochMilli(), lastMs);
            if (ms == lastMs) {
                if (++sequence > SEQUENCE_MAX) {
                    ms++;
                    sequence = random.nextInt(SEQUENCE_MAX / 2);
                }
            } else {
                // Start low in the range so that a burst within one millisecond has room to count.
                sequence = random.nextInt(SEQUENCE_MAX / 2);
            }
            lastMs = ms;
            seq = sequence;
        }
        long msb = (ms << 16) | 0x7000L | seq;
        long lsb = (random.nextLong() & 0x3fffffffffffffffL) | 0x8000000000000000L;
        return new UUID(msb, lsb).toString();
    }
}
