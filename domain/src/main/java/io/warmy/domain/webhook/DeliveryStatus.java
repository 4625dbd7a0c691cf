package io.warmy.domain.webhook;

/** Where one delivery stands: waiting for (another) attempt, delivered, or given up. */
public enum DeliveryStatus {
    PENDING("pending"),
    SUCCEEDED("succeeded"),
    FAILED("failed");

    private final String wireName;

    DeliveryStatus(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }
}
