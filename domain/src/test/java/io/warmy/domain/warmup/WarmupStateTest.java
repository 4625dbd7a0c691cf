package io.warmy.domain.warmup;

import io.warmy.domain.common.ConflictException;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WarmupStateTest {

    private static final LocalDate MON = LocalDate.parse("2026-11-23");

    @Test
    void aStartedWarmupCountsDaysFromOne() {
        WarmupState w = WarmupState.notStarted(WarmupSettings.DEFAULTS).resume(MON);
        assertThat(w.day(MON)).isEqualTo(1);
        assertThat(w.day(MON.plusDays(9))).isEqualTo(10);
        assertThat(w.plannedToday(MON.plusDays(9), 500)).isEqualTo(20);
    }

    @Test
    void aPauseFreezesTheDayAndAResumeContinuesFromIt() {
        WarmupState w = WarmupState.notStarted(WarmupSettings.DEFAULTS).resume(MON);
        WarmupState paused = w.pause(MON.plusDays(4)); // day 5
        assertThat(paused.day(MON.plusDays(20))).isEqualTo(5);
        assertThat(paused.plannedToday(MON.plusDays(20), 500)).isZero();
        WarmupState resumed = paused.resume(MON.plusDays(20));
        assertThat(resumed.day(MON.plusDays(20))).isEqualTo(6);
        assertThat(resumed.day(MON.plusDays(21))).isEqualTo(7);
    }

    @Test
    void pausingAndResumingOnTheSameDayDoesNotCountThatDayTwice() {
        WarmupState w = WarmupState.notStarted(WarmupSettings.DEFAULTS).resume(MON);
        WarmupState again = w.pause(MON.plusDays(2)).resume(MON.plusDays(2));
        assertThat(again.day(MON.plusDays(2))).isEqualTo(3);
        assertThat(again.day(MON.plusDays(3))).isEqualTo(4);
    }

    @Test
    void weekendsDoNotCountWhenWeekdaysOnly() {
        WarmupSettings weekdays = WarmupSettings.DEFAULTS.with(null, null, null, null, true);
        WarmupState w = WarmupState.notStarted(weekdays).resume(MON);
        LocalDate saturday = MON.plusDays(5);
        assertThat(w.day(saturday)).isEqualTo(5);
        assertThat(w.plannedToday(saturday, 500)).isZero();
        assertThat(w.day(MON.plusDays(7))).isEqualTo(6);
        assertThat(w.plannedToday(MON.plusDays(7), 500)).isEqualTo(12);
    }

    @Test
    void changingSettingsKeepsTheDaysCountedSoFar() {
        WarmupState w = WarmupState.notStarted(WarmupSettings.DEFAULTS).resume(MON);
        LocalDate friday = MON.plusDays(4);
        WarmupState changed = w.withSettings(WarmupSettings.DEFAULTS.with(null, null, null, null, true), friday);
        assertThat(changed.day(friday)).isEqualTo(5);
        assertThat(changed.day(MON.plusDays(6))).isEqualTo(5); // the weekend no longer counts
        assertThat(changed.day(MON.plusDays(7))).isEqualTo(6);
    }

    @Test
    void newSettingsPlanFromTomorrowAndASecondChangeTodayKeepsTodaysPlan() {
        WarmupState w = WarmupState.notStarted(WarmupSettings.DEFAULTS).resume(MON);
        LocalDate day3 = MON.plusDays(2);
        WarmupState changed = w.withSettings(new WarmupSettings(60, 10, 10, 30, false), day3)
                .withSettings(new WarmupSettings(80, 20, 20, 30, false), day3);
        assertThat(changed.plannedToday(day3, 500)).as("today keeps the defaults: 2 + 2 × 2").isEqualTo(6);
        assertThat(changed.settingsOn(day3)).isEqualTo(WarmupSettings.DEFAULTS);
        assertThat(changed.plannedToday(day3.plusDays(1), 500)).as("tomorrow, day 4: 20 + 20 × 3").isEqualTo(80);
        assertThat(changed.withSettings(changed.settings(), day3)).isSameAs(changed);
    }

    @Test
    void theMailboxDailyLimitCapsTheWarmupVolume() {
        WarmupState w = WarmupState.notStarted(WarmupSettings.DEFAULTS).resume(MON);
        assertThat(w.plannedToday(MON.plusDays(30), 25)).isEqualTo(25);
    }

    @Test
    void aWarmupThatNeverStartedCannotBePausedButCanBeStarted() {
        WarmupState w = WarmupState.notStarted(WarmupSettings.DEFAULTS);
        assertThat(w.day(MON)).isZero();
        assertThatThrownBy(() -> w.pause(MON)).isInstanceOf(ConflictException.class)
                .hasMessageContaining("has not started");
        assertThat(w.resume(MON).status()).isEqualTo(WarmupStatus.ACTIVE);
    }

    @Test
    void pausingTwiceAndResumingTwiceChangeNothing() {
        WarmupState active = WarmupState.notStarted(WarmupSettings.DEFAULTS).resume(MON);
        assertThat(active.resume(MON.plusDays(3))).isSameAs(active);
        WarmupState paused = active.pause(MON.plusDays(3));
        assertThat(paused.pause(MON.plusDays(5))).isSameAs(paused);
    }

}
