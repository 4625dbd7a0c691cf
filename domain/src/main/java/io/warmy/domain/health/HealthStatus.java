package io.warmy.domain.health;

/** The health band of a score, or {@code insufficient_data} while the sample is too small to score. */
public enum HealthStatus {
    EXCELLENT("excellent"),
    GOOD("good"),
    FAIR("fair"),
    POOR("poor"),
    INSUFFICIENT_DATA("insufficient_data");

    private final String wireName;

    HealthStatus(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    /** Excellent from 90, good from 75, fair from 50, poor below. */
    public static HealthStatus band(int score) {
        if (score >= 90) {
            return EXCELLENT;
        }
        if (score >= 75) {
            return GOOD;
        }
        if (score >= 50) {
            return FAIR;
        }
        return POOR;
    }
}
