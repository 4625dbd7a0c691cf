package io.warmy.application.common;

import io.warmy.application.common.port.out.Clock;
import io.warmy.application.common.port.out.Ids;

import java.security.SecureRandom;

/**
 * ULIDs: 48 bits of milliseconds then 80 random bits, in Crockford base32. Sorting ids sorts by
 * creation time, which keeps cursor pagination stable and index inserts append-mostly. Within
 * one millisecond the random part counts up (the ULID spec's monotonic mode), so ids made by one
 * node also sort in the order they were made.
 */
public final class UlidIds implements Ids {

    private static final char[] CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();
    private static final long LOW_40_BITS = (1L << 40) - 1;

    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private long lastMs = -1;
    private long hi; // the upper 40 random bits
    private long lo; // the lower 40 random bits

    public UlidIds(Clock clock) {
        this.clock = clock;
    }

    @Override
    public String next() {
        long time;
        long h;
        long l;
        synchronized (this) {
            time = Math.max(clock.now().toEpochMilli(), lastMs);
            if (time == lastMs) {
                lo = (lo + 1) & LOW_40_BITS;
                if (lo == 0) {
                    hi = (hi + 1) & LOW_40_BITS;
                    if (hi == 0) {
                        time++; // 2^80 ids in one millisecond: move on to the next one
                    }
                }
            } else {
                hi = random.nextLong() & LOW_40_BITS;
                lo = random.nextLong() & (LOW_40_BITS >>> 1); // room to count up within the millisecond
            }
            lastMs = time;
            h = hi;
            l = lo;
        }
        char[] out = new char[26];
        for (int i = 9; i >= 0; i--) {
            out[i] = CROCKFORD[(int) (time & 31)];
            time >>>= 5;
        }
        for (int i = 17; i >= 10; i--) {
            out[i] = CROCKFORD[(int) (h & 31)];
            h >>>= 5;
        }
        for (int i = 25; i >= 18; i--) {
            out[i] = CROCKFORD[(int) (l & 31)];
            l >>>= 5;
        }
        return new String(out);
    }
}
