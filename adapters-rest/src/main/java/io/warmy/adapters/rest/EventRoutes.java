package io.warmy.adapters.rest;

import io.helidon.http.Method;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import io.warmy.application.event.port.in.GetEvent;
import io.warmy.application.event.port.in.ListEvents;
import io.warmy.domain.common.InvalidValueException;
import io.warmy.domain.common.MalformedException;
import io.warmy.domain.event.EventQuery;
import io.warmy.domain.event.EventType;
import io.warmy.domain.tenancy.Tenant;

import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * {@code /events}: the caller's stored events, newest first, filtered by type and by recording
 * time, and one event by id, so a consumer can fetch what its webhook endpoint missed. Another
 * tenant's event, a live one for a sandbox key included, is not found.
 */
final class EventRoutes implements HttpService {

    private final ListEvents listEvents;
    private final GetEvent getEvent;
    private final Json json;

    EventRoutes(ListEvents listEvents, GetEvent getEvent, Json json) {
        this.listEvents = listEvents;
        this.getEvent = getEvent;
        this.json = json;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/", this::list)
                .any("/", ApiRoutes.otherMethods(Method.GET))
                .get("/{id}", this::get)
                .any("/{id}", ApiRoutes.otherMethods(Method.GET));
    }

    private void list(ServerRequest req, ServerResponse res) {
        Query query = Query.of(req, "limit", "cursor", "type", "since", "until");
        EventQuery filter = eventQuery(query.filter("type", EventType::parse),
                query.filter("since", EventRoutes::instant), query.filter("until", EventRoutes::instant));
        json.send(res, Status.OK_200, ListJson.of(listEvents.list(tenant(req), filter, query.page()), EventJson::of));
    }

    private void get(ServerRequest req, ServerResponse res) {
        Query.of(req);
        json.send(res, Status.OK_200, EventJson.of(getEvent.get(tenant(req), req.path().pathParameters().get("id"))));
    }

    /** An empty window is a malformed request (400), like any other filter that cannot be met as written. */
    private static EventQuery eventQuery(EventType type, Instant since, Instant until) {
        try {
            return new EventQuery(type, since, until);
        } catch (InvalidValueException e) {
            throw new MalformedException(e.field(), e.getMessage());
        }
    }

    private static Instant instant(String raw, String name) {
        try {
            return Instant.parse(raw);
        } catch (DateTimeParseException e) {
            // An unencoded '+' of an offset reaches us as a space: say so, it is the usual cause.
            throw new MalformedException(name, name + " must be an ISO-8601 instant such as 2026-03-20T14:30:00Z"
                    + (raw.contains(" ") ? " (send '+' of an offset as %2B)" : "") + ".");
        }
    }

    private static Tenant tenant(ServerRequest req) {
        return Authentication.caller(req).tenant();
    }
}
