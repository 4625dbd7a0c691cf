package io.warmy.adapters.rest;

import io.helidon.http.Method;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import io.warmy.application.tenancy.port.in.GetWorkspace;

/** {@code GET /workspace}: the calling key's workspace id, name and mode, like Stripe's account endpoint. */
final class WorkspaceRoutes implements HttpService {

    private final GetWorkspace getWorkspace;
    private final Json json;

    WorkspaceRoutes(GetWorkspace getWorkspace, Json json) {
        this.getWorkspace = getWorkspace;
        this.json = json;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/", this::get)
                .any("/", ApiRoutes.otherMethods(Method.GET));
    }

    private void get(ServerRequest req, ServerResponse res) {
        Query.of(req);
        json.send(res, Status.OK_200, WorkspaceJson.of(getWorkspace.get(Authentication.caller(req))));
    }
}
