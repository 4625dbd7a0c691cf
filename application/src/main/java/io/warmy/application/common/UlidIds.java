package io.warmy.application.common;

import io.warmy.application.common.port.out.Clock;
import io.warmy.application.common.port.out.Ids;

import java.security.SecureRandom;

/**
 * ULIDs: 48 bits of milliseconds then 80 random bits, in Crockford base32. Sorting ids sorts by
 * creation time (to the millisecond), which keeps cursor pagination stable and index inserts
 * append-mostly.
 */
public final class UlidIds implements Ids {

    private static final char[] CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();

    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public UlidIds(Clock clock) {
        this.clock = clock;
    }

    @Override
    public String next() {
        long time = clock.now().toEpochMilli();
        byte[] rnd = new byte[10];
        random.nextBytes(rnd);
        char[] out = new char[26];
        for (int i = 9; i >= 0; i--) {
            out[i] = CROCKFORD[(int) (time & 31)];
            time >>>= 5;
        }
        // 80 random bits as 16 base32 characters.
        long hi = 0;
        for (int i = 0; i < 5; i++) {
            hi = (hi << 8) | (rnd[i] & 0xff);
        }
        long lo = 0;
        for (int i = 5; i < 10; i++) {
            lo = (lo << 8) | (rnd[i] & 0xff);
        }
        for (int i = 17; i >= 10; i--) {
            out[i] = CROCKFORD[(int) (hi & 31)];
            hi >>>= 5;
        }
        for (int i = 25; i >= 18; i--) {
            out[i] = CROCKFORD[(int) (lo & 31)];
            lo >>>= 5;
        }
        return new String(out);
    }
}
