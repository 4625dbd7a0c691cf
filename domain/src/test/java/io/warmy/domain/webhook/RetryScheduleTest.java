package io.warmy.domain.webhook;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.util.Optional;
import java.util.random.RandomGenerator;

import static org.assertj.core.api.Assertions.assertThat;

class RetryScheduleTest {

    /** A generator that always answers the same fraction: 0 is the low end of the jitter, 0.5 the middle. */
    private static RandomGenerator fixed(double fraction) {
        return new RandomGenerator() {
            @Override
            public long nextLong() {
                return 0;
            }

            @Override
            public double nextDouble() {
                return fraction;
            }
        };
    }

    private static final DeliveryOutcome HTTP_500 = DeliveryOutcome.answered(500, Duration.ofMillis(5), "", Optional.empty());

    @ParameterizedTest(name = "after attempt {0}: {1} s, jittered to {2}..{3} s")
    @CsvSource({
            "1, 5, 4, 6",
            "2, 300, 240, 360",
            "3, 1800, 1440, 2160",
            "4, 7200, 5760, 8640",
            "5, 18000, 14400, 21600",
            "6, 36000, 28800, 43200",
            "7, 36000, 28800, 43200",
    })
    void theScheduleBacksOffWithTwentyPercentJitter(int attempt, long seconds, long low, long high) {
        assertThat(RetrySchedule.delayAfter(attempt, HTTP_500, fixed(0.5))).contains(Duration.ofSeconds(seconds));
        assertThat(RetrySchedule.delayAfter(attempt, HTTP_500, fixed(0.0))).contains(Duration.ofSeconds(low));
        assertThat(RetrySchedule.delayAfter(attempt, HTTP_500, fixed(0.999999)).orElseThrow())
                .isBetween(Duration.ofSeconds(high).minusMillis(50), Duration.ofSeconds(high));
    }

    @Test
    void theEighthAttemptIsTheLastAndTheWholeScheduleSpansAboutADay() {
        assertThat(RetrySchedule.delayAfter(8, HTTP_500, fixed(0.5))).isEmpty();
        Duration total = RetrySchedule.DELAYS.stream().reduce(Duration.ZERO, Duration::plus);
        assertThat(total).isBetween(Duration.ofHours(27), Duration.ofHours(28));
    }

    @ParameterizedTest(name = "attempt {0}, Retry-After {1} s → {2} s")
    @CsvSource({
            "2, 10, 300",      // asked for less than scheduled: the schedule stands
            "2, 450, 450",     // within 1–2×: honoured
            "2, 9999, 600",    // more than 2×: capped at twice the schedule
            "1, 30, 60",       // a 429/503 asking 30 s after the first attempt still waits the 60 s floor on 429
    })
    void retryAfterIsHonouredWithinOneToTwoTimesTheSchedule(int attempt, long askedSeconds, long expectedSeconds) {
        DeliveryOutcome busy = DeliveryOutcome.answered(429, Duration.ofMillis(5), "",
                Optional.of(Duration.ofSeconds(askedSeconds)));
        assertThat(RetrySchedule.delayAfter(attempt, busy, fixed(0.5))).contains(Duration.ofSeconds(expectedSeconds));
    }

    @Test
    void aTimeoutOrA429WaitsAtLeastAMinute() {
        DeliveryOutcome timeout = DeliveryOutcome.failed("timed out", Duration.ofSeconds(10), true);
        DeliveryOutcome tooMany = DeliveryOutcome.answered(429, Duration.ofMillis(5), "", Optional.empty());
        assertThat(RetrySchedule.delayAfter(1, timeout, fixed(0.5))).contains(Duration.ofSeconds(60));
        assertThat(RetrySchedule.delayAfter(1, tooMany, fixed(0.5))).contains(Duration.ofSeconds(60));
        assertThat(RetrySchedule.delayAfter(2, timeout, fixed(0.5))).contains(Duration.ofMinutes(5));
        assertThat(RetrySchedule.delayAfter(1, HTTP_500, fixed(0.5))).contains(Duration.ofSeconds(5));
    }
}
