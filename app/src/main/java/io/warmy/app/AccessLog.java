package io.warmy.app;

import io.warmy.adapters.rest.RequestObserver;
import io.warmy.app.logging.RequestLogContext;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * One log line per answered request (method, route template, status, latency, request id and the
 * caller's workspace, never a key), and the request id of the request being handled on a thread,
 * which {@link io.warmy.app.logging.JsonLogFormatter} adds to every line logged while it is handled.
 */
final class AccessLog implements RequestObserver {

    private static final Logger LOG = Logger.getLogger("io.warmy.access");
    @Override
    public void started(String requestId) {
        RequestLogContext.enter(requestId);
    }

    @Override
    public void ended(String requestId) {
        RequestLogContext.leave();
    }

    @Override
    public void answered(Exchange e) {
        if (!LOG.isLoggable(Level.INFO)) {
            return;
        }
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("method", e.method());
        fields.put("route", e.route());
        fields.put("status", e.status());
        fields.put("latencyMs", Math.round(e.nanos() / 1e4) / 100.0);
        fields.put("requestId", e.requestId());
        e.workspaceId().ifPresent(ws -> fields.put("workspaceId", ws));
        LOG.log(Level.INFO, e.method() + " " + e.route() + " " + e.status(), new Object[] {fields});
    }

    /** Several observers as one. */
    static RequestObserver both(RequestObserver first, RequestObserver second) {
        return new RequestObserver() {
            @Override
            public void started(String requestId) {
                first.started(requestId);
                second.started(requestId);
            }

            @Override
            public void ended(String requestId) {
                first.ended(requestId);
                second.ended(requestId);
            }

            @Override
            public void answered(Exchange exchange) {
                first.answered(exchange);
                second.answered(exchange);
            }
        };
    }
}
