package io.warmy.domain.health;

import java.util.List;
import java.util.Objects;

/**
 * A mailbox's health: a score of 0–100 (null while the sample is too small), its band, and each
 * factor behind it — its value (0–1), its weight, and its contribution (value × weight) to the score.
 */
public record Health(Integer score, HealthStatus status, List<Factor> factors) {

    /** One input of the score. */
    public record Factor(String name, double value, int weight, double contribution) {
    }

    public Health {
        Objects.requireNonNull(status, "status");
        factors = List.copyOf(factors);
    }
}
