package io.warmy.domain.warmup;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

class WarmupPlanTest {

    @ParameterizedTest(name = "target {0}, start {1}, +{2}/day: day {3} plans {4}")
    @CsvSource({
            // target, start, ramp, day, planned
            "40, 2, 2, 0, 0",
            "40, 2, 2, 1, 2",
            "40, 2, 2, 2, 4",
            "40, 2, 2, 19, 38",
            "40, 2, 2, 20, 40",
            "40, 2, 2, 21, 40",
            "40, 2, 2, 400, 40",
            "10, 10, 5, 1, 10",
            "200, 50, 20, 8, 190",
            "200, 50, 20, 9, 200",
            "1, 1, 1, 2147483647, 1",
    })
    void plannedVolumeRampsLinearlyAndStopsAtTheTarget(int target, int start, int ramp, int day, int planned) {
        assertThat(WarmupPlan.plannedVolume(new WarmupSettings(target, start, ramp, 30, false), day)).isEqualTo(planned);
    }

    @ParameterizedTest(name = "target {0}, start {1}, +{2}/day: target reached on day {3}")
    @CsvSource({
            "40, 2, 2, 20",
            "40, 2, 3, 14",
            "10, 10, 5, 1",
            "11, 10, 5, 2",
            "200, 1, 1, 200",
    })
    void theDailyTargetIsReachedOnTheFirstDayThatPlansIt(int target, int start, int ramp, int day) {
        WarmupSettings s = new WarmupSettings(target, start, ramp, 30, false);
        assertThat(WarmupPlan.dayTargetReached(s)).isEqualTo(day);
        assertThat(WarmupPlan.plannedVolume(s, day)).isEqualTo(target);
        if (day > 1) {
            assertThat(WarmupPlan.plannedVolume(s, day - 1)).isLessThan(target);
        }
    }

    @ParameterizedTest(name = "{0}..{1} weekdaysOnly={2}: {3} sending days")
    @CsvSource({
            // 2026-11-23 is a Monday
            "2026-11-23, 2026-11-23, false, 1",
            "2026-11-23, 2026-11-29, false, 7",
            "2026-11-23, 2026-11-29, true, 5",
            "2026-11-28, 2026-11-29, true, 0",
            "2026-11-27, 2026-11-30, true, 2",
            "2026-11-23, 2026-12-31, true, 29",
            "2026-11-23, 2026-12-31, false, 39",
            "2026-11-24, 2026-11-23, false, 0",
            "2026-01-01, 2026-12-31, true, 261",
    })
    void sendingDaysAreCountedInclusivelyAndSkipWeekendsWhenAsked(LocalDate from, LocalDate to, boolean weekdaysOnly,
                                                                  int days) {
        assertThat(WarmupPlan.countSendingDays(from, to, weekdaysOnly)).isEqualTo(days);
    }

    @ParameterizedTest(name = "day {0} of target-day {1}: next is {2} on day {3}")
    @CsvSource({
            // day, settings(target,start,ramp), next name, next day
            "1, 40, 2, 2, day_7, 7",
            "7, 40, 2, 2, day_14, 14",
            "14, 40, 2, 2, daily_target, 20",
            "20, 40, 2, 2, day_30, 30",
            "3, 10, 2, 2, daily_target, 5",
            "1, 10, 2, 1, day_7, 7",
    })
    void theNextMilestoneIsTheNearestOneAhead(int day, int target, int start, int ramp, String name, int at) {
        WarmupSettings s = new WarmupSettings(target, start, ramp, 30, false);
        Milestone next = WarmupPlan.nextMilestone(s, day, LocalDate.parse("2026-11-23"), true).orElseThrow();
        assertThat(next.name()).isEqualTo(name);
        assertThat(next.day()).isEqualTo(at);
        assertThat(next.expectedOn()).isEqualTo(LocalDate.parse("2026-11-23").plusDays(at - day));
    }

    @org.junit.jupiter.api.Test
    void afterDayThirtyWithTheTargetReachedNoMilestoneIsLeft() {
        assertThat(WarmupPlan.nextMilestone(WarmupSettings.DEFAULTS, 30, LocalDate.parse("2026-11-23"), true)).isEmpty();
    }

    @org.junit.jupiter.api.Test
    void weekdaysOnlyMilestonesAreProjectedOverWeekdays() {
        WarmupSettings s = new WarmupSettings(40, 2, 2, 30, true);
        // Friday 2026-11-27 is day 5: day 7 falls on Tuesday 2026-12-01.
        Milestone next = WarmupPlan.nextMilestone(s, 5, LocalDate.parse("2026-11-27"), true).orElseThrow();
        assertThat(next).isEqualTo(new Milestone("day_7", 7, LocalDate.parse("2026-12-01")));
        assertThat(WarmupPlan.nextMilestone(s, 5, LocalDate.parse("2026-11-27"), false).orElseThrow().expectedOn()).isNull();
    }
}
