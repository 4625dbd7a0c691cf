package io.warmy.domain.warmup;

import io.warmy.domain.common.ConflictException;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * A mailbox's warmup as it is stored: status, settings and the bookkeeping that makes the day
 * number exact across pauses. The day number is {@code daysBefore} (days completed in earlier
 * active stretches) plus the sending days since {@code activeSince}; a pause freezes it and a
 * resume continues from it.
 *
 * Changed settings take effect the next day: until the end of {@code settingsChangedOn} the day
 * is planned with {@code previousSettings}, the ones in force when it began.
 *
 * @param daysBefore        warmup days counted before the current active stretch
 * @param activeSince       first day of the current active stretch (null unless active)
 * @param pausedOn          the day warmup was last paused (null if never)
 * @param previousSettings  the settings before the last change (null if never changed)
 * @param settingsChangedOn the day of the last change (null if never changed)
 */
public record WarmupState(WarmupStatus status, WarmupSettings settings, int daysBefore, LocalDate activeSince,
                          LocalDate pausedOn, WarmupSettings previousSettings, LocalDate settingsChangedOn) {

    public WarmupState {
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(settings, "settings");
        if (status == WarmupStatus.ACTIVE) {
            Objects.requireNonNull(activeSince, "activeSince");
        }
        if ((previousSettings == null) != (settingsChangedOn == null)) {
            throw new IllegalArgumentException("previousSettings and settingsChangedOn go together");
        }
    }

    public static WarmupState notStarted(WarmupSettings settings) {
        return new WarmupState(WarmupStatus.NOT_STARTED, settings, 0, null, null, null, null);
    }

    /** Starts (from not started) or resumes (from paused); resuming an active warmup changes nothing. */
    public WarmupState resume(LocalDate today) {
        return switch (status) {
            case ACTIVE -> this;
            case NOT_STARTED -> new WarmupState(WarmupStatus.ACTIVE, settings, 0, today, pausedOn, previousSettings,
                    settingsChangedOn);
            // Resumed on the day it was paused: today was already counted, so the stretch starts tomorrow.
            case PAUSED -> new WarmupState(WarmupStatus.ACTIVE, settings, daysBefore,
                    today.equals(pausedOn) ? today.plusDays(1) : today, pausedOn, previousSettings, settingsChangedOn);
        };
    }

    /** Freezes the day count; pausing a paused warmup changes nothing; one that never started cannot pause. */
    public WarmupState pause(LocalDate today) {
        return switch (status) {
            case PAUSED -> this;
            case NOT_STARTED -> throw new ConflictException("warmup_not_started",
                    "Warmup has not started for this mailbox; resume it to start.");
            case ACTIVE -> new WarmupState(WarmupStatus.PAUSED, settings, day(today), null, today, previousSettings,
                    settingsChangedOn);
        };
    }

    /**
     * New settings, in force from tomorrow: today keeps the plan it began with (a second change
     * today keeps that too), and the day count up to today is kept as it was counted, so a change
     * never rewrites the past.
     */
    public WarmupState withSettings(WarmupSettings newSettings, LocalDate today) {
        if (newSettings.equals(settings)) {
            return this;
        }
        WarmupSettings inForceToday = settingsOn(today);
        if (status != WarmupStatus.ACTIVE) {
            return new WarmupState(status, newSettings, daysBefore, activeSince, pausedOn, inForceToday, today);
        }
        return new WarmupState(status, newSettings, day(today), today.plusDays(1), pausedOn, inForceToday, today);
    }

    /** The settings that plan {@code date}: the previous ones up to the day of a change, the current ones after. */
    public WarmupSettings settingsOn(LocalDate date) {
        return settingsChangedOn != null && !date.isAfter(settingsChangedOn) ? previousSettings : settings;
    }

    /** The warmup day number today: 0 before the start, frozen while paused, at least 1 once started. */
    public int day(LocalDate today) {
        return switch (status) {
            case NOT_STARTED -> 0;
            case PAUSED -> daysBefore;
            case ACTIVE -> Math.max(1, daysBefore + WarmupPlan.countSendingDays(activeSince, today, settings.weekdaysOnly()));
        };
    }

    /** Warmup mails planned today: none unless active on a sending day; never above the mailbox's daily limit. */
    public int plannedToday(LocalDate today, int mailboxDailyLimit) {
        WarmupSettings inForce = settingsOn(today);
        if (status != WarmupStatus.ACTIVE || !WarmupPlan.isSendingDay(today, inForce.weekdaysOnly())) {
            return 0;
        }
        return Math.min(WarmupPlan.plannedVolume(inForce, day(today)), mailboxDailyLimit);
    }


    public Optional<Milestone> nextMilestone(LocalDate today) {
        return WarmupPlan.nextMilestone(settings, day(today), today, status == WarmupStatus.ACTIVE);
    }
}
