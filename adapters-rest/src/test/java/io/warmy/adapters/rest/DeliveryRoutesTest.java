package io.warmy.adapters.rest;

import com.fasterxml.jackson.databind.JsonNode;
import io.warmy.adapters.rest.ApiFixture.Response;
import io.warmy.application.common.port.out.Clock;
import io.warmy.application.webhook.port.out.WebhookTransport;
import io.warmy.application.webhook.service.DispatchService;
import io.warmy.domain.event.EventType;
import io.warmy.domain.tenancy.Mode;
import io.warmy.domain.webhook.Delivery;
import io.warmy.domain.webhook.DeliveryOutcome;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;

import static io.warmy.adapters.rest.ApiFixture.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * An endpoint's deliveries over HTTP: the test event, the delivery log with every attempt, filters,
 * retrying one delivery and recovering failed ones, refusals and isolation. Attempts are made by
 * the real dispatcher on the same store, with a receiver stubbed in place of the HTTP transport.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DeliveryRoutesTest {

    private static final String ISO_MILLIS = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z";
    private static final String UUID = "[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}";
    private static final String UNKNOWN_DELIVERY = "dlv_01JD4S3K2M9V6QW8XR5T7YB0CE";
    private static final List<String> DELIVERY_FIELDS = List.of("id", "eventId", "eventType", "status", "attempts",
            "nextAttemptAt", "lastStatusCode", "lastError", "createdAt", "attemptLog");
    private static final String OWNER = "delivery-routes-test";
    private static final WebhookTransport BOOM =
            (event, url, secrets, at) -> DeliveryOutcome.answered(500, Duration.ofMillis(3), "boom", Optional.empty());
    private static final WebhookTransport OK =
            (event, url, secrets, at) -> DeliveryOutcome.answered(204, Duration.ofMillis(2), "", Optional.empty());

    private final ApiFixture api = new ApiFixture();

    @AfterAll
    void stop() {
        api.close();
    }

    @Test
    void testSendsANewWebhookTestEventToThatEndpointOnly() {
        String key = api.keyOfNewWorkspace(Mode.LIVE, false);
        String target = createEndpoint(key, "[\"*\"]");
        String bystander = createEndpoint(key, "[\"*\"]");

        Response sent = api.postEmpty(webhook(target) + "/test", key);

        assertThat(sent.status()).isEqualTo(202);
        assertThat(sent.contentType()).isEqualTo("application/json");
        assertThat(fieldNames(sent.json())).containsExactly("eventId", "delivery");
        String eventId = sent.json().get("eventId").asText();
        assertThat(eventId).matches(UUID);
        JsonNode d = sent.json().get("delivery");
        assertThat(fieldNames(d)).containsExactlyElementsOf(DELIVERY_FIELDS);
        assertThat(d.get("id").asText()).matches("dlv_[0-9A-HJKMNP-TV-Z]{26}");
        assertThat(d.get("eventId").asText()).isEqualTo(eventId);
        assertThat(d.get("eventType").asText()).isEqualTo("webhook.test");
        assertThat(d.get("status").asText()).isEqualTo("pending");
        assertThat(d.get("attempts").asInt()).isZero();
        assertThat(d.get("nextAttemptAt").asText()).matches(ISO_MILLIS).isEqualTo(d.get("createdAt").asText());
        assertThat(d.get("lastStatusCode").isNull()).isTrue();
        assertThat(d.get("lastError").isNull()).isTrue();
        assertThat(d.get("attemptLog")).isEmpty();

        JsonNode event = api.get("/api/v1/events/" + eventId, key).json();
        assertThat(event.get("type").asText()).isEqualTo("webhook.test");
        assertThat(fieldNames(event.get("data"))).containsExactly("webhookId", "timestamp", "message");
        assertThat(event.get("data").get("webhookId").asText()).isEqualTo(target);
        assertThat(event.get("data").get("message").asText()).isNotBlank();
        assertThat(api.get("/api/v1/events?type=webhook.test", key).json().get("data")).containsExactly(event);
        assertThat(deliveries(key, target, "")).containsExactly(d);
        assertThat(deliveries(key, bystander, "")).isEmpty();

        Response again = api.post(webhook(target) + "/test", key, "{}");

        assertThat(again.status()).isEqualTo(202);
        assertThat(again.json().get("eventId").asText()).isNotEqualTo(eventId);
        assertThat(deliveries(key, target, "")).hasSize(2);
        assertThat(api.get("/api/v1/events?type=webhook.test", key).json().get("data")).hasSize(2);
        assertThat(deliveries(key, bystander, "")).isEmpty();
    }

    @Test
    void failedAttemptIsLoggedWithItsStatusLatencyAndResponse() {
        String key = api.keyOfNewWorkspace(Mode.LIVE, false);
        String endpoint = createEndpoint(key, "[\"webhook.test\"]");
        String deliveryId = sendTest(key, endpoint);

        attempt(deliveryId, Duration.ZERO, BOOM);

        JsonNode d = deliveries(key, endpoint, "").get(0);
        assertThat(d.get("id").asText()).isEqualTo(deliveryId);
        assertThat(d.get("status").asText()).isEqualTo("pending");
        assertThat(d.get("attempts").asInt()).isEqualTo(1);
        assertThat(d.get("lastStatusCode").asInt()).isEqualTo(500);
        assertThat(d.get("lastError").asText()).isEqualTo("HTTP 500");
        // Tried again about 5 s (±20 %) after the attempt.
        assertThat(Instant.parse(d.get("nextAttemptAt").asText()))
                .isCloseTo(Instant.parse(d.get("attemptLog").get(0).get("at").asText()).plusSeconds(5),
                        within(Duration.ofMillis(1100)));
        assertThat(d.get("attemptLog")).hasSize(1);
        JsonNode a = d.get("attemptLog").get(0);
        assertThat(fieldNames(a))
                .containsExactly("attempt", "at", "statusCode", "latencyMs", "responseSnippet", "error");
        assertThat(a.get("attempt").asInt()).isEqualTo(1);
        assertThat(a.get("at").asText()).matches(ISO_MILLIS);
        assertThat(a.get("statusCode").asInt()).isEqualTo(500);
        assertThat(a.get("latencyMs").isIntegralNumber()).isTrue();
        assertThat(a.get("latencyMs").asLong()).isEqualTo(3);
        assertThat(a.get("responseSnippet").asText()).isEqualTo("boom");
        assertThat(a.get("error").asText()).isEqualTo("HTTP 500");
    }

    @Test
    void attemptLogKeepsEveryAttemptOldestFirst() {
        String key = api.keyOfNewWorkspace(Mode.LIVE, false);
        String endpoint = createEndpoint(key, "[\"*\"]");
        String deliveryId = sendTest(key, endpoint);

        attempt(deliveryId, Duration.ZERO, BOOM);
        attempt(deliveryId, Duration.ofMinutes(1), OK);

        JsonNode d = deliveries(key, endpoint, "").get(0);
        assertThat(d.get("status").asText()).isEqualTo("succeeded");
        assertThat(d.get("attempts").asInt()).isEqualTo(2);
        assertThat(d.get("nextAttemptAt").isNull()).isTrue();
        assertThat(d.get("lastStatusCode").asInt()).isEqualTo(204);
        assertThat(d.get("lastError").isNull()).isTrue();
        JsonNode log = d.get("attemptLog");
        assertThat(log).hasSize(2);
        assertThat(log.get(0).get("attempt").asInt()).isEqualTo(1);
        assertThat(log.get(0).get("statusCode").asInt()).isEqualTo(500);
        assertThat(log.get(1).get("attempt").asInt()).isEqualTo(2);
        assertThat(log.get(1).get("statusCode").asInt()).isEqualTo(204);
        assertThat(log.get(1).get("responseSnippet").asText()).isEmpty();
        assertThat(log.get(1).get("error").isNull()).isTrue();
        assertThat(log.get(1).get("at").asText()).isGreaterThan(log.get(0).get("at").asText());
    }

    @Test
    void deliveriesFollowTheSubscriptionAndFilterByStatusAndEventType() {
        String key = api.keyOfNewWorkspace(Mode.LIVE, false);
        String all = createEndpoint(key, "[\"*\"]");
        String repliesOnly = createEndpoint(key, "[\"reply.received\"]");
        api.connectMailbox(key, "sender@acme.example", "google");
        String test = sendTest(key, all);
        attempt(test, Duration.ZERO, (event, url, secrets, at) -> event.type() == EventType.WEBHOOK_TEST
                ? DeliveryOutcome.answered(200, Duration.ofMillis(1), "ok", Optional.empty())
                : DeliveryOutcome.answered(500, Duration.ofMillis(1), "no", Optional.empty()));

        List<JsonNode> everything = deliveries(key, all, "");

        assertThat(everything).extracting(d -> d.get("eventType").asText())
                .containsExactly("webhook.test", "mailbox.connected");
        String connected = everything.get(1).get("id").asText();
        assertThat(ids(key, all, "?status=succeeded")).containsExactly(test);
        assertThat(ids(key, all, "?status=pending")).containsExactly(connected);
        assertThat(ids(key, all, "?status=failed")).isEmpty();
        assertThat(ids(key, all, "?eventType=mailbox.connected")).containsExactly(connected);
        assertThat(ids(key, all, "?eventType=webhook.test&status=succeeded")).containsExactly(test);
        assertThat(ids(key, all, "?eventType=webhook.test&status=pending")).isEmpty();
        assertThat(ids(key, all, "?eventType=reply.received")).isEmpty();
        assertThat(deliveries(key, repliesOnly, "")).isEmpty();
    }

    @Test
    void sandboxEndpointReceivesSandboxEventsOnly() {
        String live = api.keyOfNewWorkspace(Mode.LIVE, false);
        String sandbox = api.keyOfSameWorkspace(live, Mode.SANDBOX, false);
        String liveEndpoint = createEndpoint(live, "[\"*\"]");
        String sandboxEndpoint = createEndpoint(sandbox, "[\"*\"]");

        api.connectMailbox(live, "live@acme.example", "google");

        assertThat(deliveries(live, liveEndpoint, "")).hasSize(1);
        assertThat(deliveries(sandbox, sandboxEndpoint, "")).isEmpty();

        api.connectMailbox(sandbox, "sandbox@acme.example", "google");

        assertThat(deliveries(live, liveEndpoint, "")).hasSize(1);
        assertThat(deliveries(sandbox, sandboxEndpoint, "")).hasSize(1);
    }

    @Test
    void deliveryLogPagesNewestFirst() {
        String key = api.keyOfNewWorkspace(Mode.LIVE, false);
        String endpoint = createEndpoint(key, "[\"*\"]");
        List<String> made = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            made.add(sendTest(key, endpoint));
        }
        String path = webhook(endpoint) + "/deliveries?limit=2";

        Response p1 = api.get(path, key);
        Response p2 = api.get(path + "&cursor=" + p1.json().get("nextCursor").asText(), key);
        Response p3 = api.get(path + "&cursor=" + p2.json().get("nextCursor").asText(), key);

        assertThat(List.of(p1, p2, p3)).allSatisfy(r -> assertThat(r.status()).isEqualTo(200));
        assertThat(p1.json().get("hasMore").asBoolean()).isTrue();
        assertThat(p2.json().get("hasMore").asBoolean()).isTrue();
        assertThat(p3.json().get("hasMore").asBoolean()).isFalse();
        assertThat(p3.json().get("nextCursor").isNull()).isTrue();
        List<String> ids = new ArrayList<>();
        for (Response page : List.of(p1, p2, p3)) {
            page.json().get("data").forEach(d -> ids.add(d.get("id").asText()));
        }
        assertThat(ids).containsExactlyElementsOf(made.reversed());
    }

    @ParameterizedTest(name = "{0} is refused naming {1}")
    @CsvSource(delimiter = '|', value = {
            "status=done               | status    | malformed_status",
            "status=PENDING            | status    | malformed_status",
            "status=pending&status=failed | status | malformed_status",
            "eventType=email.sent      | eventType | malformed_event_type",
            "eventType=*               | eventType | malformed_event_type",
            "limit=0                   | limit     | malformed_limit",
            "cursor=not-a-cursor       | cursor    | malformed_cursor",
            "cursor=djE6bm9wZQ         | cursor    | malformed_cursor",
            "type=webhook.test         | type      | unknown_parameter",
    })
    void badDeliveryFiltersAreRefusedNamingTheParameter(String query, String parameter, String code) {
        String key = api.keyOfNewWorkspace(Mode.LIVE, false);
        String endpoint = createEndpoint(key, "[\"*\"]");

        assertProblem(api.get(webhook(endpoint) + "/deliveries?" + query, key), 400, code, parameter);
    }

    @Test
    void retryMakesAFailedDeliveryDueNowAndKeepsItsLog() {
        String key = api.keyOfNewWorkspace(Mode.LIVE, false);
        String endpoint = createEndpoint(key, "[\"*\"]");
        String deliveryId = sendTest(key, endpoint);
        failForGood(deliveryId);
        JsonNode failed = deliveries(key, endpoint, "?status=failed").get(0);
        assertThat(failed.get("attempts").asInt()).isEqualTo(8);
        assertThat(failed.get("nextAttemptAt").isNull()).isTrue();

        Response retried = api.postEmpty(webhook(endpoint) + "/deliveries/" + deliveryId + "/retry", key);
        Instant now = api.clock.now();

        assertThat(retried.status()).isEqualTo(200);
        JsonNode d = retried.json();
        assertThat(fieldNames(d)).containsExactlyElementsOf(DELIVERY_FIELDS);
        assertThat(d.get("id").asText()).isEqualTo(deliveryId);
        assertThat(d.get("status").asText()).isEqualTo("pending");
        assertThat(d.get("attempts").asInt()).isEqualTo(8);
        assertThat(Instant.parse(d.get("nextAttemptAt").asText())).isBeforeOrEqualTo(now);
        assertThat(d.get("lastStatusCode").asInt()).isEqualTo(500);
        assertThat(d.get("attemptLog")).isEqualTo(failed.get("attemptLog"));
        assertThat(deliveries(key, endpoint, "?status=pending")).containsExactly(d);

        // Due now: a dispatcher on the API's own clock takes it at once.
        attempt(deliveryId, Duration.ZERO, OK);

        JsonNode delivered = deliveries(key, endpoint, "").get(0);
        assertThat(delivered.get("status").asText()).isEqualTo("succeeded");
        assertThat(delivered.get("attemptLog")).hasSize(9);
    }

    @Test
    void retryOfAnUnknownDeliveryOrOneOfAnotherEndpointIsNotFound() {
        String key = api.keyOfNewWorkspace(Mode.LIVE, false);
        String mine = createEndpoint(key, "[\"*\"]");
        String other = createEndpoint(key, "[\"*\"]");
        String othersDelivery = sendTest(key, other);

        assertProblem(api.postEmpty(webhook(mine) + "/deliveries/" + othersDelivery + "/retry", key),
                404, "delivery_not_found", null);
        assertProblem(api.postEmpty(webhook(mine) + "/deliveries/" + UNKNOWN_DELIVERY + "/retry", key),
                404, "delivery_not_found", null);
        assertProblem(api.postEmpty(webhook(mine) + "/deliveries/nope/retry", key),
                400, "malformed_delivery_id", "deliveryId");
        assertProblem(api.postEmpty("/api/v1/webhooks/nope/deliveries/" + othersDelivery + "/retry", key),
                400, "malformed_webhook_id", "webhookId");
        assertProblem(api.post(webhook(other) + "/deliveries/" + othersDelivery + "/retry", key, "{\"at\":\"now\"}"),
                422, "unknown_field", "at");
        assertProblem(api.postEmpty(webhook(other) + "/deliveries/" + othersDelivery + "/retry", key),
                409, "delivery_not_failed", null);
    }

    @Test
    void retryAndRecoverIntoADisabledEndpointAreConflicts() {
        String key = api.keyOfNewWorkspace(Mode.LIVE, false);
        String endpoint = createEndpoint(key, "[\"*\"]");
        String delivery = sendTest(key, endpoint);
        api.patch(webhook(endpoint), key, "{\"enabled\":false}");

        assertProblem(api.postEmpty(webhook(endpoint) + "/deliveries/" + delivery + "/retry", key),
                409, "webhook_disabled", null);
        assertProblem(api.post(webhook(endpoint) + "/recover", key, "{\"since\":\"2026-01-01T00:00:00Z\"}"),
                409, "webhook_disabled", null);
    }

    @Test
    void recoverMakesTheFailedDeliveriesSinceATimeDueAgain() {
        String key = api.keyOfNewWorkspace(Mode.LIVE, false);
        String endpoint = createEndpoint(key, "[\"*\"]");
        String older = sendTest(key, endpoint);
        api.nextMillisecond();
        String newer = sendTest(key, endpoint);
        String stillPending = sendTest(key, endpoint);
        failForGood(older);
        failForGood(newer);
        String since = deliveries(key, endpoint, "").stream()
                .filter(d -> d.get("id").asText().equals(newer)).findFirst().orElseThrow().get("createdAt").asText();

        Response recovered = api.post(webhook(endpoint) + "/recover", key, "{\"since\":\"" + since + "\"}");

        assertThat(recovered.status()).isEqualTo(200);
        assertThat(recovered.json()).hasSize(1);
        assertThat(recovered.json().get("requeued").asInt()).isEqualTo(1);
        assertThat(ids(key, endpoint, "?status=failed")).containsExactly(older);
        assertThat(ids(key, endpoint, "?status=pending")).containsExactlyInAnyOrder(newer, stillPending);

        Response future = api.post(webhook(endpoint) + "/recover", key, "{\"since\":\"2030-01-01T00:00:00Z\"}");
        Response rest = api.post(webhook(endpoint) + "/recover", key, "{\"since\":\"2026-01-01T00:00:00+01:00\"}");

        assertThat(future.json().get("requeued").asInt()).isZero();
        assertThat(rest.json().get("requeued").asInt()).isEqualTo(1);
        assertThat(ids(key, endpoint, "?status=failed")).isEmpty();
    }

    @ParameterizedTest(name = "{0} is refused naming {1}")
    @CsvSource(delimiter = '|', value = {
            "{}                                             | since | invalid_since",
            "{\"since\":null}                              | since | invalid_since",
            "{\"since\":\"yesterday\"}                     | since | invalid_since",
            "{\"since\":\"2026-03-16\"}                    | since | invalid_since",
            "{\"since\":1773651600}                        | since | invalid_since",
            "{\"since\":\"2026-03-16T00:00:00Z\",\"x\":1} | x     | unknown_field",
    })
    void recoverNeedsAnInstantToRecoverFrom(String body, String field, String code) {
        String key = api.keyOfNewWorkspace(Mode.LIVE, false);
        String endpoint = createEndpoint(key, "[\"*\"]");

        assertProblem(api.post(webhook(endpoint) + "/recover", key, body), 422, code, field);
    }

    @Test
    void anotherTenantCannotTestReadRetryOrRecover() {
        String live = api.keyOfNewWorkspace(Mode.LIVE, false);
        String sandbox = api.keyOfSameWorkspace(live, Mode.SANDBOX, true);
        String stranger = api.keyOfNewWorkspace(Mode.LIVE, true);
        String endpoint = createEndpoint(live, "[\"*\"]");
        String deliveryId = sendTest(live, endpoint);

        for (String other : List.of(sandbox, stranger)) {
            assertProblem(api.postEmpty(webhook(endpoint) + "/test", other), 404, "webhook_not_found", null);
            assertProblem(api.get(webhook(endpoint) + "/deliveries", other), 404, "webhook_not_found", null);
            assertProblem(api.postEmpty(webhook(endpoint) + "/deliveries/" + deliveryId + "/retry", other),
                    404, "webhook_not_found", null);
            assertProblem(api.post(webhook(endpoint) + "/recover", other, "{\"since\":\"2026-01-01T00:00:00Z\"}"),
                    404, "webhook_not_found", null);
            assertThat(api.get("/api/v1/events?type=webhook.test", other).json().get("data")).isEmpty();
        }
        assertThat(deliveries(live, endpoint, "")).hasSize(1);
    }

    @Test
    void deletedEndpointTakesItsDeliveriesWithIt() {
        String key = api.keyOfNewWorkspace(Mode.LIVE, false);
        String endpoint = createEndpoint(key, "[\"*\"]");
        String deliveryId = sendTest(key, endpoint);

        assertThat(api.delete(webhook(endpoint), key).status()).isEqualTo(200);

        assertProblem(api.get(webhook(endpoint) + "/deliveries", key), 404, "webhook_not_found", null);
        assertProblem(api.postEmpty(webhook(endpoint) + "/test", key), 404, "webhook_not_found", null);
        assertProblem(api.postEmpty(webhook(endpoint) + "/deliveries/" + deliveryId + "/retry", key),
                404, "webhook_not_found", null);
    }

    @Test
    void unknownEndpointIsNotFoundAndMalformedOneBadRequest() {
        String key = api.keyOfNewWorkspace(Mode.LIVE, false);

        assertProblem(api.postEmpty("/api/v1/webhooks/we_01JD4S3K2M9V6QW8XR5T7YB0CE/test", key),
                404, "webhook_not_found", null);
        assertProblem(api.get("/api/v1/webhooks/nope/deliveries", key), 400, "malformed_webhook_id", "webhookId");
        assertProblem(api.postEmpty("/api/v1/webhooks/nope/test", key), 400, "malformed_webhook_id", "webhookId");
        assertProblem(api.post("/api/v1/webhooks/nope/recover", key, "{\"since\":\"2026-01-01T00:00:00Z\"}"),
                400, "malformed_webhook_id", "webhookId");
    }

    @Test
    void routesAnswerWhichMethodsTheyTake() {
        String key = api.keyOfNewWorkspace(Mode.LIVE, false);
        String endpoint = createEndpoint(key, "[\"*\"]");

        Response readTest = api.get(webhook(endpoint) + "/test", key);
        Response postDeliveries = api.post(webhook(endpoint) + "/deliveries", key, "{}");
        Response readRetry = api.get(webhook(endpoint) + "/deliveries/" + UNKNOWN_DELIVERY + "/retry", key);
        Response readRecover = api.get(webhook(endpoint) + "/recover", key);

        for (Response r : List.of(readTest, readRetry, readRecover)) {
            assertProblem(r, 405, "method_not_allowed", null);
            assertThat(r.header("Allow")).isEqualTo("POST");
        }
        assertProblem(postDeliveries, 405, "method_not_allowed", null);
        assertThat(postDeliveries.header("Allow")).isEqualTo("GET");
        assertThat(deliveries(key, endpoint, "")).isEmpty();
    }

    /**
     * Attempts one delivery as a dispatcher whose clock runs {@code ahead} of the API's, with
     * {@code receiver} answering. Whatever else is due in the shared store is handed back untouched.
     */
    private void attempt(String deliveryId, Duration ahead, WebhookTransport receiver) {
        Clock later = () -> api.clock.now().plus(ahead);
        DispatchService dispatcher = new DispatchService(api.store.deliveryQueue(), api.store.webhookEndpoints(),
                api.store.eventLog(), receiver, api.store.transactions(), later, new Random(1));
        boolean attempted = false;
        for (Delivery claimed : dispatcher.claimDue(OWNER, 10_000, Duration.ofMinutes(1))) {
            if (claimed.id().value().equals(deliveryId)) {
                dispatcher.attempt(claimed, OWNER);
                attempted = true;
            } else {
                dispatcher.release(claimed, OWNER);
            }
        }
        assertThat(attempted).as("delivery %s was due", deliveryId).isTrue();
    }

    /**
     * Fails all eight attempts of a delivery. Each attempt is made 13 h after the one before,
     * beyond the longest wait of the schedule (10 h + 20 %), yet within the 5 days after which
     * a failing endpoint is disabled.
     */
    private void failForGood(String deliveryId) {
        for (int attempt = 1; attempt <= 8; attempt++) {
            attempt(deliveryId, Duration.ofHours(13L * attempt), BOOM);
        }
    }

    private String createEndpoint(String key, String events) {
        Response r = api.post("/api/v1/webhooks", key,
                "{\"url\":\"https://hooks.acme.example/in\",\"events\":" + events + "}");
        assertThat(r.status()).as("create: %s", r).isEqualTo(201);
        return r.json().get("id").asText();
    }

    /** Sends a test to the endpoint and answers the id of its delivery. */
    private String sendTest(String key, String endpoint) {
        Response r = api.postEmpty(webhook(endpoint) + "/test", key);
        assertThat(r.status()).as("test: %s", r).isEqualTo(202);
        return r.json().get("delivery").get("id").asText();
    }

    private List<JsonNode> deliveries(String key, String endpoint, String query) {
        Response r = api.get(webhook(endpoint) + "/deliveries" + query, key);
        assertThat(r.status()).as("deliveries%s: %s", query, r).isEqualTo(200);
        List<JsonNode> deliveries = new ArrayList<>();
        r.json().get("data").forEach(deliveries::add);
        return deliveries;
    }

    private List<String> ids(String key, String endpoint, String query) {
        return deliveries(key, endpoint, query).stream().map(d -> d.get("id").asText()).toList();
    }

    private static String webhook(String id) {
        return "/api/v1/webhooks/" + id;
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
