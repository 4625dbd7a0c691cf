package io.warmy.domain.webhook;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.random.RandomGenerator;

/**
 * When a failed delivery is tried again (SPEC §5): 5 s, 5 min, 30 min, 2 h, 5 h, 10 h and 10 h
 * after the attempts before, about a day and a half in all, each with ±20 % jitter so that many
 * deliveries failing together do not come back together. A receiver's {@code Retry-After} (on
 * 429/503) is honoured within 1–2× the scheduled delay; a timeout or a 429 waits at least 60 s.
 * After the eighth attempt there is no next one.
 */
public final class RetrySchedule {

    public static final List<Duration> DELAYS = List.of(Duration.ofSeconds(5), Duration.ofMinutes(5),
            Duration.ofMinutes(30), Duration.ofHours(2), Duration.ofHours(5), Duration.ofHours(10), Duration.ofHours(10));
    public static final int MAX_ATTEMPTS = DELAYS.size() + 1;
    static final double JITTER = 0.20;
    static final Duration SLOW_RECEIVER_FLOOR = Duration.ofSeconds(60);

    private RetrySchedule() {
    }

    /**
     * The wait after failed attempt number {@code attempt} (1-based), or empty when it was the last.
     */
    public static Optional<Duration> delayAfter(int attempt, DeliveryOutcome outcome, RandomGenerator random) {
        if (attempt < 1 || attempt >= MAX_ATTEMPTS) {
            return Optional.empty();
        }
        Duration scheduled = DELAYS.get(attempt - 1);
        long jittered = Math.round(scheduled.toMillis() * (1 - JITTER + 2 * JITTER * random.nextDouble()));
        Duration delay = Duration.ofMillis(jittered);
        if (outcome.retryAfter().isPresent()) {
            Duration asked = outcome.retryAfter().get();
            Duration max = scheduled.multipliedBy(2);
            delay = asked.compareTo(scheduled) < 0 ? scheduled : asked.compareTo(max) > 0 ? max : asked;
        }
        boolean slow = outcome.timedOut() || outcome.statusCode().map(s -> s == 429).orElse(false);
        if (slow && delay.compareTo(SLOW_RECEIVER_FLOOR) < 0) {
            delay = SLOW_RECEIVER_FLOOR;
        }
        return Optional.of(delay);
    }
}
