package io.warmy.adapters.rest;

import io.helidon.http.DirectHandler;
import io.helidon.http.HeaderNames;
import io.helidon.http.ServerResponseHeaders;
import io.helidon.http.Status;

/**
 * Answers with a problem body the failures the server meets before routing (unreadable HTTP, a
 * body over the server's payload limit), so that clients parse one error shape whatever failed.
 * The server's own message is not shown: it may describe internals.
 */
final class ProblemDirectHandler implements DirectHandler {

    private final Json json;

    ProblemDirectHandler(Json json) {
        this.json = json;
    }

    @Override
    public TransportResponse handle(TransportRequest request, EventType eventType, Status defaultStatus,
                                    ServerResponseHeaders responseHeaders, String message) {
        String requestId = RequestIds.fromClient(request.headers()).orElseGet(RequestIds::generate);
        Problem problem = Problem.ofStatus(defaultStatus.code());
        return TransportResponse.builder()
                .status(defaultStatus)
                .headers(responseHeaders)
                .header(HeaderNames.CONTENT_TYPE, Problem.MEDIA_TYPE)
                .header(RequestIds.HEADER, requestId)
                .entity(json.write(problem.toJson(requestId)))
                .build();
    }
}
