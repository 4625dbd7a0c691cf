package io.warmy.domain.warmup;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The ramp-up plan as pure functions of settings and dates: which days count, how much a day
 * sends, and which milestone comes next. No clock here: callers pass "today" (UTC).
 */
public final class WarmupPlan {

    private static final int[] DAY_MILESTONES = {7, 14, 30};

    private WarmupPlan() {
    }

    /** Whether warmup mails go out on {@code date}: every day, or Monday to Friday. */
    public static boolean isSendingDay(LocalDate date, boolean weekdaysOnly) {
        if (!weekdaysOnly) {
            return true;
        }
        DayOfWeek d = date.getDayOfWeek();
        return d != DayOfWeek.SATURDAY && d != DayOfWeek.SUNDAY;
    }

    /** The number of sending days in {@code [from, to]}, both included; 0 when {@code to} is before {@code from}. */
    public static int countSendingDays(LocalDate from, LocalDate to, boolean weekdaysOnly) {
        if (to.isBefore(from)) {
            return 0;
        }
        long all = to.toEpochDay() - from.toEpochDay() + 1;
        if (!weekdaysOnly) {
            return Math.toIntExact(all);
        }
        long weeks = all / 7;
        int count = Math.toIntExact(weeks * 5);
        for (LocalDate d = from.plusDays(weeks * 7); !d.isAfter(to); d = d.plusDays(1)) {
            if (isSendingDay(d, true)) {
                count++;
            }
        }
        return count;
    }

    /** Planned warmup volume of warmup day {@code day} (1-based): start + ramp × (day − 1), capped by the target. */
    public static int plannedVolume(WarmupSettings s, int day) {
        if (day < 1) {
            return 0;
        }
        long planned = (long) s.startVolume() + (long) s.rampUpPerDay() * (day - 1);
        return (int) Math.min(planned, s.dailyTarget());
    }

    /** The first warmup day whose planned volume reaches the daily target. */
    public static int dayTargetReached(WarmupSettings s) {
        int gap = s.dailyTarget() - s.startVolume();
        return 1 + (gap + s.rampUpPerDay() - 1) / s.rampUpPerDay();
    }

    /**
     * The next milestone after warmup day {@code day}. With {@code activeToday} set, its expected
     * date is projected from {@code today} over the sending days to come.
     */
    public static Optional<Milestone> nextMilestone(WarmupSettings s, int day, LocalDate today, boolean activeToday) {
        TreeMap<Integer, String> ahead = new TreeMap<>();
        for (int m : DAY_MILESTONES) {
            if (m > day) {
                ahead.putIfAbsent(m, "day_" + m);
            }
        }
        int target = dayTargetReached(s);
        if (target > day) {
            ahead.putIfAbsent(target, "daily_target");
        }
        if (ahead.isEmpty()) {
            return Optional.empty();
        }
        var next = ahead.firstEntry();
        LocalDate expected = activeToday ? projectDate(today, day, next.getKey(), s.weekdaysOnly()) : null;
        return Optional.of(new Milestone(next.getValue(), next.getKey(), expected));
    }

    /** The date on which warmup day {@code targetDay} falls, when today is day {@code day}. */
    static LocalDate projectDate(LocalDate today, int day, int targetDay, boolean weekdaysOnly) {
        LocalDate d = today;
        int current = day;
        while (current < targetDay) {
            d = d.plusDays(1);
            if (isSendingDay(d, weekdaysOnly)) {
                current++;
            }
        }
        return d;
    }
}
