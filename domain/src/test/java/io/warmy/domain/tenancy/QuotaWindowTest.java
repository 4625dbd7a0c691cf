package io.warmy.domain.tenancy;

import io.warmy.domain.common.InvalidValueException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class QuotaWindowTest {

    private static final Instant T0 = Instant.parse("2026-03-20T12:00:00Z");

    private static QuotaGrant grant(long minutesAfterT0, int count) {
        return new QuotaGrant(T0.plus(Duration.ofMinutes(minutesAfterT0)), count);
    }

    private static Instant at(long minutesAfterT0) {
        return T0.plus(Duration.ofMinutes(minutesAfterT0));
    }

    @ParameterizedTest(name = "limit {0}, {1} used, want {2} → granted {3}")
    @CsvSource({
            // limit, used in the window, wanted, granted
            "1000,    0,  10, 10",
            "1000,  990,  10, 10",
            "1000,  995,  10,  5",
            "1000,  999,  10,  1",
            "1000, 1000,  10,  0",
            "   1,    0,   1,  1",
            "   1,    1,   1,  0",
    })
    void grantsWhatTheLastHourLeavesRoomFor(int limit, int used, int wanted, int granted) {
        List<QuotaGrant> earlier = used == 0 ? List.of() : List.of(grant(-30, used));
        QuotaWindow.Lease lease = QuotaWindow.lease(new RateLimit(limit), earlier, wanted, T0);
        assertThat(lease.granted()).isEqualTo(granted);
        assertThat(lease.used()).isEqualTo(used + granted);
    }

    @Test
    void aGrantCountsForExactlyOneHour() {
        RateLimit limit = new RateLimit(10);
        List<QuotaGrant> earlier = List.of(grant(0, 10));
        assertThat(QuotaWindow.lease(limit, earlier, 1, at(59)).granted()).isZero();
        assertThat(QuotaWindow.lease(limit, earlier, 1, at(60).minusMillis(1)).granted()).isZero();
        assertThat(QuotaWindow.lease(limit, earlier, 1, at(60)).granted()).isEqualTo(1);
    }

    @Test
    void aFullHourSaysWhenTheOldestGrantsLeaveIt() {
        RateLimit limit = new RateLimit(10);
        List<QuotaGrant> earlier = List.of(grant(-50, 4), grant(-20, 3), grant(-5, 3));
        QuotaWindow.Lease lease = QuotaWindow.lease(limit, earlier, 2, T0);
        assertThat(lease.granted()).isZero();
        assertThat(lease.retryAt()).isEqualTo(at(10));   // the grant made 50 minutes ago frees 4
        assertThat(lease.resetAt()).isEqualTo(at(55));   // the newest one leaves the hour
        assertThat(QuotaWindow.lease(limit, earlier, 2, lease.retryAt()).granted()).isEqualTo(2);
    }

    @Test
    void aLoweredLimitWaitsUntilEnoughHasLeftTheWindow() {
        RateLimit lowered = new RateLimit(3);
        List<QuotaGrant> earlier = List.of(grant(-40, 2), grant(-30, 2), grant(-10, 2));
        QuotaWindow.Lease lease = QuotaWindow.lease(lowered, earlier, 1, T0);
        assertThat(lease.granted()).isZero();
        assertThat(lease.retryAt()).isEqualTo(at(30)); // 6 used: 4 must leave before 1 fits under 3
    }

    @Test
    void aGrantingLeaseResetsAnHourFromNow() {
        QuotaWindow.Lease lease = QuotaWindow.lease(RateLimit.DEFAULT, List.of(grant(-10, 5)), 10, T0);
        assertThat(lease.retryAt()).isNull();
        assertThat(lease.resetAt()).isEqualTo(at(60));
    }

    @Test
    void noSlidingHourEverHoldsMoreThanTheLimitOfGrants() {
        // Grants asked for every 7 seconds for three hours: wherever an hour is laid, it holds at most the limit.
        RateLimit limit = new RateLimit(250);
        List<QuotaGrant> grants = new ArrayList<>();
        for (long s = 0; s < 3 * 3600; s += 7) {
            Instant now = T0.plusSeconds(s);
            QuotaWindow.Lease lease = QuotaWindow.lease(limit, grants, limit.block() + 3, now);
            if (lease.granted() > 0) {
                grants.add(new QuotaGrant(now, lease.granted()));
            }
        }
        for (QuotaGrant start : grants) {
            int inHour = grants.stream().filter(g -> !g.at().isBefore(start.at())
                    && g.at().isBefore(start.at().plus(RateLimit.WINDOW))).mapToInt(QuotaGrant::count).sum();
            assertThat(inHour).isLessThanOrEqualTo(250);
        }
        assertThat(grants.stream().mapToInt(QuotaGrant::count).sum()).isBetween(3 * 250 - 5, 3 * 250);
    }

    @ParameterizedTest(name = "{0}/h takes blocks of {1}")
    @CsvSource({"1, 1", "99, 1", "100, 1", "1000, 10", "5000, 50", "10000, 100", "1000000, 100"})
    void aBlockIsOnePercentBetweenOneAndAHundred(int perHour, int block) {
        assertThat(new RateLimit(perHour).block()).isEqualTo(block);
    }

    @ParameterizedTest
    @CsvSource({"0", "-1", "1000001"})
    void aLimitOutOfRangeNamesTheField(int perHour) {
        assertThatThrownBy(() -> new RateLimit(perHour))
                .isInstanceOf(InvalidValueException.class)
                .hasMessageContaining("rateLimitPerHour must be between 1 and 1000000");
    }

    @Test
    void noLimitAskedForIsTheDefault() {
        assertThat(RateLimit.ofNullable(null)).isEqualTo(new RateLimit(1000));
        assertThat(RateLimit.ofNullable(20)).isEqualTo(new RateLimit(20));
    }
}
