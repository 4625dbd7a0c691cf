package io.warmy.adapters.rest;

import java.util.Optional;

/**
 * Sees every HTTP exchange of the routing the API is registered on, for operations (metrics and
 * the access log): where the composition root plugs them in without the API knowing of either.
 * Calls must be cheap and must not throw.
 */
public interface RequestObserver {

    RequestObserver NONE = new RequestObserver() {
    };

    /**
     * One answered request.
     *
     * @param route       the route's template, such as {@code /api/v1/mailboxes/{id}}, so that ids do not
     *                    multiply label values; {@code unmatched} when no route took it
     * @param workspaceId the caller's workspace once authenticated
     */
    record Exchange(String method, String route, int status, long nanos, String requestId,
                    Optional<String> workspaceId) {
    }

    /** The request with this id starts being handled on the calling thread. */
    default void started(String requestId) {
    }

    /** The handling on the calling thread is over (its answer may still be on its way). */
    default void ended(String requestId) {
    }

    /** The answer was sent. */
    default void answered(Exchange exchange) {
    }
}
