package io.warmy.adapters.rest;

import io.warmy.domain.mailbox.MailboxFilter;
import io.helidon.http.HeaderNames;
import io.helidon.http.Method;
import io.helidon.http.Status;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;
import io.helidon.webserver.http.ServerRequest;
import io.helidon.webserver.http.ServerResponse;
import io.warmy.adapters.rest.RequestBodies.ConnectMailboxBody;
import io.warmy.adapters.rest.RequestBodies.UpdateMailboxBody;
import io.warmy.application.common.port.out.Clock;
import io.warmy.application.mailbox.port.in.ConnectMailbox;
import io.warmy.application.mailbox.port.in.DisconnectMailbox;
import io.warmy.application.mailbox.port.in.GetMailbox;
import io.warmy.application.mailbox.port.in.ListMailboxes;
import io.warmy.application.mailbox.port.in.UpdateMailbox;
import io.warmy.domain.mailbox.Mailbox;
import io.warmy.domain.mailbox.MailboxStatus;
import io.warmy.domain.mailbox.Provider;
import io.warmy.domain.tenancy.Tenant;
import io.warmy.domain.warmup.WarmupStatus;

import java.time.LocalDate;

/**
 * {@code /mailboxes}: connect, list (filtered by status, provider and warmup status), read, change
 * and disconnect the caller's mailboxes. Another tenant's mailbox is not found, never forbidden.
 */
final class MailboxRoutes implements HttpService {

    /** The use cases behind these routes. */
    record UseCases(ConnectMailbox connect, GetMailbox get, ListMailboxes list, UpdateMailbox update,
                    DisconnectMailbox disconnect) {
    }

    private final UseCases useCases;
    private final Json json;
    private final Clock clock;

    MailboxRoutes(UseCases useCases, Json json, Clock clock) {
        this.useCases = useCases;
        this.json = json;
        this.clock = clock;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/", this::list)
                .post("/", this::connect)
                .any("/", ApiRoutes.otherMethods(Method.GET, Method.POST))
                .get("/{id}", this::get)
                .patch("/{id}", this::update)
                .delete("/{id}", this::disconnect)
                .any("/{id}", ApiRoutes.otherMethods(Method.GET, Method.PATCH, Method.DELETE));
    }

    private void list(ServerRequest req, ServerResponse res) {
        Query query = Query.of(req, "limit", "cursor", "status", "provider", "warmupStatus");
        MailboxFilter filter = new MailboxFilter(query.filter("status", MailboxStatus::parse),
                query.filter("provider", Provider::parse), query.filter("warmupStatus", WarmupStatus::parse));
        LocalDate today = today();
        json.send(res, Status.OK_200,
                ListJson.of(useCases.list().list(tenant(req), filter, query.page()), m -> MailboxJson.of(m, today)));
    }

    private void connect(ServerRequest req, ServerResponse res) {
        Query.of(req);
        ConnectMailbox.Command command = json.read(req, ConnectMailboxBody.class).toCommand(tenant(req));
        Mailbox connected = useCases.connect().connect(command);
        res.header(HeaderNames.LOCATION, RestApi.BASE_PATH + "/mailboxes/" + connected.id().value());
        json.send(res, Status.CREATED_201, MailboxJson.of(connected, today()));
    }

    private void get(ServerRequest req, ServerResponse res) {
        Query.of(req);
        send(res, useCases.get().get(tenant(req), id(req)));
    }

    private void update(ServerRequest req, ServerResponse res) {
        Query.of(req);
        UpdateMailbox.Command command = json.read(req, UpdateMailboxBody.class).toCommand();
        send(res, useCases.update().update(tenant(req), id(req), command));
    }

    private void disconnect(ServerRequest req, ServerResponse res) {
        Query.of(req);
        send(res, useCases.disconnect().disconnect(tenant(req), id(req), DisconnectMailbox.REQUESTED));
    }

    private void send(ServerResponse res, Mailbox mailbox) {
        json.send(res, Status.OK_200, MailboxJson.of(mailbox, today()));
    }

    /** The warmup day shown in a mailbox is counted up to today, the UTC day every daily rule speaks of. */
    private LocalDate today() {
        return Mailbox.day(clock.now());
    }

    private static Tenant tenant(ServerRequest req) {
        return Authentication.caller(req).tenant();
    }

    private static String id(ServerRequest req) {
        return req.path().pathParameters().get("id");
    }
}
