package io.warmy.adapters.rest;

import com.fasterxml.jackson.databind.JsonNode;
import io.warmy.adapters.rest.ApiFixture.Response;
import io.warmy.domain.common.EmailAddress;
import io.warmy.domain.event.Signal;
import io.warmy.domain.mailbox.MailboxId;
import io.warmy.domain.tenancy.Mode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static io.warmy.adapters.rest.ApiFixture.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/** The event log over HTTP: the webhook envelope, newest-first pages, filters, refusals and tenant isolation. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EventRoutesTest {

    private static final String ISO_MILLIS = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z";
    private static final String UNKNOWN_ID = "019cf5c4-2a00-7abc-8def-0123456789ab";

    private final ApiFixture api = new ApiFixture();

    @AfterAll
    void stop() {
        api.close();
    }

    @Test
    void clickIsTheWebhookEnvelopePlusIdWithItsFieldsInContractOrder() {
        String key = api.keyOfNewWorkspace(Mode.LIVE, false);
        String mailboxId = api.connectMailbox(key, "sender@acme.example", "google");
        String eventId = click(key, mailboxId, "https://acme.example/pricing", Instant.parse("2026-03-16T08:30:00Z"));

        Response r = api.get("/api/v1/events/" + eventId, key);

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.contentType()).isEqualTo("application/json");
        JsonNode e = r.json();
        assertThat(fieldNames(e)).containsExactly("id", "type", "data", "timestamp");
        assertThat(e.get("id").asText()).isEqualTo(eventId);
        assertThat(e.get("type").asText()).isEqualTo("email.clicked");
        assertThat(e.get("timestamp").asText()).matches(ISO_MILLIS).startsWith("2026-03-16T09:");
        JsonNode d = e.get("data");
        assertThat(fieldNames(d)).containsExactly(
                "prospectId", "prospectEmail", "campaignId", "mailboxId", "stepIndex", "url", "clickedAt");
        assertThat(d.get("prospectId").asText()).isEqualTo("prs_1");
        assertThat(d.get("prospectEmail").asText()).isEqualTo("lead@prospect.example");
        assertThat(d.get("campaignId").asText()).isEqualTo("cmp_1");
        assertThat(d.get("mailboxId").asText()).isEqualTo(mailboxId);
        assertThat(d.get("stepIndex").isInt()).isTrue();
        assertThat(d.get("stepIndex").asInt()).isEqualTo(2);
        assertThat(d.get("url").asText()).isEqualTo("https://acme.example/pricing");
        assertThat(d.get("clickedAt").asText()).isEqualTo("2026-03-16T08:30:00.000Z");
        assertThat(api.get("/api/v1/events?type=email.clicked", key).json().get("data")).containsExactly(e);
    }

    @Test
    void mailboxConnectedIsTheWebhookEnvelopePlusIdWithItsFieldsInContractOrder() {
        String key = api.keyOfNewWorkspace(Mode.LIVE, false);
        JsonNode mailbox = api.post("/api/v1/mailboxes", key,
                "{\"email\":\"Ops@Acme.Example\",\"provider\":\"microsoft\"}").json();

        JsonNode page = api.get("/api/v1/events", key).json();

        assertThat(page.get("data")).hasSize(1);
        JsonNode e = page.get("data").get(0);
        assertThat(fieldNames(e)).containsExactly("id", "type", "data", "timestamp");
        assertThat(e.get("id").asText()).matches("[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
        assertThat(e.get("type").asText()).isEqualTo("mailbox.connected");
        JsonNode d = e.get("data");
        assertThat(fieldNames(d)).containsExactly("mailboxId", "email", "provider", "connectedAt");
        assertThat(d.get("mailboxId").asText()).isEqualTo(mailbox.get("id").asText());
        assertThat(d.get("email").asText()).isEqualTo("ops@acme.example");
        assertThat(d.get("provider").asText()).isEqualTo("microsoft");
        assertThat(d.get("connectedAt").asText()).isEqualTo(mailbox.get("createdAt").asText());
        assertThat(e.get("timestamp").asText()).matches(ISO_MILLIS);
        assertThat(api.get("/api/v1/events/" + e.get("id").asText(), key).json()).isEqualTo(e);
    }

    @Test
    void disconnectedMailboxEventCarriesTheReason() {
        String key = api.keyOfNewWorkspace(Mode.LIVE, false);
        String id = api.connectMailbox(key, "leaving@acme.example", "smtp");
        api.delete("/api/v1/mailboxes/" + id, key);

        JsonNode e = api.get("/api/v1/events?type=mailbox.disconnected", key).json().get("data").get(0);

        assertThat(fieldNames(e.get("data"))).containsExactly("mailboxId", "email", "reason", "disconnectedAt");
        assertThat(e.get("data").get("mailboxId").asText()).isEqualTo(id);
        assertThat(e.get("data").get("reason").asText()).isEqualTo("requested");
        assertThat(e.get("data").get("disconnectedAt").asText()).matches(ISO_MILLIS);
    }

    @Test
    void listPagesThroughEventsNewestFirstWithCursors() {
        String key = api.keyOfNewWorkspace(Mode.LIVE, false);
        String first = api.connectMailbox(key, "one@acme.example", "google");
        api.nextMillisecond();
        api.delete("/api/v1/mailboxes/" + first, key);
        api.nextMillisecond();
        api.post("/api/v1/suppressions", key, "{\"email\":\"no@prospect.example\"}");
        api.nextMillisecond();
        String second = api.connectMailbox(key, "two@acme.example", "google");
        api.nextMillisecond();
        String clicked = click(key, second, "https://acme.example/a", api.clock.now());
        api.nextMillisecond();

        Response p1 = api.get("/api/v1/events?limit=2", key);
        Response p2 = api.get("/api/v1/events?limit=2&cursor=" + p1.json().get("nextCursor").asText(), key);
        Response p3 = api.get("/api/v1/events?limit=2&cursor=" + p2.json().get("nextCursor").asText(), key);

        assertThat(List.of(p1, p2, p3)).allSatisfy(r -> assertThat(r.status()).isEqualTo(200));
        assertThat(p1.json().get("hasMore").asBoolean()).isTrue();
        assertThat(p2.json().get("hasMore").asBoolean()).isTrue();
        assertThat(p3.json().get("hasMore").asBoolean()).isFalse();
        assertThat(p3.json().get("nextCursor").isNull()).isTrue();
        List<String> types = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        for (Response page : List.of(p1, p2, p3)) {
            page.json().get("data").forEach(e -> {
                types.add(e.get("type").asText());
                ids.add(e.get("id").asText());
            });
        }
        assertThat(types).containsExactly("email.clicked", "mailbox.connected", "prospect.suppressed",
                "mailbox.disconnected", "mailbox.connected");
        assertThat(ids).doesNotHaveDuplicates().startsWith(clicked);
    }

    @Test
    void listFiltersByTypeAndByRecordingTime() {
        String key = api.keyOfNewWorkspace(Mode.LIVE, false);
        String a = api.connectMailbox(key, "a@acme.example", "google");
        api.nextMillisecond();
        String b = api.connectMailbox(key, "b@acme.example", "google");
        api.nextMillisecond();
        api.delete("/api/v1/mailboxes/" + a, key);
        List<JsonNode> all = events("/api/v1/events", key);
        assertThat(all).hasSize(3);
        String disconnectedA = all.get(0).get("id").asText();
        String connectedB = all.get(1).get("id").asText();
        String connectedA = all.get(2).get("id").asText();
        assertThat(all.get(1).get("data").get("mailboxId").asText()).isEqualTo(b);
        String timeOfB = all.get(1).get("timestamp").asText();
        String timeOfLast = all.get(0).get("timestamp").asText();

        assertThat(ids("/api/v1/events?type=mailbox.connected", key)).containsExactly(connectedB, connectedA);
        assertThat(ids("/api/v1/events?type=mailbox.disconnected", key)).containsExactly(disconnectedA);
        assertThat(ids("/api/v1/events?type=email.opened", key)).isEmpty();
        assertThat(ids("/api/v1/events?since=" + timeOfB, key)).containsExactly(disconnectedA, connectedB);
        assertThat(ids("/api/v1/events?until=" + timeOfB, key)).containsExactly(connectedA);
        assertThat(ids("/api/v1/events?since=" + timeOfB + "&until=" + timeOfLast, key)).containsExactly(connectedB);
        assertThat(ids("/api/v1/events?type=mailbox.connected&since=" + timeOfB, key)).containsExactly(connectedB);
        // The same instant written with an offset ('+' encoded, as a query string needs).
        assertThat(ids("/api/v1/events?since=2026-03-16T10:00:00%2B01:00", key)).hasSize(3);
        assertThat(ids("/api/v1/events?until=2026-03-16T09:00:00Z", key)).isEmpty();
    }

    @ParameterizedTest(name = "{0} is refused naming {1}")
    @CsvSource(delimiter = '|', value = {
            "type=email.sent                                       | type   | malformed_type",
            "type=EMAIL.CLICKED                                    | type   | malformed_type",
            "type=                                                 | type   | malformed_type",
            "type=email.clicked&type=email.opened                  | type   | malformed_type",
            "since=yesterday                                       | since  | malformed_since",
            "since=2026-03-16                                      | since  | malformed_since",
            "since=2026-03-16T10:00:00+01:00                       | since  | malformed_since",
            "until=1773651600                                      | until  | malformed_until",
            "since=2026-03-16T09:00:00Z&until=2026-03-16T09:00:00Z | until  | malformed_until",
            "since=2026-03-17T00:00:00Z&until=2026-03-16T00:00:00Z | until  | malformed_until",
            "cursor=not-a-cursor                                   | cursor | malformed_cursor",
            "cursor=djE6bm9wZQ                                     | cursor | malformed_cursor",
            "limit=0                                               | limit  | malformed_limit",
            "limit=101                                             | limit  | malformed_limit",
            "order=asc                                             | order  | unknown_parameter",
    })
    void badQueryParametersAreRefusedNamingTheParameter(String query, String parameter, String code) {
        String key = api.keyOfNewWorkspace(Mode.LIVE, false);

        assertProblem(api.get("/api/v1/events?" + query, key), 400, code, parameter);
    }

    @Test
    void anUnencodedOffsetIsExplained() {
        String key = api.keyOfNewWorkspace(Mode.LIVE, false);

        JsonNode p = assertProblem(api.get("/api/v1/events?since=2026-03-16T10:00:00+01:00", key),
                400, "malformed_since", "since");

        assertThat(p.get("detail").asText()).contains("%2B");
    }

    @Test
    void cursorOfAnotherListIsRefused() {
        String key = api.keyOfNewWorkspace(Mode.LIVE, false);
        api.post("/api/v1/suppressions", key, "{\"email\":\"x@prospect.example\"}");
        api.post("/api/v1/suppressions", key, "{\"email\":\"y@prospect.example\"}");
        String suppressionCursor = api.get("/api/v1/suppressions?limit=1", key).json().get("nextCursor").asText();

        assertProblem(api.get("/api/v1/events?cursor=" + suppressionCursor, key), 400, "malformed_cursor", "cursor");
    }

    @Test
    void malformedEventIdIsBadRequestAndUnknownOneNotFound() {
        String key = api.keyOfNewWorkspace(Mode.LIVE, false);

        assertProblem(api.get("/api/v1/events/nope", key), 400, "malformed_event_id", "eventId");
        assertProblem(api.get("/api/v1/events/" + UNKNOWN_ID.toUpperCase(), key), 400, "malformed_event_id", "eventId");
        assertProblem(api.get("/api/v1/events/" + UNKNOWN_ID, key), 404, "event_not_found", null);
        assertProblem(api.get("/api/v1/events/" + UNKNOWN_ID + "?expand=data", key), 400, "unknown_parameter", "expand");
    }

    @Test
    void anotherTenantsEventIsNotFound() {
        String live = api.keyOfNewWorkspace(Mode.LIVE, true);
        String sandbox = api.keyOfSameWorkspace(live, Mode.SANDBOX, true);
        String stranger = api.keyOfNewWorkspace(Mode.LIVE, true);
        api.connectMailbox(live, "live-only@acme.example", "google");
        String eventId = events("/api/v1/events", live).get(0).get("id").asText();

        assertProblem(api.get("/api/v1/events/" + eventId, sandbox), 404, "event_not_found", null);
        assertProblem(api.get("/api/v1/events/" + eventId, stranger), 404, "event_not_found", null);
        assertThat(events("/api/v1/events", sandbox)).isEmpty();
        assertThat(events("/api/v1/events", stranger)).isEmpty();
        assertThat(api.get("/api/v1/events/" + eventId, live).status()).isEqualTo(200);
    }

    @Test
    void eventsAreReadOnly() {
        String key = api.keyOfNewWorkspace(Mode.LIVE, false);

        Response post = api.post("/api/v1/events", key, "{\"type\":\"email.clicked\"}");
        Response delete = api.delete("/api/v1/events/" + UNKNOWN_ID, key);

        assertProblem(post, 405, "method_not_allowed", null);
        assertThat(post.header("Allow")).isEqualTo("GET");
        assertProblem(delete, 405, "method_not_allowed", null);
        assertThat(delete.header("Allow")).isEqualTo("GET");
        assertThat(events("/api/v1/events", key)).isEmpty();
    }

    /** Reports a click as the tracker does, through the use case, and answers the event's id. */
    private String click(String key, String mailboxId, String url, Instant at) {
        Signal.Click click = new Signal.Click("prs_1", new EmailAddress("lead@prospect.example"), "cmp_1",
                new MailboxId(mailboxId), 2, url, at);
        return api.services.signals().record(api.tenantOf(key), click).eventId().value();
    }

    private List<JsonNode> events(String path, String key) {
        Response r = api.get(path, key);
        assertThat(r.status()).as("%s: %s", path, r).isEqualTo(200);
        List<JsonNode> events = new ArrayList<>();
        r.json().get("data").forEach(events::add);
        return events;
    }

    private List<String> ids(String path, String key) {
        return events(path, key).stream().map(e -> e.get("id").asText()).toList();
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
