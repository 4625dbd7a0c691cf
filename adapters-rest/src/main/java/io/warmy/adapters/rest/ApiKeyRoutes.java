package io.warmy.adapters.rest;

import io.helidon.http.Method;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import io.warmy.adapters.rest.RequestBodies.CreateApiKeyBody;
import io.warmy.application.tenancy.port.in.Caller;
import io.warmy.domain.common.AccessDeniedException;
import io.warmy.application.tenancy.port.in.CreateApiKey;
import io.warmy.application.tenancy.port.in.ListApiKeys;
import io.warmy.application.tenancy.port.in.RevokeApiKey;

/**
 * {@code /api-keys}: create (the full key is in that answer only), list and revoke the workspace's
 * keys. The use cases refuse callers without an admin key.
 */
final class ApiKeyRoutes implements HttpService {

    private final CreateApiKey createApiKey;
    private final ListApiKeys listApiKeys;
    private final RevokeApiKey revokeApiKey;
    private final Json json;

    ApiKeyRoutes(CreateApiKey createApiKey, ListApiKeys listApiKeys, RevokeApiKey revokeApiKey, Json json) {
        this.createApiKey = createApiKey;
        this.listApiKeys = listApiKeys;
        this.revokeApiKey = revokeApiKey;
        this.json = json;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/", this::list)
                .post("/", this::create)
                .any("/", ApiRoutes.otherMethods(Method.GET, Method.POST))
                .delete("/{id}", this::revoke)
                .any("/{id}", ApiRoutes.otherMethods(Method.DELETE));
    }

    private void list(ServerRequest req, ServerResponse res) {
        Query query = Query.of(req, "limit", "cursor");
        Caller caller = Authentication.caller(req);
        json.send(res, Status.OK_200, ListJson.of(listApiKeys.list(caller, query.page()), ApiKeyJson::of));
    }

    private void create(ServerRequest req, ServerResponse res) {
        Query.of(req);
        Caller caller = Authentication.caller(req);
        // Refused before the body is read, as for sending limits: a key that may not create keys learns nothing of their rules.
        if (!caller.admin()) {
            throw new AccessDeniedException("admin_key_required", "Managing API keys needs an admin key.");
        }
        CreateApiKey.Command command = json.read(req, CreateApiKeyBody.class).toCommand();
        json.send(res, Status.CREATED_201, IssuedApiKeyJson.of(createApiKey.create(caller, command)));
    }

    private void revoke(ServerRequest req, ServerResponse res) {
        Query.of(req);
        Caller caller = Authentication.caller(req);
        String id = req.path().pathParameters().get("id");
        json.send(res, Status.OK_200, ApiKeyJson.of(revokeApiKey.revoke(caller, id)));
    }
}
