package io.warmy.adapters.rest;

import io.helidon.http.Method;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import io.warmy.adapters.rest.RequestBodies.TriggerEventBody;
import io.warmy.application.event.port.in.TriggerSandboxEvent;

/**
 * {@code /sandbox/events}: a realistic event of any type, made in the sandbox and delivered to its
 * webhooks. A new event answers 201; one its dedup rule makes a duplicate answers the existing
 * event with 200, as the real signal would.
 */
final class SandboxRoutes implements HttpService {

    private final TriggerSandboxEvent trigger;
    private final Json json;

    SandboxRoutes(TriggerSandboxEvent trigger, Json json) {
        this.trigger = trigger;
        this.json = json;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.post("/events", this::trigger)
                .any("/events", ApiRoutes.otherMethods(Method.POST));
    }

    private void trigger(ServerRequest req, ServerResponse res) {
        Query.of(req);
        TriggerEventBody body = json.read(req, TriggerEventBody.class);
        TriggerSandboxEvent.Triggered t = trigger.trigger(Authentication.caller(req), body.type(), body.data());
        json.send(res, t.duplicate() ? Status.OK_200 : Status.CREATED_201, TriggeredEventJson.of(t));
    }
}
