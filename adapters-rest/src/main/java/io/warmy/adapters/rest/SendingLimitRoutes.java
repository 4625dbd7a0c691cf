package io.warmy.adapters.rest;

import io.helidon.http.Method;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import io.warmy.adapters.rest.RequestBodies.UpdateSendingLimitsBody;
import io.warmy.application.sending.port.in.ManageSendingLimits;
import io.warmy.application.tenancy.port.in.Caller;
import io.warmy.domain.common.AccessDeniedException;
import io.warmy.domain.sending.SendingLimits;
import io.warmy.domain.tenancy.Tenant;

/**
 * {@code /sending-limits}: the workspace's sending limits in the caller's mode. Any key of the
 * workspace may read them; only an admin key may change them, a check made here because the use
 * case is given the tenant alone and cannot know which key is calling.
 */
final class SendingLimitRoutes implements HttpService {

    private final ManageSendingLimits limits;
    private final Json json;

    SendingLimitRoutes(ManageSendingLimits limits, Json json) {
        this.limits = limits;
        this.json = json;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/", this::get)
                .patch("/", this::update)
                .any("/", ApiRoutes.otherMethods(Method.GET, Method.PATCH));
    }

    private void get(ServerRequest req, ServerResponse res) {
        Query.of(req);
        json.send(res, Status.OK_200, SendingLimitsJson.of(limits.limits(Authentication.caller(req).tenant())));
    }

    private void update(ServerRequest req, ServerResponse res) {
        Query.of(req);
        Caller caller = Authentication.caller(req);
        // Refused before the body is read, so a key that may not change limits learns nothing of their rules.
        if (!caller.admin()) {
            throw new AccessDeniedException("admin_key_required", "Changing sending limits needs an admin key.");
        }
        Tenant tenant = caller.tenant();
        SendingLimits answer = json.read(req, UpdateSendingLimitsBody.class).toLimits()
                .map(changed -> limits.update(tenant, changed))
                .orElseGet(() -> limits.limits(tenant));
        json.send(res, Status.OK_200, SendingLimitsJson.of(answer));
    }
}
