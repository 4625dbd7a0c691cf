package io.warmy.application.common.port.out;

import io.warmy.domain.event.EventType;

import java.time.Duration;

/**
 * What the use cases tell operations about their work, for metrics: events recorded and webhook
 * attempts settled. Calls must be cheap and never fail; the default does nothing.
 */
public interface Telemetry {

    Telemetry NONE = new Telemetry() {
    };

    /** How a delivery attempt ended, as the operations dashboards name it. */
    enum DeliveryResult {
        SUCCEEDED, RETRY_SCHEDULED, FAILED, ABANDONED;

        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** An event was recorded ({@code duplicate}: a report repeated one, and nothing new was stored). */
    default void eventRecorded(EventType type, boolean duplicate) {
    }

    /** A claimed delivery was settled; {@code latency} is the attempt's HTTP exchange (zero when none was made). */
    default void deliverySettled(DeliveryResult result, Duration latency) {
    }
}
