package io.warmy.adapters.rest;

import com.fasterxml.jackson.databind.JsonNode;
import io.warmy.adapters.rest.ApiFixture.Response;
import io.warmy.domain.tenancy.Mode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;


import static io.warmy.adapters.rest.ApiFixture.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/** The hourly limit of each API key and its headers, on one node (the cluster is tested end to end in app). */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RateLimitTest {

    private final ApiFixture api = new ApiFixture();

    @AfterAll
    void stop() {
        api.close();
    }

    @Test
    void theThousandAndFirstRequestInAnHourIsA429WithHeadersThatSayWhen() {
        String key = api.keyOfNewWorkspace(Mode.LIVE, false);
        for (int i = 1; i <= 1000; i++) {
            Response ok = api.get("/api/v1/workspace", key);
            assertThat(ok.status()).as("request %d", i).isEqualTo(200);
            assertThat(ok.header("X-RateLimit-Limit")).isEqualTo("1000");
            assertThat(ok.header("X-RateLimit-Remaining")).isEqualTo(Integer.toString(1000 - i));
        }
        long now = api.clock.now().getEpochSecond();
        Response refused = api.get("/api/v1/workspace", key);
        JsonNode problem = assertProblem(refused, 429, "rate_limited", null);
        assertThat(problem.get("detail").asText()).contains("limit of 1000");
        assertThat(refused.header("X-RateLimit-Limit")).isEqualTo("1000");
        assertThat(refused.header("X-RateLimit-Remaining")).isEqualTo("0");
        long retryAfter = Long.parseLong(refused.header("Retry-After"));
        // The first requests were made moments ago: one is free again about an hour after them.
        assertThat(retryAfter).isBetween(3500L, 3600L);
        long reset = Long.parseLong(refused.header("X-RateLimit-Reset"));
        assertThat(reset).isBetween(now + 3500, now + 3601);
        assertThat(refused.header("X-Request-Id")).isNotBlank();
        // Still refused, whatever the route; another key of the same workspace has its own hour.
        assertProblem(api.get("/api/v1/mailboxes", key), 429, "rate_limited", null);
        assertThat(api.get("/api/v1/workspace", api.keyOfSameWorkspace(key, Mode.LIVE, false)).status()).isEqualTo(200);
    }

    @Test
    void everyAuthenticatedAnswerCarriesTheHeadersErrorsIncludedButNotA401() {
        String key = api.keyOfNewWorkspace(Mode.LIVE, false);
        Response notFound = api.get("/api/v1/mailboxes/mbx_01KAT5QW3M7S1Z8XJ9VDQ4B2NC", key);
        assertThat(notFound.status()).isEqualTo(404);
        assertThat(notFound.header("X-RateLimit-Limit")).isEqualTo("1000");
        assertThat(notFound.header("X-RateLimit-Remaining")).isEqualTo("999");
        Response invalid = api.post("/api/v1/mailboxes", key, "{\"email\":\"nope\"}");
        assertThat(invalid.status()).isEqualTo(422);
        assertThat(invalid.header("X-RateLimit-Remaining")).isEqualTo("998");
        assertThat(Long.parseLong(invalid.header("X-RateLimit-Reset")))
                .isGreaterThanOrEqualTo(api.clock.now().getEpochSecond() + 3599);
        Response unauthenticated = api.get("/api/v1/workspace", "wk_live_" + "x".repeat(32));
        assertThat(unauthenticated.status()).isEqualTo(401);
        assertThat(unauthenticated.header("X-RateLimit-Limit")).isNull();
    }

    @Test
    void aKeyCanBeMadeWithALimitOfItsOwn() {
        String admin = api.keyOfNewWorkspace(Mode.LIVE, true);
        Response created = api.post("/api/v1/api-keys", admin, "{\"name\":\"nightly export\",\"rateLimitPerHour\":3}");
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().get("rateLimitPerHour").asInt()).isEqualTo(3);
        String key = created.json().get("key").asText();
        for (int i = 0; i < 3; i++) {
            Response ok = api.get("/api/v1/workspace", key);
            assertThat(ok.status()).isEqualTo(200);
            assertThat(ok.header("X-RateLimit-Limit")).isEqualTo("3");
        }
        assertProblem(api.get("/api/v1/workspace", key), 429, "rate_limited", null);
        Response listed = api.get("/api/v1/api-keys", admin);
        assertThat(listed.json().get("data").findValuesAsText("rateLimitPerHour")).contains("3", "1000");
    }

    @Test
    void aLimitOutOfRangeIsA422NamingTheFieldAndMakesNoKey() {
        String admin = api.keyOfNewWorkspace(Mode.LIVE, true);
        assertProblem(api.post("/api/v1/api-keys", admin, "{\"name\":\"x\",\"rateLimitPerHour\":0}"), 422,
                "invalid_rate_limit_per_hour", "rateLimitPerHour");
        assertProblem(api.post("/api/v1/api-keys", admin, "{\"name\":\"x\",\"rateLimitPerHour\":1000001}"), 422,
                "invalid_rate_limit_per_hour", "rateLimitPerHour");
        assertProblem(api.post("/api/v1/api-keys", admin, "{\"name\":\"x\",\"rateLimitPerHour\":\"many\"}"), 422,
                "invalid_rate_limit_per_hour", "rateLimitPerHour");
        assertThat(api.get("/api/v1/api-keys", admin).json().get("data").size()).isEqualTo(1);
    }
}
