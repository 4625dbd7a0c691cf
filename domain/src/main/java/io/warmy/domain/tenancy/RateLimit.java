package io.warmy.domain.tenancy;

import io.warmy.domain.common.InvalidValueException;

import java.time.Duration;

/**
 * How many requests an API key may make in any one hour (a sliding hour, not a clock hour), and
 * the block of that quota a server node takes from the cluster-wide ledger at a time.
 *
 * <p>The block is 1 % of the limit, at least 1 and at most 100: a node holds at most one block,
 * so with {@code n} nodes the cluster admits at most {@code perHour + n × block} requests in any
 * hour (see {@link QuotaWindow}), and the ledger is written once per block instead of per request.
 */
public record RateLimit(int perHour) {

    public static final int MIN = 1;
    public static final int MAX = 1_000_000;
    public static final RateLimit DEFAULT = new RateLimit(1_000);
    public static final Duration WINDOW = Duration.ofHours(1);

    public RateLimit {
        if (perHour < MIN || perHour > MAX) {
            throw new InvalidValueException("rateLimitPerHour",
                    "rateLimitPerHour must be between " + MIN + " and " + MAX + ".");
        }
    }

    /** The limit a client asked for, or the default when it asked for none. */
    public static RateLimit ofNullable(Integer perHour) {
        return perHour == null ? DEFAULT : new RateLimit(perHour);
    }

    /** The quota a node takes from the ledger at a time. */
    public int block() {
        return Math.clamp(perHour / 100, 1, 100);
    }
}
