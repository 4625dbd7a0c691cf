package io.warmy.adapters.rest;

import io.helidon.http.Method;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import io.warmy.adapters.rest.RequestBodies.NoFields;
import io.warmy.adapters.rest.RequestBodies.UpdateWarmupBody;
import io.warmy.application.warmup.port.in.GetWarmupStatus;
import io.warmy.application.warmup.port.in.PauseWarmup;
import io.warmy.application.warmup.port.in.ResumeWarmup;
import io.warmy.application.warmup.port.in.UpdateWarmupSettings;
import io.warmy.application.warmup.port.in.WarmupView;
import io.warmy.domain.tenancy.Tenant;

/**
 * {@code /mailboxes/:id/warmup}: a mailbox's warmup status, pause, resume and settings. Every
 * route answers the warmup status as it stands after the call.
 */
final class WarmupRoutes implements HttpService {

    /** The use cases behind these routes. */
    record UseCases(GetWarmupStatus status, PauseWarmup pause, ResumeWarmup resume, UpdateWarmupSettings update) {
    }

    private final UseCases useCases;
    private final Json json;

    WarmupRoutes(UseCases useCases, Json json) {
        this.useCases = useCases;
        this.json = json;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/{id}/warmup", this::status)
                .patch("/{id}/warmup", this::update)
                .any("/{id}/warmup", ApiRoutes.otherMethods(Method.GET, Method.PATCH))
                .post("/{id}/warmup/pause", this::pause)
                .any("/{id}/warmup/pause", ApiRoutes.otherMethods(Method.POST))
                .post("/{id}/warmup/resume", this::resume)
                .any("/{id}/warmup/resume", ApiRoutes.otherMethods(Method.POST));
    }

    private void status(ServerRequest req, ServerResponse res) {
        Query.of(req);
        send(res, useCases.status().status(tenant(req), id(req)));
    }

    private void update(ServerRequest req, ServerResponse res) {
        Query.of(req);
        UpdateWarmupSettings.Command command = json.read(req, UpdateWarmupBody.class).toCommand();
        send(res, useCases.update().update(tenant(req), id(req), command));
    }

    private void pause(ServerRequest req, ServerResponse res) {
        Query.of(req);
        json.read(req, NoFields.class);
        send(res, useCases.pause().pause(tenant(req), id(req)));
    }

    private void resume(ServerRequest req, ServerResponse res) {
        Query.of(req);
        json.read(req, NoFields.class);
        send(res, useCases.resume().resume(tenant(req), id(req)));
    }

    private void send(ServerResponse res, WarmupView view) {
        json.send(res, Status.OK_200, WarmupJson.of(view));
    }

    private static Tenant tenant(ServerRequest req) {
        return Authentication.caller(req).tenant();
    }

    private static String id(ServerRequest req) {
        return req.path().pathParameters().get("id");
    }
}
