package io.warmy.adapters.rest;

import io.helidon.http.Method;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import io.warmy.application.health.port.in.GetHealth;

/**
 * {@code /mailboxes/:id/health}: a mailbox's health computed now from its recent warmup activity
 * and its latest SPF/DKIM/DMARC verdicts.
 */
final class HealthRoutes implements HttpService {

    private final GetHealth getHealth;
    private final Json json;

    HealthRoutes(GetHealth getHealth, Json json) {
        this.getHealth = getHealth;
        this.json = json;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/{id}/health", this::health)
                .any("/{id}/health", ApiRoutes.otherMethods(Method.GET));
    }

    private void health(ServerRequest req, ServerResponse res) {
        Query.of(req);
        GetHealth.View view = getHealth.health(Authentication.caller(req).tenant(), req.path().pathParameters().get("id"));
        json.send(res, Status.OK_200, HealthJson.of(view));
    }
}
