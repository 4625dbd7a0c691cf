package io.warmy.adapters.rest;

import io.warmy.domain.tenancy.Mode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static io.warmy.adapters.rest.ApiFixture.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code POST /sandbox/events} over a real socket: every type, the dedup rule, sandbox keys only. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SandboxRoutesTest {

    private ApiFixture api;

    @BeforeAll
    void start() {
        api = new ApiFixture();
    }

    @AfterAll
    void stop() {
        api.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"mailbox.connected", "mailbox.disconnected", "warmup.health_changed", "warmup.milestone",
            "reply.received", "email.bounced", "email.unsubscribed", "email.opened", "email.clicked",
            "prospect.suppressed", "limit.hit", "webhook.test"})
    void aSandboxKeyMakesARealisticEventOfEveryTypeThatEventsThenLists(String type) {
        String key = api.keyOfNewWorkspace(Mode.SANDBOX, false);
        ApiFixture.Response r = api.post("/api/v1/sandbox/events", key, "{\"type\":\"" + type + "\"}");
        assertThat(r.status()).as("%s", r).isEqualTo(201);
        assertThat(r.json().get("type").asText()).isEqualTo(type);
        assertThat(r.json().get("duplicate").asBoolean()).isFalse();
        assertThat(r.json().get("data").size()).isPositive();
        String id = r.json().get("id").asText();
        assertThat(api.get("/api/v1/events/" + id, key).json().get("type").asText()).isEqualTo(type);
    }

    @Test
    void theRealDedupRuleAppliesAndGivenFieldsAreUsed() {
        String key = api.keyOfNewWorkspace(Mode.SANDBOX, false);
        String body = "{\"type\":\"email.clicked\",\"data\":{\"url\":\"https://acme.example/a\",\"stepIndex\":2}}";
        ApiFixture.Response first = api.post("/api/v1/sandbox/events", key, body);
        ApiFixture.Response again = api.post("/api/v1/sandbox/events", key, body);
        assertThat(first.status()).isEqualTo(201);
        assertThat(first.json().get("data").get("url").asText()).isEqualTo("https://acme.example/a");
        assertThat(first.json().get("data").get("stepIndex").asInt()).isEqualTo(2);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().get("duplicate").asBoolean()).isTrue();
        assertThat(again.json().get("id").asText()).isEqualTo(first.json().get("id").asText());
        ApiFixture.Response other = api.post("/api/v1/sandbox/events", key,
                "{\"type\":\"email.clicked\",\"data\":{\"url\":\"https://acme.example/b\"}}");
        assertThat(other.status()).isEqualTo(201);
    }

    @Test
    void aLiveKeyIsRefusedAndMakesNothing() {
        String live = api.keyOfNewWorkspace(Mode.LIVE, true);
        assertProblem(api.post("/api/v1/sandbox/events", live, "{\"type\":\"email.opened\"}"), 403,
                "sandbox_key_required", null);
        assertThat(api.get("/api/v1/events?type=email.opened", live).json().get("data").size()).isZero();
    }

    @Test
    void badInputIsRefusedNamingTheField() {
        String key = api.keyOfNewWorkspace(Mode.SANDBOX, false);
        assertProblem(api.post("/api/v1/sandbox/events", key, "{\"type\":\"email.nope\"}"), 422, "invalid_type", "type");
        assertProblem(api.post("/api/v1/sandbox/events", key, "{}"), 422, "invalid_type", "type");
        assertProblem(api.post("/api/v1/sandbox/events", key,
                "{\"type\":\"email.opened\",\"data\":{\"colour\":\"red\"}}"), 422, "invalid_data", "data");
        assertProblem(api.post("/api/v1/sandbox/events", key,
                "{\"type\":\"email.clicked\",\"data\":{\"url\":\"ftp://x\"}}"), 422, "invalid_data_url", "data.url");
        assertProblem(api.post("/api/v1/sandbox/events", key,
                "{\"type\":\"email.opened\",\"extra\":1}"), 422, "unknown_field", "extra");
        assertThat(api.get("/api/v1/events", key).json().get("data").size()).isZero();
    }
}
