package io.warmy.adapters.rest;

import io.helidon.http.HeaderNames;
import io.helidon.http.Method;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import io.warmy.adapters.rest.RequestBodies.CreateWebhookBody;
import io.warmy.adapters.rest.RequestBodies.NoFields;
import io.warmy.adapters.rest.RequestBodies.UpdateWebhookBody;
import io.warmy.application.webhook.port.in.ManageWebhooks;
import io.warmy.domain.tenancy.Tenant;
import io.warmy.domain.webhook.WebhookEndpoint;

/**
 * {@code /webhooks}: create (the signing secret is in that answer only), list, read, change,
 * delete the caller's endpoints, and rotate an endpoint's secret. Endpoints belong to the key's
 * tenant, so one made with a sandbox key receives sandbox events only; another tenant's endpoint
 * is not found, never forbidden.
 */
final class WebhookRoutes implements HttpService {

    private final ManageWebhooks webhooks;
    private final Json json;

    WebhookRoutes(ManageWebhooks webhooks, Json json) {
        this.webhooks = webhooks;
        this.json = json;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/", this::list)
                .post("/", this::create)
                .any("/", ApiRoutes.otherMethods(Method.GET, Method.POST))
                .get("/{id}", this::get)
                .patch("/{id}", this::update)
                .delete("/{id}", this::delete)
                .any("/{id}", ApiRoutes.otherMethods(Method.GET, Method.PATCH, Method.DELETE))
                .post("/{id}/rotate-secret", this::rotateSecret)
                .any("/{id}/rotate-secret", ApiRoutes.otherMethods(Method.POST));
    }

    private void list(ServerRequest req, ServerResponse res) {
        Query query = Query.of(req, "limit", "cursor");
        json.send(res, Status.OK_200, ListJson.of(webhooks.list(tenant(req), query.page()), WebhookJson::of));
    }

    private void create(ServerRequest req, ServerResponse res) {
        Query.of(req);
        ManageWebhooks.CreateCommand command = json.read(req, CreateWebhookBody.class).toCommand(tenant(req));
        ManageWebhooks.WithSecret created = webhooks.create(command);
        res.header(HeaderNames.LOCATION, RestApi.BASE_PATH + "/webhooks/" + created.endpoint().id().value());
        json.send(res, Status.CREATED_201, CreatedWebhookJson.of(created));
    }

    private void get(ServerRequest req, ServerResponse res) {
        Query.of(req);
        send(res, webhooks.get(tenant(req), id(req)));
    }

    private void update(ServerRequest req, ServerResponse res) {
        Query.of(req);
        ManageWebhooks.UpdateCommand command = json.read(req, UpdateWebhookBody.class).toCommand();
        send(res, webhooks.update(tenant(req), id(req), command));
    }

    private void delete(ServerRequest req, ServerResponse res) {
        Query.of(req);
        json.send(res, Status.OK_200, RemovedWebhookJson.of(webhooks.delete(tenant(req), id(req))));
    }

    private void rotateSecret(ServerRequest req, ServerResponse res) {
        Query.of(req);
        json.read(req, NoFields.class);
        json.send(res, Status.OK_200, RotatedWebhookJson.of(webhooks.rotateSecret(tenant(req), id(req))));
    }

    private void send(ServerResponse res, WebhookEndpoint endpoint) {
        json.send(res, Status.OK_200, WebhookJson.of(endpoint));
    }

    private static Tenant tenant(ServerRequest req) {
        return Authentication.caller(req).tenant();
    }

    private static String id(ServerRequest req) {
        return req.path().pathParameters().get("id");
    }
}
