package io.warmy.adapters.rest;

import io.helidon.http.Method;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import io.warmy.adapters.rest.RequestBodies.SuppressAddressBody;
import io.warmy.application.suppression.port.in.ListSuppressions;
import io.warmy.application.suppression.port.in.RemoveSuppression;
import io.warmy.application.suppression.port.in.SuppressAddress;
import io.warmy.domain.common.EmailAddress;
import io.warmy.domain.common.InvalidValueException;
import io.warmy.domain.common.MalformedException;
import io.warmy.domain.tenancy.Tenant;

/**
 * {@code /suppressions}: the addresses no campaign mail may go to. Adding one that is already on
 * the list answers the existing entry (200) instead of a new one (201), so a retried request is
 * harmless. Addresses are compared normalised (trimmed, lower-case), in the body and in the path.
 */
final class SuppressionRoutes implements HttpService {

    /** The use cases behind these routes. */
    record UseCases(SuppressAddress suppress, ListSuppressions list, RemoveSuppression remove) {
    }

    private final UseCases useCases;
    private final Json json;

    SuppressionRoutes(UseCases useCases, Json json) {
        this.useCases = useCases;
        this.json = json;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/", this::list)
                .post("/", this::suppress)
                .any("/", ApiRoutes.otherMethods(Method.GET, Method.POST))
                // The rest of the path, slashes included: '/' is allowed in an address, and %2F arrives decoded.
                .delete("/{+email}", this::remove)
                .any("/{+email}", ApiRoutes.otherMethods(Method.DELETE));
    }

    private void list(ServerRequest req, ServerResponse res) {
        Query query = Query.of(req, "limit", "cursor");
        json.send(res, Status.OK_200, ListJson.of(useCases.list().list(tenant(req), query.page()), SuppressionJson::of));
    }

    private void suppress(ServerRequest req, ServerResponse res) {
        Query.of(req);
        SuppressAddress.Command command = json.read(req, SuppressAddressBody.class).toCommand(tenant(req));
        SuppressAddress.Outcome outcome = useCases.suppress().suppress(command);
        json.send(res, outcome.added() ? Status.CREATED_201 : Status.OK_200, SuppressionJson.of(outcome.suppression()));
    }

    private void remove(ServerRequest req, ServerResponse res) {
        Query.of(req);
        json.send(res, Status.OK_200, RemovedSuppressionJson.of(useCases.remove().remove(tenant(req), email(req))));
    }

    /** The address in the path, decoded by the router; like a malformed id, one that is no address is a 400. */
    private static EmailAddress email(ServerRequest req) {
        try {
            return new EmailAddress(req.path().pathParameters().get("email"));
        } catch (InvalidValueException e) {
            throw new MalformedException("email", e.getMessage());
        }
    }

    private static Tenant tenant(ServerRequest req) {
        return Authentication.caller(req).tenant();
    }
}
