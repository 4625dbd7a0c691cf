package io.warmy.application.common.port.out;

/**
 * A store could not be reached (the database is down or out of connections): nothing was done,
 * and the same call may succeed later. Inbound adapters answer it as "unavailable, retry"
 * (HTTP 503, gRPC UNAVAILABLE) rather than as a fault of the request or of the code.
 */
public final class StoreUnavailableException extends RuntimeException {

    public StoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
