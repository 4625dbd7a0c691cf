package io.warmy.domain.warmup;

import io.warmy.domain.health.Health;
import io.warmy.domain.health.HealthStatus;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The warmup milestones a mailbox has reached: warmup day 7, 14 and 30 ({@code day_7}, …), the
 * daily target sent in one day ({@code daily_target}, value the target), and excellent health
 * ({@code excellent_health}, value the score). Each is announced once per mailbox, ever; this
 * function only says which are reached now.
 */
public final class Milestones {

    public record Reached(String name, long value) {
    }

    private static final int[] DAYS = {7, 14, 30};

    /** The name of every milestone there is, as events carry it. */
    public static final List<String> NAMES = List.of("day_7", "day_14", "day_30", "daily_target", "excellent_health");

    private Milestones() {
    }

    public static List<Reached> reached(WarmupState warmup, LocalDate today, long sentToday, Health health) {
        List<Reached> reached = new ArrayList<>();
        int day = warmup.day(today);
        for (int d : DAYS) {
            if (day >= d) {
                reached.add(new Reached("day_" + d, d));
            }
        }
        if (sentToday >= warmup.settings().dailyTarget()) {
            reached.add(new Reached("daily_target", warmup.settings().dailyTarget()));
        }
        if (health.status() == HealthStatus.EXCELLENT) {
            reached.add(new Reached("excellent_health", health.score()));
        }
        return reached;
    }
}
