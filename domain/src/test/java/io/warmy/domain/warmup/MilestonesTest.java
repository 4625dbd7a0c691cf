package io.warmy.domain.warmup;

import io.warmy.domain.health.Health;
import io.warmy.domain.health.HealthStatus;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class MilestonesTest {

    private static final LocalDate START = LocalDate.parse("2026-03-02");
    private static final Health UNKNOWN = new Health(null, HealthStatus.INSUFFICIENT_DATA, List.of());

    private static List<String> names(List<Milestones.Reached> reached) {
        return reached.stream().map(Milestones.Reached::name).toList();
    }

    @Test
    void dayMilestonesArriveWithTheWarmupDay() {
        WarmupState w = WarmupState.notStarted(WarmupSettings.DEFAULTS).resume(START);
        assertThat(names(Milestones.reached(w, START.plusDays(5), 0, UNKNOWN))).isEmpty();
        assertThat(names(Milestones.reached(w, START.plusDays(6), 0, UNKNOWN))).containsExactly("day_7");
        assertThat(names(Milestones.reached(w, START.plusDays(29), 0, UNKNOWN))).containsExactly("day_7", "day_14", "day_30");
    }

    @Test
    void aPausedWarmupDoesNotReachDaysItDidNotWarm() {
        WarmupState paused = WarmupState.notStarted(WarmupSettings.DEFAULTS).resume(START).pause(START.plusDays(3));
        assertThat(names(Milestones.reached(paused, START.plusDays(60), 0, UNKNOWN))).isEmpty();
    }

    @Test
    void theDailyTargetAndExcellentHealthAreMilestonesToo() {
        WarmupState w = WarmupState.notStarted(WarmupSettings.DEFAULTS).resume(START);
        assertThat(Milestones.reached(w, START, 40, new Health(93, HealthStatus.EXCELLENT, List.of())))
                .containsExactly(new Milestones.Reached("daily_target", 40), new Milestones.Reached("excellent_health", 93));
        assertThat(names(Milestones.reached(w, START, 39, new Health(89, HealthStatus.GOOD, List.of())))).isEmpty();
    }
}
