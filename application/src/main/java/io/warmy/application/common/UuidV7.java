package io.warmy.application.common;

import io.warmy.application.common.port.out.Clock;

import java.security.SecureRandom;
import java.util.UUID;

/** Version-7 UUIDs (RFC 9562): 48 bits of milliseconds first, so they sort by creation time. */
public final class UuidV7 {

    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public UuidV7(Clock clock) {
        this.clock = clock;
    }

    public String next() {
        long ms = clock.now().toEpochMilli();
        long msb = (ms << 16) | 0x7000L | (random.nextInt() & 0x0fffL);
        long lsb = (random.nextLong() & 0x3fffffffffffffffL) | 0x8000000000000000L;
        return new UUID(msb, lsb).toString();
    }
}
