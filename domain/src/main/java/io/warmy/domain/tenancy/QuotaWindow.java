package io.warmy.domain.tenancy;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * The sliding-hour rule of API rate limits, as one pure function over the quota already granted.
 *
 * <p>Quota is granted in blocks ({@link QuotaGrant}) to the server nodes, which spend them on
 * requests without asking again. A grant counts against the key for one hour from the moment it
 * was made, and a new one is made only while the grants of the last hour leave room: so in every
 * window of an hour the grants made in it add up to at most the limit. Unlike a fixed window,
 * which lets twice the limit through around its boundary, no hour ever holds more — except the
 * blocks the nodes already held when that hour began, which is the documented overshoot of at
 * most {@code nodes × block}.
 */
public final class QuotaWindow {

    private QuotaWindow() {
    }

    /**
     * The result of asking for quota.
     *
     * @param granted  how many requests were granted now (0 when the hour is full)
     * @param used     the requests of the last hour, this grant included
     * @param resetAt  when all of them will have left the window, so that the whole limit is free
     * @param retryAt  when nothing was granted: the first moment one request will be; else null
     */
    public record Lease(int granted, int used, Instant resetAt, Instant retryAt) {

        public Lease {
            Objects.requireNonNull(resetAt, "resetAt");
            if ((granted == 0) != (retryAt != null)) {
                throw new IllegalArgumentException("retryAt is given exactly when nothing was granted");
            }
        }
    }

    /**
     * Grants up to {@code wanted} requests of {@code limit} at {@code now}, given the grants made
     * before; grants an hour old or older no longer count and are ignored.
     */
    public static Lease lease(RateLimit limit, List<QuotaGrant> earlier, int wanted, Instant now) {
        if (wanted < 1) {
            throw new IllegalArgumentException("wanted must be at least 1");
        }
        Instant windowStart = now.minus(RateLimit.WINDOW);
        List<QuotaGrant> inWindow = earlier.stream()
                .filter(g -> g.at().isAfter(windowStart))
                .sorted(Comparator.comparing(QuotaGrant::at))
                .toList();
        int used = inWindow.stream().mapToInt(QuotaGrant::count).sum();
        int granted = Math.clamp((long) limit.perHour() - used, 0, wanted);
        if (granted > 0) {
            return new Lease(granted, used + granted, now.plus(RateLimit.WINDOW), null);
        }
        Instant resetAt = inWindow.getLast().at().plus(RateLimit.WINDOW);
        // The first moment one request fits: when enough of the oldest grants have left the window.
        int stillUsed = used;
        for (QuotaGrant grant : inWindow) {
            stillUsed -= grant.count();
            if (stillUsed <= limit.perHour() - 1) {
                return new Lease(0, used, resetAt, grant.at().plus(RateLimit.WINDOW));
            }
        }
        throw new AssertionError("a window that holds no grant has room");
    }
}
