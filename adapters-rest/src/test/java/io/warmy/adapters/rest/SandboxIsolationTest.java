package io.warmy.adapters.rest;

import io.warmy.adapters.rest.ApiFixture.Response;
import io.warmy.domain.tenancy.Mode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Live and sandbox data of one workspace never meet: every route that names a resource answers
 * 404 to a key of the other mode, every list leaves it out, and nothing the other mode tries
 * changes it. Run in both directions.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SandboxIsolationTest {

    private final ApiFixture api = new ApiFixture();

    @AfterAll
    void stop() {
        api.close();
    }

    private record Owned(String mailbox, String webhook, String delivery, String event, String suppressed) {
    }

    @ParameterizedTest
    @EnumSource(Mode.class)
    void theOtherModeOfTheSameWorkspaceSeesAndChangesNothing(Mode ownerMode) {
        String owner = api.keyOfNewWorkspace(ownerMode, true);
        String other = api.keyOfSameWorkspace(owner, ownerMode == Mode.LIVE ? Mode.SANDBOX : Mode.LIVE, true);
        Owned owned = createEverything(owner);

        String m = "/api/v1/mailboxes/" + owned.mailbox();
        String w = "/api/v1/webhooks/" + owned.webhook();
        List<Response> byId = List.of(
                api.get(m, other),
                api.patch(m, other, "{\"displayName\":\"taken\"}"),
                api.delete(m, other),
                api.get(m + "/warmup", other),
                api.patch(m + "/warmup", other, "{\"dailyTarget\":10}"),
                api.postEmpty(m + "/warmup/pause", other),
                api.postEmpty(m + "/warmup/resume", other),
                api.get(m + "/stats", other),
                api.get(m + "/health", other),
                api.get("/api/v1/events/" + owned.event(), other),
                api.get(w, other),
                api.patch(w, other, "{\"enabled\":false}"),
                api.postEmpty(w + "/test", other),
                api.postEmpty(w + "/rotate-secret", other),
                api.get(w + "/deliveries", other),
                api.postEmpty(w + "/deliveries/" + owned.delivery() + "/retry", other),
                api.post(w + "/recover", other, "{\"since\":\"2026-03-01T00:00:00Z\"}"),
                api.delete(w, other),
                api.delete("/api/v1/suppressions/" + owned.suppressed(), other));
        for (Response r : byId) {
            assertThat(r.status()).as(r.toString()).isEqualTo(404);
        }

        assertThat(api.get("/api/v1/mailboxes", other).json().get("data")).isEmpty();
        assertThat(api.get("/api/v1/webhooks", other).json().get("data")).isEmpty();
        assertThat(api.get("/api/v1/suppressions", other).json().get("data")).isEmpty();
        assertThat(api.get("/api/v1/events", other).json().get("data")).isEmpty();

        // The owner's data is as it was.
        Response mailbox = api.get(m, owner);
        assertThat(mailbox.json().get("displayName").asText()).isEqualTo("Anna");
        assertThat(mailbox.json().get("status").asText()).isEqualTo("connected");
        assertThat(api.get(m + "/warmup", owner).json().get("status").asText()).isEqualTo("active");
        assertThat(api.get(w, owner).json().get("enabled").asBoolean()).isTrue();
        assertThat(api.get("/api/v1/suppressions", owner).json().get("data")).hasSize(1);
        assertThat(api.get("/api/v1/events/" + owned.event(), owner).status()).isEqualTo(200);
    }

    private Owned createEverything(String key) {
        String mailbox = api.post("/api/v1/mailboxes", key,
                "{\"email\":\"anna@acme.example\",\"provider\":\"google\",\"displayName\":\"Anna\"}").json().get("id").asText();
        String webhook = api.post("/api/v1/webhooks", key, "{\"url\":\"https://hooks.example/w\",\"events\":[\"*\"]}")
                .json().get("id").asText();
        assertThat(api.postEmpty("/api/v1/webhooks/" + webhook + "/test", key).status()).isEqualTo(202);
        String delivery = api.get("/api/v1/webhooks/" + webhook + "/deliveries", key).json().get("data").get(0)
                .get("id").asText();
        String event = api.get("/api/v1/events", key).json().get("data").get(0).get("id").asText();
        assertThat(api.post("/api/v1/suppressions", key, "{\"email\":\"gone@prospect.example\"}").status()).isEqualTo(201);
        return new Owned(mailbox, webhook, delivery, event, "gone@prospect.example");
    }
}
