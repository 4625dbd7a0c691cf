package io.warmy.adapters.rest;

import com.fasterxml.jackson.databind.JsonNode;
import io.warmy.adapters.rest.ApiFixture.Response;
import io.warmy.domain.tenancy.Mode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import static io.warmy.adapters.rest.ApiFixture.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Webhook endpoints over HTTP: the secret shown once, lists, changes, rotation, deletion, refusals and isolation. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WebhookRoutesTest {

    private static final String ISO_MILLIS = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z";
    private static final String WEBHOOK_ID = "we_[0-9A-HJKMNP-TV-Z]{26}";
    private static final String UNKNOWN_ID = "we_01JD4S3K2M9V6QW8XR5T7YB0CE";
    private static final List<String> WEBHOOK_FIELDS =
            List.of("id", "url", "events", "description", "enabled", "disabledReason", "createdAt", "updatedAt");

    private final ApiFixture api = new ApiFixture();

    @AfterAll
    void stop() {
        api.close();
    }

    @Test
    void createdEndpointForEveryTypeAnswersItsSecretThisOnceOnly() {
        String key = api.keyOfNewWorkspace(Mode.LIVE, false);

        Response created = api.post("/api/v1/webhooks", key,
                "{\"url\":\"https://hooks.acme.example/warmy\",\"events\":[\"*\"],\"description\":\"CRM sync\"}");

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.contentType()).isEqualTo("application/json");
        JsonNode w = created.json();
        List<String> withSecret = new ArrayList<>(WEBHOOK_FIELDS);
        withSecret.add("secret");
        assertThat(fieldNames(w)).containsExactlyElementsOf(withSecret);
        String id = w.get("id").asText();
        assertThat(id).matches(WEBHOOK_ID);
        assertThat(created.header("Location")).isEqualTo("/api/v1/webhooks/" + id);
        assertThat(w.get("url").asText()).isEqualTo("https://hooks.acme.example/warmy");
        assertThat(texts(w.get("events"))).containsExactly("*");
        assertThat(w.get("description").asText()).isEqualTo("CRM sync");
        assertThat(w.get("enabled").asBoolean()).isTrue();
        assertThat(w.get("disabledReason").isNull()).isTrue();
        assertThat(w.get("createdAt").asText()).matches(ISO_MILLIS).startsWith("2026-03-16T09:");
        assertThat(w.get("updatedAt")).isEqualTo(w.get("createdAt"));
        String secret = w.get("secret").asText();
        assertSecretShape(secret);

        Response read = api.get("/api/v1/webhooks/" + id, key);
        Response list = api.get("/api/v1/webhooks", key);

        assertThat(read.status()).isEqualTo(200);
        assertThat(fieldNames(read.json())).containsExactlyElementsOf(WEBHOOK_FIELDS);
        assertThat(read.body()).doesNotContain(secret, "whsec_");
        assertThat(list.body()).doesNotContain(secret, "whsec_");
        assertThat(list.json().get("data")).containsExactly(read.json());
    }

    @Test
    void createdEndpointForSomeTypesListsThemInContractOrder() {
        String key = api.keyOfNewWorkspace(Mode.LIVE, false);

        Response created = api.post("/api/v1/webhooks", key,
                "{\"url\":\"http://127.0.0.1:9/hook\","
                        + "\"events\":[\"email.clicked\",\"reply.received\",\"email.clicked\"]}");

        assertThat(created.status()).isEqualTo(201);
        JsonNode w = created.json();
        assertThat(texts(w.get("events"))).containsExactly("reply.received", "email.clicked");
        assertThat(w.get("description").asText()).isEmpty();
        assertSecretShape(w.get("secret").asText());
        assertThat(api.get("/api/v1/webhooks/" + w.get("id").asText(), key).json().get("events"))
                .isEqualTo(w.get("events"));
    }

    @Test
    void everyEndpointGetsASecretOfItsOwn() {
        String key = api.keyOfNewWorkspace(Mode.LIVE, false);

        String first = create(key, "[\"*\"]").get("secret").asText();
        String second = create(key, "[\"*\"]").get("secret").asText();

        assertThat(first).isNotEqualTo(second);
    }

    @ParameterizedTest(name = "{0} is refused naming {1}")
    @CsvSource(delimiter = '|', value = {
            "{\"url\":\"https://h.io/x\",\"events\":[\"email.sent\",\"email.clicked\"]}    | events      | invalid_events",
            "{\"url\":\"https://h.io/x\",\"events\":[]}                                    | events      | invalid_events",
            "{\"url\":\"https://h.io/x\"}                                                  | events      | invalid_events",
            "{\"url\":\"https://h.io/x\",\"events\":[\"*\",\"email.clicked\"]}             | events      | invalid_events",
            "{\"url\":\"https://h.io/x\",\"events\":\"email.clicked\"}                     | events      | invalid_events",
            "{\"url\":\"https://h.io/x\",\"events\":[null]}                                | events      | invalid_events",
            "{\"url\":\"https://h.io/x\",\"events\":[7]}                                   | events      | invalid_events",
            "{\"url\":\"ftp://h.io/x\",\"events\":[\"*\"]}                                 | url         | invalid_url",
            "{\"url\":\"not a url\",\"events\":[\"*\"]}                                    | url         | invalid_url",
            "{\"url\":\"https://user:pw@h.io/x\",\"events\":[\"*\"]}                       | url         | invalid_url",
            "{\"url\":\"\",\"events\":[\"*\"]}                                             | url         | invalid_url",
            "{\"events\":[\"*\"]}                                                          | url         | invalid_url",
            "{\"url\":\"https://h.io/x\",\"events\":[\"*\"],\"description\":\"a\\u0007b\"} | description | invalid_description",
            "{\"url\":\"https://h.io/x\",\"events\":[\"*\"],\"secret\":\"whsec_mine\"}     | secret      | unknown_field",
            "{\"url\":\"https://h.io/x\",\"events\":[\"*\"],\"enabled\":false}             | enabled     | unknown_field",
    })
    void badEndpointIsRefusedNamingTheFieldAndNothingIsCreated(String body, String field, String code) {
        String key = api.keyOfNewWorkspace(Mode.LIVE, false);

        assertProblem(api.post("/api/v1/webhooks", key, body), 422, code, field);

        assertThat(api.get("/api/v1/webhooks", key).json().get("data")).isEmpty();
    }

    @Test
    void unknownEventTypesAreAllNamed() {
        String key = api.keyOfNewWorkspace(Mode.LIVE, false);

        JsonNode p = assertProblem(api.post("/api/v1/webhooks", key,
                "{\"url\":\"https://h.example/x\",\"events\":[\"email.sent\",\"email.clicked\",\"mail.box\"]}"),
                422, "invalid_events", "events");

        assertThat(p.get("detail").asText()).contains("email.sent", "mail.box").doesNotContain("email.clicked");
    }

    @Test
    void listPagesThroughEndpointsNewestFirst() {
        String key = api.keyOfNewWorkspace(Mode.LIVE, false);
        List<String> made = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            made.add(create(key, "[\"*\"]").get("id").asText());
        }

        Response p1 = api.get("/api/v1/webhooks?limit=2", key);
        Response p2 = api.get("/api/v1/webhooks?limit=2&cursor=" + p1.json().get("nextCursor").asText(), key);
        Response p3 = api.get("/api/v1/webhooks?limit=2&cursor=" + p2.json().get("nextCursor").asText(), key);

        assertThat(List.of(p1, p2, p3)).allSatisfy(r -> assertThat(r.status()).isEqualTo(200));
        assertThat(p1.json().get("hasMore").asBoolean()).isTrue();
        assertThat(p2.json().get("hasMore").asBoolean()).isTrue();
        assertThat(p3.json().get("hasMore").asBoolean()).isFalse();
        assertThat(p3.json().get("nextCursor").isNull()).isTrue();
        List<String> ids = new ArrayList<>();
        for (Response page : List.of(p1, p2, p3)) {
            page.json().get("data").forEach(w -> ids.add(w.get("id").asText()));
        }
        assertThat(ids).containsExactlyElementsOf(made.reversed());
    }

    @ParameterizedTest(name = "{0} is refused naming {1}")
    @CsvSource(delimiter = '|', value = {
            "limit=0             | limit  | malformed_limit",
            "limit=101           | limit  | malformed_limit",
            "cursor=not-a-cursor | cursor | malformed_cursor",
            "cursor=djE6bm9wZQ   | cursor | malformed_cursor",
            "enabled=true        | enabled | unknown_parameter",
    })
    void badListParametersAreRefusedNamingTheParameter(String query, String parameter, String code) {
        String key = api.keyOfNewWorkspace(Mode.LIVE, false);

        assertProblem(api.get("/api/v1/webhooks?" + query, key), 400, code, parameter);
    }

    @Test
    void patchChangesUrlEventsAndDescriptionAndLeavesTheRestAsItWas() {
        String key = api.keyOfNewWorkspace(Mode.LIVE, false);
        JsonNode created = create(key, "[\"*\"]");
        String path = "/api/v1/webhooks/" + created.get("id").asText();
        api.nextMillisecond();

        Response changed = api.patch(path, key, "{\"url\":\"https://new.acme.example/in\","
                + "\"events\":[\"limit.hit\",\"email.bounced\"],\"description\":\"Billing\"}");

        assertThat(changed.status()).isEqualTo(200);
        JsonNode w = changed.json();
        assertThat(fieldNames(w)).containsExactlyElementsOf(WEBHOOK_FIELDS);
        assertThat(w.get("id")).isEqualTo(created.get("id"));
        assertThat(w.get("url").asText()).isEqualTo("https://new.acme.example/in");
        assertThat(texts(w.get("events"))).containsExactly("email.bounced", "limit.hit");
        assertThat(w.get("description").asText()).isEqualTo("Billing");
        assertThat(w.get("enabled").asBoolean()).isTrue();
        assertThat(w.get("createdAt")).isEqualTo(created.get("createdAt"));
        assertThat(w.get("updatedAt").asText()).isGreaterThan(created.get("updatedAt").asText());
        assertThat(api.get(path, key).json()).isEqualTo(w);

        JsonNode untouched = api.patch(path, key, "{}").json();
        JsonNode everyType = api.patch(path, key, "{\"events\":[\"*\"]}").json();

        assertThat(untouched.get("url")).isEqualTo(w.get("url"));
        assertThat(untouched.get("events")).isEqualTo(w.get("events"));
        assertThat(untouched.get("description")).isEqualTo(w.get("description"));
        assertThat(texts(everyType.get("events"))).containsExactly("*");
        assertThat(everyType.get("url")).isEqualTo(w.get("url"));
    }

    @Test
    void disablingByHandSaysSoAndEnablingAgainClearsTheReason() {
        String key = api.keyOfNewWorkspace(Mode.LIVE, false);
        String path = "/api/v1/webhooks/" + create(key, "[\"*\"]").get("id").asText();

        JsonNode disabled = api.patch(path, key, "{\"enabled\":false}").json();
        JsonNode stillDisabled = api.patch(path, key, "{\"description\":\"paused for the migration\"}").json();
        JsonNode enabled = api.patch(path, key, "{\"enabled\":true}").json();

        assertThat(disabled.get("enabled").asBoolean()).isFalse();
        assertThat(disabled.get("disabledReason").asText()).isEqualTo("disabled_by_user");
        assertThat(stillDisabled.get("enabled").asBoolean()).isFalse();
        assertThat(stillDisabled.get("disabledReason").asText()).isEqualTo("disabled_by_user");
        assertThat(enabled.get("enabled").asBoolean()).isTrue();
        assertThat(enabled.get("disabledReason").isNull()).isTrue();
        assertThat(api.get(path, key).json()).isEqualTo(enabled);
    }

    @ParameterizedTest(name = "{0} is refused naming {1}")
    @CsvSource(delimiter = '|', value = {
            "{\"events\":[\"email.sent\"]}        | events  | invalid_events",
            "{\"events\":[]}                      | events  | invalid_events",
            "{\"events\":[\"*\",\"limit.hit\"]}   | events  | invalid_events",
            "{\"url\":\"mailto:ops@acme.example\"} | url     | invalid_url",
            "{\"url\":\"\"}                        | url     | invalid_url",
            "{\"enabled\":\"false\"}               | enabled | invalid_enabled",
            "{\"secret\":\"whsec_mine\"}           | secret  | unknown_field",
    })
    void badPatchIsRefusedNamingTheFieldAndChangesNothing(String body, String field, String code) {
        String key = api.keyOfNewWorkspace(Mode.LIVE, false);
        String path = "/api/v1/webhooks/" + create(key, "[\"email.opened\"]").get("id").asText();
        JsonNode before = api.get(path, key).json();

        assertProblem(api.patch(path, key, body), 422, code, field);

        assertThat(api.get(path, key).json()).isEqualTo(before);
    }

    @Test
    void rotationAnswersANewSecretAndHowLongTheOldOneStillSigns() {
        String key = api.keyOfNewWorkspace(Mode.LIVE, false);
        JsonNode created = create(key, "[\"*\"]");
        String path = "/api/v1/webhooks/" + created.get("id").asText();

        Response rotated = api.postEmpty(path + "/rotate-secret", key);
        Instant now = api.clock.now();

        assertThat(rotated.status()).isEqualTo(200);
        JsonNode w = rotated.json();
        List<String> fields = new ArrayList<>(WEBHOOK_FIELDS);
        fields.addAll(List.of("secret", "previousSecretExpiresAt"));
        assertThat(fieldNames(w)).containsExactlyElementsOf(fields);
        String secret = w.get("secret").asText();
        assertSecretShape(secret);
        assertThat(secret).isNotEqualTo(created.get("secret").asText());
        assertThat(w.get("previousSecretExpiresAt").asText()).matches(ISO_MILLIS);
        assertThat(Instant.parse(w.get("previousSecretExpiresAt").asText()))
                .isCloseTo(now.plus(Duration.ofHours(24)), within(Duration.ofSeconds(5)));
        Response read = api.get(path, key);
        assertThat(read.body()).doesNotContain("whsec_", "previousSecret");
        assertThat(fieldNames(read.json())).containsExactlyElementsOf(WEBHOOK_FIELDS);

        Response again = api.post(path + "/rotate-secret", key, "{}");

        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().get("secret").asText()).isNotIn(secret, created.get("secret").asText());
        assertProblem(api.post(path + "/rotate-secret", key, "{\"secret\":\"whsec_x\"}"),
                422, "unknown_field", "secret");
    }

    @Test
    void deletedEndpointIsAnsweredMarkedDeletedAndIsGoneAfterwards() {
        String key = api.keyOfNewWorkspace(Mode.LIVE, false);
        JsonNode created = create(key, "[\"reply.received\"]");
        String path = "/api/v1/webhooks/" + created.get("id").asText();
        JsonNode before = api.get(path, key).json();

        Response deleted = api.delete(path, key);

        assertThat(deleted.status()).isEqualTo(200);
        List<String> fields = new ArrayList<>(WEBHOOK_FIELDS);
        fields.add("deleted");
        assertThat(fieldNames(deleted.json())).containsExactlyElementsOf(fields);
        assertThat(deleted.json().get("deleted").asBoolean()).isTrue();
        assertThat(deleted.json().get("id")).isEqualTo(before.get("id"));
        assertThat(deleted.json().get("events")).isEqualTo(before.get("events"));
        assertThat(deleted.body()).doesNotContain("whsec_");
        assertProblem(api.get(path, key), 404, "webhook_not_found", null);
        assertProblem(api.delete(path, key), 404, "webhook_not_found", null);
        assertProblem(api.patch(path, key, "{\"enabled\":false}"), 404, "webhook_not_found", null);
        assertProblem(api.postEmpty(path + "/rotate-secret", key), 404, "webhook_not_found", null);
        assertThat(api.get("/api/v1/webhooks", key).json().get("data")).isEmpty();
    }

    @Test
    void malformedIdIsBadRequestAndUnknownOneNotFound() {
        String key = api.keyOfNewWorkspace(Mode.LIVE, false);

        assertProblem(api.get("/api/v1/webhooks/nope", key), 400, "malformed_webhook_id", "webhookId");
        assertProblem(api.get("/api/v1/webhooks/mbx_01JD4S3K2M9V6QW8XR5T7YB0CE", key),
                400, "malformed_webhook_id", "webhookId");
        assertProblem(api.patch("/api/v1/webhooks/nope", key, "{}"), 400, "malformed_webhook_id", "webhookId");
        assertProblem(api.delete("/api/v1/webhooks/nope", key), 400, "malformed_webhook_id", "webhookId");
        assertProblem(api.postEmpty("/api/v1/webhooks/nope/rotate-secret", key),
                400, "malformed_webhook_id", "webhookId");
        assertProblem(api.get("/api/v1/webhooks/" + UNKNOWN_ID, key), 404, "webhook_not_found", null);
        assertProblem(api.get("/api/v1/webhooks/" + UNKNOWN_ID + "?expand=secret", key),
                400, "unknown_parameter", "expand");
    }

    @Test
    void anotherTenantsEndpointIsNotFound() {
        String live = api.keyOfNewWorkspace(Mode.LIVE, false);
        String sandbox = api.keyOfSameWorkspace(live, Mode.SANDBOX, true);
        String stranger = api.keyOfNewWorkspace(Mode.LIVE, true);
        String path = "/api/v1/webhooks/" + create(live, "[\"*\"]").get("id").asText();
        JsonNode before = api.get(path, live).json();

        for (String other : List.of(sandbox, stranger)) {
            assertProblem(api.get(path, other), 404, "webhook_not_found", null);
            assertProblem(api.patch(path, other, "{\"enabled\":false}"), 404, "webhook_not_found", null);
            assertProblem(api.postEmpty(path + "/rotate-secret", other), 404, "webhook_not_found", null);
            assertProblem(api.delete(path, other), 404, "webhook_not_found", null);
            assertThat(api.get("/api/v1/webhooks", other).json().get("data")).isEmpty();
        }
        assertThat(api.get(path, live).json()).isEqualTo(before);
    }

    @Test
    void sandboxKeyManagesSandboxEndpointsApartFromLiveOnes() {
        String live = api.keyOfNewWorkspace(Mode.LIVE, false);
        String sandbox = api.keyOfSameWorkspace(live, Mode.SANDBOX, false);
        String liveId = create(live, "[\"*\"]").get("id").asText();
        String sandboxId = create(sandbox, "[\"*\"]").get("id").asText();

        assertThat(ids(api.get("/api/v1/webhooks", live))).containsExactly(liveId);
        assertThat(ids(api.get("/api/v1/webhooks", sandbox))).containsExactly(sandboxId);
        assertProblem(api.get("/api/v1/webhooks/" + sandboxId, live), 404, "webhook_not_found", null);
    }

    @Test
    void routesAnswerWhichMethodsTheyTake() {
        String key = api.keyOfNewWorkspace(Mode.LIVE, false);
        String path = "/api/v1/webhooks/" + create(key, "[\"*\"]").get("id").asText();

        Response put = api.send(api.request(path, key).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString("{}")));
        Response deleteAll = api.delete("/api/v1/webhooks", key);
        Response readRotation = api.get(path + "/rotate-secret", key);

        assertProblem(put, 405, "method_not_allowed", null);
        assertThat(put.header("Allow")).isEqualTo("GET, PATCH, DELETE");
        assertProblem(deleteAll, 405, "method_not_allowed", null);
        assertThat(deleteAll.header("Allow")).isEqualTo("GET, POST");
        assertProblem(readRotation, 405, "method_not_allowed", null);
        assertThat(readRotation.header("Allow")).isEqualTo("POST");
    }

    @Test
    void webhooksNeedAKey() {
        assertProblem(api.get("/api/v1/webhooks", null), 401, "missing_api_key", null);
        assertProblem(api.post("/api/v1/webhooks", null, "{\"url\":\"https://h.example/x\",\"events\":[\"*\"]}"),
                401, "missing_api_key", null);
    }

    /** {@code whsec_} and the standard base64 (with padding) of 24 to 64 random bytes. */
    private static void assertSecretShape(String secret) {
        assertThat(secret).matches("whsec_[A-Za-z0-9+/]+={0,2}");
        byte[] key = Base64.getDecoder().decode(secret.substring("whsec_".length()));
        assertThat(key.length).isBetween(24, 64);
    }

    private JsonNode create(String key, String events) {
        Response r = api.post("/api/v1/webhooks", key,
                "{\"url\":\"https://hooks.acme.example/in\",\"events\":" + events + "}");
        assertThat(r.status()).as("create: %s", r).isEqualTo(201);
        return r.json();
    }

    private static List<String> ids(Response list) {
        assertThat(list.status()).as("list: %s", list).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        list.json().get("data").forEach(w -> ids.add(w.get("id").asText()));
        return ids;
    }

    private static List<String> texts(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asText()));
        return values;
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
