package io.warmy.domain.warmup;

import io.warmy.domain.common.InvalidValueException;

/**
 * How a mailbox warms up. Ranges: dailyTarget 1–200 (most warmup mails a day), startVolume 1–50
 * (day one), rampUpPerDay 1–20, replyRate 0–100 (% of warmup mails the network answers),
 * weekdaysOnly (no warmup on Saturday and Sunday, UTC). The start volume may not exceed the target.
 */
public record WarmupSettings(int dailyTarget, int startVolume, int rampUpPerDay, int replyRate, boolean weekdaysOnly) {

    /** A gentle ramp most providers accept: 2 on day one, +2 a day, up to 40 a day, 30 % replies. */
    public static final WarmupSettings DEFAULTS = new WarmupSettings(40, 2, 2, 30, false);

    public WarmupSettings {
        requireRange("dailyTarget", dailyTarget, 1, 200);
        requireRange("startVolume", startVolume, 1, 50);
        requireRange("rampUpPerDay", rampUpPerDay, 1, 20);
        requireRange("replyRate", replyRate, 0, 100);
        if (startVolume > dailyTarget) {
            throw new InvalidValueException("startVolume", "startVolume (" + startVolume
                    + ") must not exceed dailyTarget (" + dailyTarget + ").");
        }
    }

    /** The settings with the given changes applied; null leaves a setting as it is. */
    public WarmupSettings with(Integer dailyTarget, Integer startVolume, Integer rampUpPerDay, Integer replyRate,
                               Boolean weekdaysOnly) {
        return new WarmupSettings(
                dailyTarget != null ? dailyTarget : this.dailyTarget,
                startVolume != null ? startVolume : this.startVolume,
                rampUpPerDay != null ? rampUpPerDay : this.rampUpPerDay,
                replyRate != null ? replyRate : this.replyRate,
                weekdaysOnly != null ? weekdaysOnly : this.weekdaysOnly);
    }

    private static void requireRange(String field, int value, int min, int max) {
        if (value < min || value > max) {
            throw new InvalidValueException(field, field + " must be between " + min + " and " + max + " (was " + value + ").");
        }
    }
}
