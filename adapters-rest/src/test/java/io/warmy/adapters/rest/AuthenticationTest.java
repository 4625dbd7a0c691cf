package io.warmy.adapters.rest;

import io.warmy.adapters.rest.ApiFixture.Response;
import io.warmy.domain.tenancy.Mode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.List;

import static io.warmy.adapters.rest.ApiFixture.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/** The bearer-key gate in front of every API route, and the workspace a key answers for. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthenticationTest {

    private final ApiFixture api = new ApiFixture();

    @AfterAll
    void stop() {
        api.close();
    }

    @Test
    void requestWithoutKeyIsRefusedWithABearerChallenge() {
        Response r = api.get("/api/v1/workspace", null);

        assertProblem(r, 401, "missing_api_key", null);
        assertThat(r.header("WWW-Authenticate")).startsWith("Bearer");
    }

    @Test
    void everyApiRouteNeedsAKey() {
        String someId = "mbx_01KKTXZ98J3ZD5KEC1M9VP2THY";
        List<Response> answers = List.of(
                api.get("/api/v1/workspace", null),
                api.get("/api/v1/api-keys", null),
                api.post("/api/v1/api-keys", null, "{\"name\":\"x\"}"),
                api.delete("/api/v1/api-keys/key_01KKTXZ98J3ZD5KEC1M9VP2THY", null),
                api.get("/api/v1/mailboxes", null),
                api.post("/api/v1/mailboxes", null, "{\"email\":\"a@example.com\",\"provider\":\"google\"}"),
                api.get("/api/v1/mailboxes/" + someId, null),
                api.patch("/api/v1/mailboxes/" + someId, null, "{}"),
                api.delete("/api/v1/mailboxes/" + someId, null),
                api.get("/api/v1/mailboxes/" + someId + "/warmup", null),
                api.patch("/api/v1/mailboxes/" + someId + "/warmup", null, "{}"),
                api.postEmpty("/api/v1/mailboxes/" + someId + "/warmup/pause", null),
                api.postEmpty("/api/v1/mailboxes/" + someId + "/warmup/resume", null),
                api.get("/api/v1/no-such-route", null));

        assertThat(answers).allSatisfy(r -> assertProblem(r, 401, "missing_api_key", null));
    }

    @Test
    void unknownKeyIsRefused() {
        Response r = api.get("/api/v1/workspace", "wk_live_" + "A".repeat(32));

        assertProblem(r, 401, "invalid_api_key", null);
        assertThat(r.header("WWW-Authenticate")).startsWith("Bearer");
    }

    @Test
    void malformedKeyIsRefused() {
        assertProblem(api.get("/api/v1/workspace", "not-a-key"), 401, "invalid_api_key", null);
    }

    @Test
    void otherAuthorizationSchemesAreRefused() {
        Response r = api.send(api.request("/api/v1/workspace", null).header("Authorization", "Basic dXNlcjpwYXNz").GET());

        assertProblem(r, 401, "invalid_authorization", null);
    }

    @Test
    void bearerSchemeIsCaseInsensitive() {
        Response r = api.send(api.request("/api/v1/workspace", null)
                .header("Authorization", "bearer " + api.liveAdminKey).GET());

        assertThat(r.status()).isEqualTo(200);
    }

    @Test
    void revokedKeyIsRefusedWithinFiveSeconds() throws InterruptedException {
        String key = api.keyOfDefaultWorkspace(Mode.LIVE, false);
        assertThat(api.get("/api/v1/workspace", key).status()).isEqualTo(200);
        String id = api.get("/api/v1/api-keys?limit=1", api.liveAdminKey).json().get("data").get(0).get("id").asText();

        assertThat(api.delete("/api/v1/api-keys/" + id, api.liveAdminKey).status()).isEqualTo(200);

        long deadline = System.nanoTime() + 5_000_000_000L;
        Response r = api.get("/api/v1/workspace", key);
        while (r.status() == 200 && System.nanoTime() < deadline) {
            Thread.sleep(50);
            r = api.get("/api/v1/workspace", key);
        }
        assertProblem(r, 401, "api_key_revoked", null);
    }

    @Test
    void workspaceAnswersTheCallingKeysWorkspaceAndMode() {
        Response live = api.get("/api/v1/workspace", api.liveAdminKey);
        Response sandbox = api.get("/api/v1/workspace", api.sandboxAdminKey);

        assertThat(live.status()).isEqualTo(200);
        assertThat(live.contentType()).isEqualTo("application/json");
        assertThat(live.json().get("id").asText()).startsWith("ws_");
        assertThat(live.json().get("name").asText()).isEqualTo("default");
        assertThat(live.json().get("mode").asText()).isEqualTo("live");
        assertThat(sandbox.json().get("id")).isEqualTo(live.json().get("id"));
        assertThat(sandbox.json().get("mode").asText()).isEqualTo("sandbox");
    }

    @Test
    void keysOfAnotherWorkspaceAnswerThatWorkspace() {
        String other = api.keyOfNewWorkspace(Mode.LIVE, false);

        Response r = api.get("/api/v1/workspace", other);

        assertThat(r.json().get("id")).isNotEqualTo(api.get("/api/v1/workspace", api.liveAdminKey).json().get("id"));
        assertThat(r.json().get("name").asText()).startsWith("workspace-");
    }
}
