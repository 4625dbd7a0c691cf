package io.warmy.adapters.rest;

import com.fasterxml.jackson.databind.JsonNode;
import io.helidon.webserver.WebServer;
import io.warmy.adapters.rest.ApiFixture.Response;
import io.warmy.application.tenancy.port.in.GetWorkspace;
import io.warmy.domain.tenancy.Mode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

import static io.warmy.adapters.rest.ApiFixture.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/** What every route shares: request ids, problem bodies, and the refusal of bodies the API cannot read. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HttpHandlingTest {

    private static final int MIB = 1024 * 1024;

    private final ApiFixture api = new ApiFixture();

    @AfterAll
    void stop() {
        api.close();
    }

    @Test
    void everyAnswerCarriesARequestId() {
        String key = api.keyOfNewWorkspace(Mode.LIVE, false);
        List<Response> answers = List.of(
                api.get("/api/v1/workspace", key),
                api.post("/api/v1/mailboxes", key, "{\"email\":\"id@example.com\",\"provider\":\"google\"}"),
                api.get("/api/v1/workspace", null),
                api.get("/api/v1/nothing-here", key),
                api.get("/elsewhere", null),
                api.delete("/api/v1/workspace", key),
                api.post("/api/v1/mailboxes", key, "{\"provider\":\"google\"}"),
                api.post("/api/v1/mailboxes", key, "{oops"));

        assertThat(answers).allSatisfy(r -> assertThat(r.header("X-Request-Id")).matches("req_[0-9a-f]{24}"));
        assertThat(answers.stream().map(r -> r.header("X-Request-Id")).distinct()).hasSize(answers.size());
    }

    @Test
    void aSaneRequestIdFromTheClientIsKept() {
        Response ok = api.send(api.request("/api/v1/workspace", api.liveAdminKey).header("X-Request-Id", "trace-42.a:b_c").GET());
        Response problem = api.send(api.request("/api/v1/workspace", null).header("X-Request-Id", "trace-43").GET());

        assertThat(ok.header("X-Request-Id")).isEqualTo("trace-42.a:b_c");
        assertThat(problem.header("X-Request-Id")).isEqualTo("trace-43");
        assertThat(problem.json().get("requestId").asText()).isEqualTo("trace-43");
    }

    @Test
    void anUnsafeOrOverlongRequestIdFromTheClientIsReplaced() {
        Response spaced = api.send(api.request("/api/v1/workspace", api.liveAdminKey)
                .header("X-Request-Id", "<script>alert(1)</script>").GET());
        Response overlong = api.send(api.request("/api/v1/workspace", api.liveAdminKey)
                .header("X-Request-Id", "a".repeat(129)).GET());

        assertThat(spaced.header("X-Request-Id")).matches("req_[0-9a-f]{24}");
        assertThat(overlong.header("X-Request-Id")).matches("req_[0-9a-f]{24}");
    }

    @Test
    void queryMayCarryColonsAndAtSignsAsRfc3986AllowsThem() {
        String key = api.keyOfNewWorkspace(Mode.LIVE, false);

        Response r = api.rawGet("/api/v1/events?since=2026-03-16T09:00:00Z&until=2026-03-16T23:59:59.999Z", key);
        Response at = api.rawGet("/api/v1/suppressions?cursor=@", key);

        assertThat(r.status()).as("%s", r).isEqualTo(200);
        assertProblem(at, 400, "malformed_cursor", "cursor");
    }

    @Test
    void queryThatIsNotValidUriSyntaxIsABadRequestNamingTheProblem() {
        String key = api.keyOfNewWorkspace(Mode.LIVE, false);

        JsonNode stray = assertProblem(api.rawGet("/api/v1/events?since=%", key), 400, "malformed_query", null);
        JsonNode notHex = assertProblem(api.rawGet("/api/v1/mailboxes?status=%zz", key), 400, "malformed_query", null);
        JsonNode bracket = assertProblem(api.rawGet("/api/v1/events?type=<x>", key), 400, "malformed_query", null);
        JsonNode accented = assertProblem(api.rawGet("/api/v1/events?type=\u00e9", key), 400, "malformed_query", null);
        JsonNode tab = assertProblem(api.rawGet("/api/v1/events?type=a\tb", key), 400, "malformed_query", null);
        assertProblem(api.rawGet("/elsewhere?x=%4", key), 404, "route_not_found", null);

        assertThat(stray.get("detail").asText()).contains("'%'", "position 7", "%25");
        assertThat(notHex.get("detail").asText()).contains("position 8");
        assertThat(bracket.get("detail").asText()).contains("'<'", "position 6");
        assertThat(accented.get("detail").asText()).contains("outside ASCII", "position 6");
        assertThat(tab.get("detail").asText()).contains("U+0009", "position 7");
    }

    @Test
    void unknownRouteIsANotFoundProblem() {
        assertProblem(api.get("/api/v1/mailbox", api.liveAdminKey), 404, "route_not_found", null);
        assertProblem(api.get("/api/v2/mailboxes", api.liveAdminKey), 404, "route_not_found", null);
        assertProblem(api.get("/api/v1/mailboxes/mbx_01KKTXZ98J3ZD5KEC1M9VP2THY/health/x", api.liveAdminKey),
                404, "route_not_found", null);
    }

    @Test
    void wrongMethodIsAMethodNotAllowedProblemSayingWhatIsAllowed() {
        Response put = api.send(api.request("/api/v1/mailboxes", api.liveAdminKey).PUT(HttpRequest.BodyPublishers.noBody()));
        Response post = api.post("/api/v1/mailboxes/mbx_01KKTXZ98J3ZD5KEC1M9VP2THY", api.liveAdminKey, "{}");
        Response patch = api.patch("/api/v1/api-keys", api.liveAdminKey, "{}");

        assertProblem(put, 405, "method_not_allowed", null);
        assertThat(put.header("Allow")).isEqualTo("GET, POST");
        assertProblem(post, 405, "method_not_allowed", null);
        assertThat(post.header("Allow")).isEqualTo("GET, PATCH, DELETE");
        assertThat(patch.header("Allow")).isEqualTo("GET, POST");
    }

    @Test
    void bodyThatIsNotJsonIsAMalformedJsonProblem() {
        String key = api.keyOfNewWorkspace(Mode.LIVE, false);

        for (String body : List.of("{\"email\":", "{oops}", "[1,2]", "\"text\"", "null", "{} {}",
                "{\"email\":\"a@example.com\",\"email\":\"b@example.com\",\"provider\":\"google\"}")) {
            assertProblem(api.post("/api/v1/mailboxes", key, body), 400, "malformed_json", null);
        }
        assertThat(api.get("/api/v1/mailboxes", key).json().get("data")).isEmpty();
    }

    @Test
    void bodyOfAnotherMediaTypeIsUnsupported() {
        String key = api.keyOfNewWorkspace(Mode.LIVE, false);
        String body = "{\"email\":\"mt@example.com\",\"provider\":\"google\"}";

        Response plain = api.send(api.request("/api/v1/mailboxes", key).header("Content-Type", "text/plain")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
        Response form = api.send(api.request("/api/v1/mailboxes", key)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("email=mt%40example.com&provider=google")));
        Response latin = api.send(api.request("/api/v1/mailboxes", key)
                .header("Content-Type", "application/json; charset=ISO-8859-1")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
        Response untyped = api.send(api.request("/api/v1/mailboxes", key).POST(HttpRequest.BodyPublishers.ofString(body)));
        Response patch = api.send(api.request("/api/v1/mailboxes/mbx_01KKTXZ98J3ZD5KEC1M9VP2THY", key)
                .header("Content-Type", "text/plain").method("PATCH", HttpRequest.BodyPublishers.ofString("{}")));

        for (Response r : List.of(plain, form, latin, untyped, patch)) {
            assertProblem(r, 415, "unsupported_media_type", null);
        }
        assertThat(api.get("/api/v1/mailboxes", key).json().get("data")).isEmpty();
    }

    @Test
    void jsonWithAnExplicitUtf8CharsetIsAccepted() {
        String key = api.keyOfNewWorkspace(Mode.LIVE, false);

        Response r = api.send(api.request("/api/v1/mailboxes", key)
                .header("Content-Type", "application/json; charset=UTF-8")
                .POST(HttpRequest.BodyPublishers.ofString("{\"email\":\"u@example.com\",\"provider\":\"google\",\"displayName\":\"Zoë\"}",
                        StandardCharsets.UTF_8)));

        assertThat(r.status()).isEqualTo(201);
        assertThat(r.json().get("displayName").asText()).isEqualTo("Zoë");
    }

    @Test
    void bodyDeclaredOverOneMebibyteIsRefusedBeforeItIsRead() {
        String key = api.keyOfNewWorkspace(Mode.LIVE, false);

        Response r = api.send(api.request("/api/v1/mailboxes", key).expectContinue(true)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(jsonOfSize(MIB + 1))));

        assertProblem(r, 413, "payload_too_large", null);
        assertThat(api.get("/api/v1/mailboxes", key).json().get("data")).isEmpty();
    }

    @Test
    void chunkedBodyOverOneMebibyteIsRefused() {
        String key = api.keyOfNewWorkspace(Mode.LIVE, false);
        byte[] body = jsonOfSize(MIB + 100);

        Response r = api.send(api.request("/api/v1/mailboxes", key)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))));

        assertProblem(r, 413, "payload_too_large", null);
        assertThat(api.get("/api/v1/mailboxes", key).json().get("data")).isEmpty();
    }

    @Test
    void bodyOfExactlyOneMebibyteIsRead() {
        String key = api.keyOfNewWorkspace(Mode.LIVE, false);

        Response r = api.send(api.request("/api/v1/mailboxes", key)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(jsonOfSize(MIB))));

        assertProblem(r, 422, "invalid_display_name", "displayName");
    }

    @Test
    void unexpectedFailureIsAnInternalErrorThatShowsNothingOfTheServer() {
        RestApi.UseCases failing = withWorkspace(api.useCases, caller -> {
            throw new IllegalStateException("connection to db-primary:3306 refused for user warmy");
        });
        try (RestServer server = RestApi.start(0, failing, api.clock)) {
            Response r = api.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/api/v1/workspace"))
                    .header("Authorization", "Bearer " + api.liveAdminKey).GET());

            JsonNode p = assertProblem(r, 500, "internal_error", null);
            assertThat(r.body()).doesNotContain("db-primary", "IllegalStateException", "at io.");
            assertThat(p.get("detail").asText()).doesNotContain("3306");
        }
    }

    @Test
    void theApiRegisteredBesideOtherRoutesGivesThemRequestIdsProblemsAndTheBodyLimit() {
        RestApi restApi = new RestApi(api.useCases, api.clock);
        WebServer server = WebServer.builder().port(0)
                .routing(routing -> {
                    restApi.register(routing);
                    routing.get("/health", (req, res) -> res.send("up"));
                })
                .build().start();
        try {
            String base = "http://127.0.0.1:" + server.port();
            byte[] chunked = jsonOfSize(MIB + 100);
            Response health = api.send(HttpRequest.newBuilder(URI.create(base + "/health")).GET());
            Response missing = api.send(HttpRequest.newBuilder(URI.create(base + "/metrics")).GET());
            Response declaredTooLarge = api.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/mailboxes"))
                    .expectContinue(true)
                    .header("Authorization", "Bearer " + api.liveAdminKey)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(jsonOfSize(2 * MIB))));
            Response chunkedTooLarge = api.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/mailboxes"))
                    .header("Authorization", "Bearer " + api.liveAdminKey)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(chunked))));
            Response workspace = api.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/workspace"))
                    .header("Authorization", "Bearer " + api.liveAdminKey).GET());

            assertThat(health.status()).isEqualTo(200);
            assertThat(health.header("X-Request-Id")).isNotBlank();
            assertProblem(missing, 404, "route_not_found", null);
            assertProblem(declaredTooLarge, 413, "payload_too_large", null);
            assertProblem(chunkedTooLarge, 413, "payload_too_large", null);
            assertThat(workspace.status()).isEqualTo(200);
        } finally {
            server.stop();
        }
    }

    /** A connect body of exactly {@code size} bytes, padded with a display name longer than any allowed. */
    private static byte[] jsonOfSize(int size) {
        String head = "{\"email\":\"big@example.com\",\"provider\":\"google\",\"displayName\":\"";
        String tail = "\"}";
        char[] pad = new char[size - head.length() - tail.length()];
        Arrays.fill(pad, 'x');
        return (head + new String(pad) + tail).getBytes(StandardCharsets.US_ASCII);
    }

    private static RestApi.UseCases withWorkspace(RestApi.UseCases u, GetWorkspace getWorkspace) {
        return new RestApi.UseCases(u.authenticateApiKey(), getWorkspace, u.createApiKey(), u.listApiKeys(),
                u.revokeApiKey(), u.connectMailbox(), u.getMailbox(), u.listMailboxes(), u.updateMailbox(),
                u.disconnectMailbox(), u.getWarmupStatus(), u.pauseWarmup(), u.resumeWarmup(), u.updateWarmupSettings(),
                u.listEvents(), u.getEvent(), u.suppressAddress(), u.listSuppressions(), u.removeSuppression(),
                u.manageSendingLimits(), u.manageWebhooks(), u.manageDeliveries(), u.getStats(), u.getHealth(),
                u.followLinks(), u.triggerSandboxEvent(), u.admitRequest(), u.rememberResponses());
    }
}
