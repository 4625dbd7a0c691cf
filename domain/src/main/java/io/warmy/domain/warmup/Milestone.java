package io.warmy.domain.warmup;

import java.time.LocalDate;

/**
 * A warmup milestone ahead: {@code day_7}, {@code day_14}, {@code day_30} or {@code daily_target}
 * (the first day whose planned volume reaches the target), the warmup day it falls on, and the
 * date it is expected while warmup stays active (null when paused or not started).
 */
public record Milestone(String name, int day, LocalDate expectedOn) {
}
