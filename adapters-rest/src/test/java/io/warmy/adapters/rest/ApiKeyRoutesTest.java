package io.warmy.adapters.rest;

import com.fasterxml.jackson.databind.JsonNode;
import io.warmy.adapters.rest.ApiFixture.Response;
import io.warmy.domain.tenancy.Mode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.ArrayList;
import java.util.List;

import static io.warmy.adapters.rest.ApiFixture.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/** Creating, listing and revoking API keys over HTTP, and who may do it. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApiKeyRoutesTest {

    private static final String ISO_MILLIS = "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z";

    private final ApiFixture api = new ApiFixture();

    @AfterAll
    void stop() {
        api.close();
    }

    @Test
    void createdKeyIsShownOnceAndNeverListed() {
        String admin = api.keyOfNewWorkspace(Mode.LIVE, true);

        Response created = api.post("/api/v1/api-keys", admin, "{\"name\":\"CI deploys\"}");

        assertThat(created.status()).isEqualTo(201);
        JsonNode k = created.json();
        String secret = k.get("key").asText();
        assertThat(secret).startsWith("wk_live_").hasSize("wk_live_".length() + 32);
        assertThat(k.get("id").asText()).startsWith("key_");
        assertThat(k.get("name").asText()).isEqualTo("CI deploys");
        assertThat(k.get("prefix").asText()).isEqualTo(secret.substring(0, 12));
        assertThat(k.get("mode").asText()).isEqualTo("live");
        assertThat(k.get("admin").asBoolean()).isFalse();
        assertThat(k.get("createdAt").asText()).matches(ISO_MILLIS);
        assertThat(k.get("lastUsedAt").isNull()).isTrue();
        assertThat(k.get("revokedAt").isNull()).isTrue();

        Response list = api.get("/api/v1/api-keys", admin);
        assertThat(list.body()).doesNotContain(secret);
        JsonNode listed = find(list.json().get("data"), k.get("id").asText());
        assertThat(listed.has("key")).isFalse();
        assertThat(listed.get("prefix")).isEqualTo(k.get("prefix"));

        assertThat(api.get("/api/v1/workspace", secret).status()).isEqualTo(200);
    }

    @Test
    void keyIsCreatedInTheModeAsked() {
        String admin = api.keyOfNewWorkspace(Mode.LIVE, true);

        Response r = api.post("/api/v1/api-keys", admin, "{\"name\":\"Tests\",\"mode\":\"sandbox\",\"admin\":true}");

        assertThat(r.status()).isEqualTo(201);
        assertThat(r.json().get("key").asText()).startsWith("wk_test_");
        assertThat(r.json().get("mode").asText()).isEqualTo("sandbox");
        assertThat(r.json().get("admin").asBoolean()).isTrue();
        assertThat(api.get("/api/v1/workspace", r.json().get("key").asText()).json().get("mode").asText())
                .isEqualTo("sandbox");
    }

    @Test
    void sandboxKeyCannotCreateLiveKeys() {
        String sandboxAdmin = api.keyOfNewWorkspace(Mode.SANDBOX, true);

        Response r = api.post("/api/v1/api-keys", sandboxAdmin, "{\"name\":\"Escalate\",\"mode\":\"live\"}");

        assertProblem(r, 403, "sandbox_key_cannot_issue_live_key", null);
    }

    @Test
    void keyWithoutANameOrWithAnUnknownModeIsRefusedNamingTheField() {
        String admin = api.keyOfNewWorkspace(Mode.LIVE, true);

        assertProblem(api.post("/api/v1/api-keys", admin, "{}"), 422, "invalid_name", "name");
        assertProblem(api.post("/api/v1/api-keys", admin, "{\"name\":\"  \"}"), 422, "invalid_name", "name");
        assertProblem(api.post("/api/v1/api-keys", admin, "{\"name\":\"x\",\"mode\":\"prod\"}"), 422, "invalid_mode", "mode");
        assertProblem(api.post("/api/v1/api-keys", admin, "{\"name\":\"x\",\"admin\":\"yes\"}"), 422, "invalid_admin", "admin");
        assertProblem(api.post("/api/v1/api-keys", admin, "{\"name\":\"x\",\"scopes\":[]}"), 422, "unknown_field", "scopes");

        assertThat(api.get("/api/v1/api-keys", admin).json().get("data")).hasSize(1);
    }

    @Test
    void listPagesThroughTheWorkspacesKeysOfBothModes() {
        String admin = api.keyOfNewWorkspace(Mode.LIVE, true);
        api.post("/api/v1/api-keys", admin, "{\"name\":\"second\",\"mode\":\"sandbox\"}");
        api.post("/api/v1/api-keys", admin, "{\"name\":\"third\"}");

        List<String> names = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            Response page = api.get("/api/v1/api-keys?limit=2" + (cursor == null ? "" : "&cursor=" + cursor), admin);
            assertThat(page.status()).isEqualTo(200);
            page.json().get("data").forEach(k -> names.add(k.get("name").asText()));
            cursor = page.json().get("hasMore").asBoolean() ? page.json().get("nextCursor").asText() : null;
            if (cursor == null) {
                assertThat(page.json().get("nextCursor").isNull()).isTrue();
            }
            pages++;
        } while (cursor != null);

        assertThat(pages).isEqualTo(2);
        assertThat(names).containsExactlyInAnyOrder("Test key", "second", "third");
    }

    @Test
    void revokeAnswersTheRevokedKey() {
        String admin = api.keyOfNewWorkspace(Mode.LIVE, true);
        String id = api.post("/api/v1/api-keys", admin, "{\"name\":\"temporary\"}").json().get("id").asText();

        Response r = api.delete("/api/v1/api-keys/" + id, admin);

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.json().get("id").asText()).isEqualTo(id);
        assertThat(r.json().get("revokedAt").asText()).matches(ISO_MILLIS);
        assertThat(r.json().has("key")).isFalse();
        assertThat(find(api.get("/api/v1/api-keys", admin).json().get("data"), id).get("revokedAt").isNull()).isFalse();
    }

    @Test
    void revokingAnUnknownOrForeignKeyIsNotFoundAndAMalformedIdIsBadRequest() {
        String admin = api.keyOfNewWorkspace(Mode.LIVE, true);
        String foreign = api.get("/api/v1/api-keys?limit=1", api.liveAdminKey).json().get("data").get(0).get("id").asText();

        assertProblem(api.delete("/api/v1/api-keys/key_01KKTXZ98J3ZD5KEC1M9VP2THY", admin), 404, "api_key_not_found", null);
        assertProblem(api.delete("/api/v1/api-keys/" + foreign, admin), 404, "api_key_not_found", null);
        assertProblem(api.delete("/api/v1/api-keys/nope", admin), 400, "malformed_id", "id");
        assertThat(find(api.get("/api/v1/api-keys", api.liveAdminKey).json().get("data"), foreign).get("revokedAt").isNull())
                .isTrue();
    }

    @Test
    void keysThatAreNotAdminCannotManageKeys() {
        String admin = api.keyOfNewWorkspace(Mode.LIVE, true);
        String adminKeyId = api.get("/api/v1/api-keys", admin).json().get("data").get(0).get("id").asText();
        String plain = api.post("/api/v1/api-keys", admin, "{\"name\":\"plain\"}").json().get("key").asText();

        assertProblem(api.get("/api/v1/api-keys", plain), 403, "admin_key_required", null);
        assertProblem(api.post("/api/v1/api-keys", plain, "{\"name\":\"mine\"}"), 403, "admin_key_required", null);
        assertProblem(api.delete("/api/v1/api-keys/" + adminKeyId, plain), 403, "admin_key_required", null);
        assertThat(api.get("/api/v1/workspace", admin).status()).isEqualTo(200);
    }

    @Test
    void badPageParametersAreRefusedNamingTheParameter() {
        assertProblem(api.get("/api/v1/api-keys?limit=0", api.liveAdminKey), 400, "malformed_limit", "limit");
        assertProblem(api.get("/api/v1/api-keys?limit=lots", api.liveAdminKey), 400, "malformed_limit", "limit");
        assertProblem(api.get("/api/v1/api-keys?cursor=garbage", api.liveAdminKey), 400, "malformed_cursor", "cursor");
    }

    private static JsonNode find(JsonNode data, String id) {
        for (JsonNode k : data) {
            if (k.get("id").asText().equals(id)) {
                return k;
            }
        }
        throw new AssertionError("no key " + id + " in " + data);
    }
}
