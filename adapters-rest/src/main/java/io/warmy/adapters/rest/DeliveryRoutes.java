package io.warmy.adapters.rest;

import io.helidon.http.Method;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import io.warmy.adapters.rest.RequestBodies.NoFields;
import io.warmy.adapters.rest.RequestBodies.RecoverDeliveriesBody;
import io.warmy.application.webhook.port.in.ManageDeliveries;
import io.warmy.domain.event.EventType;
import io.warmy.domain.tenancy.Tenant;
import io.warmy.domain.webhook.DeliveryFilter;
import io.warmy.domain.webhook.DeliveryStatus;

import java.time.Instant;

/**
 * {@code /webhooks/:id/…}: an endpoint's deliveries. Send it a test event, read its delivery log
 * (each delivery with every attempt), and try again by hand: one delivery, or every one that
 * failed since a time. A delivery of another endpoint is not found under this one.
 */
final class DeliveryRoutes implements HttpService {

    private final ManageDeliveries deliveries;
    private final Json json;

    DeliveryRoutes(ManageDeliveries deliveries, Json json) {
        this.deliveries = deliveries;
        this.json = json;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.post("/{id}/test", this::sendTest)
                .any("/{id}/test", ApiRoutes.otherMethods(Method.POST))
                .get("/{id}/deliveries", this::list)
                .any("/{id}/deliveries", ApiRoutes.otherMethods(Method.GET))
                .post("/{id}/deliveries/{deliveryId}/retry", this::retry)
                .any("/{id}/deliveries/{deliveryId}/retry", ApiRoutes.otherMethods(Method.POST))
                .post("/{id}/recover", this::recover)
                .any("/{id}/recover", ApiRoutes.otherMethods(Method.POST));
    }

    /** 202: the event is stored and its delivery queued; whether the endpoint takes it shows in the log. */
    private void sendTest(ServerRequest req, ServerResponse res) {
        Query.of(req);
        json.read(req, NoFields.class);
        json.send(res, Status.ACCEPTED_202, TestSentJson.of(deliveries.sendTest(tenant(req), id(req))));
    }

    private void list(ServerRequest req, ServerResponse res) {
        Query query = Query.of(req, "limit", "cursor", "status", "eventType");
        DeliveryFilter filter = new DeliveryFilter(query.filter("status", DeliveryStatus::parse),
                query.filter("eventType", EventType::parse));
        json.send(res, Status.OK_200,
                ListJson.of(deliveries.deliveries(tenant(req), id(req), filter, query.page()), DeliveryJson::of));
    }

    private void retry(ServerRequest req, ServerResponse res) {
        Query.of(req);
        json.read(req, NoFields.class);
        String deliveryId = req.path().pathParameters().get("deliveryId");
        json.send(res, Status.OK_200, DeliveryJson.of(deliveries.retry(tenant(req), id(req), deliveryId)));
    }

    private void recover(ServerRequest req, ServerResponse res) {
        Query.of(req);
        Instant since = json.read(req, RecoverDeliveriesBody.class).toSince();
        json.send(res, Status.OK_200, new RecoveredJson(deliveries.recover(tenant(req), id(req), since)));
    }

    private static Tenant tenant(ServerRequest req) {
        return Authentication.caller(req).tenant();
    }

    private static String id(ServerRequest req) {
        return req.path().pathParameters().get("id");
    }
}
