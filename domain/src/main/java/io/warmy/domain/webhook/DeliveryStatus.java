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

    public static DeliveryStatus parse(String raw, String field) {
        for (DeliveryStatus s : values()) {
            if (s.wireName.equals(raw)) {
                return s;
            }
        }
        throw new io.warmy.domain.common.InvalidValueException(field, field + " must be one of pending, succeeded, failed.");
    }
}
