package io.warmy.adapters.rest;

import com.fasterxml.jackson.databind.JsonNode;
import io.warmy.adapters.rest.ApiFixture.Response;
import io.warmy.application.warmup.port.in.ReportWarmup;
import io.warmy.domain.health.AuthResult;
import io.warmy.domain.health.Authentication;
import io.warmy.domain.tenancy.Mode;
import io.warmy.domain.tenancy.Tenant;
import io.warmy.domain.warmup.Placement;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static io.warmy.adapters.rest.ApiFixture.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/** Health routes: the score, its band and its factors as HealthScore computes them. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HealthRoutesTest {

    private static final Authentication ALL_PASS = new Authentication(AuthResult.PASS, AuthResult.PASS, AuthResult.PASS);

    private final ApiFixture api = new ApiFixture();
    private final ReportWarmup reports = api.services.warmupReports();

    @AfterAll
    void stop() {
        api.close();
    }

    @Test
    void aNewMailboxHasNoScoreYetButShowsTheFiveFactors() {
        String key = api.keyOfNewWorkspace(Mode.LIVE, false);
        String id = api.connectMailbox(key, "new@example.com", "google");
        Instant before = api.clock.now();

        Response r = api.get("/api/v1/mailboxes/" + id + "/health", key);

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.contentType()).isEqualTo("application/json");
        JsonNode h = r.json();
        assertThat(h.get("mailboxId").asText()).isEqualTo(id);
        assertThat(h.has("score")).isTrue();
        assertThat(h.get("score").isNull()).isTrue();
        assertThat(h.get("status").asText()).isEqualTo("insufficient_data");
        assertThat(names(h)).containsExactly("placement", "spam", "bounces", "complaints", "authentication");
        assertThat(weights(h)).containsExactly(40, 20, 15, 10, 15);
        assertThat(factor(h, "placement").get("value").asDouble()).isZero();
        assertThat(factor(h, "authentication").get("value").asDouble()).isZero();
        Instant computedAt = Instant.parse(h.get("computedAt").asText());
        assertThat(computedAt).isBetween(before.minusMillis(1), api.clock.now());
    }

    @Test
    void enoughPlacementsMostlyInTheInboxWithAuthenticationPassingScoreExcellent() {
        String key = api.keyOfNewWorkspace(Mode.LIVE, false);
        String id = api.connectMailbox(key, "healthy@example.com", "google");
        Tenant tenant = api.tenantOf(key);
        Instant now = api.clock.now();
        for (int i = 0; i < 20; i++) {
            String message = "h" + i;
            reports.sent(new ReportWarmup.Send(tenant, id, message, now));
            reports.placed(new ReportWarmup.Placed(tenant, id, message, i == 0 ? Placement.SPAM : Placement.INBOX, now,
                    Optional.of(ALL_PASS), false));
        }

        JsonNode h = api.get("/api/v1/mailboxes/" + id + "/health", key).json();

        // placement 0.95 × 40 + spam (1 − 5 % / 20 %) × 20 + bounces 15 + complaints 10 + authentication 15
        assertThat(h.get("score").asInt()).isEqualTo(93);
        assertThat(h.get("status").asText()).isEqualTo("excellent");
        assertThat(factor(h, "placement").get("value").asDouble()).isEqualTo(0.95);
        assertThat(factor(h, "placement").get("contribution").asDouble()).isEqualTo(38.0);
        assertThat(factor(h, "spam").get("value").asDouble()).isEqualTo(0.75);
        assertThat(factor(h, "spam").get("contribution").asDouble()).isEqualTo(15.0);
        assertThat(factor(h, "authentication").get("value").asDouble()).isEqualTo(1.0);
        assertThat(factor(h, "authentication").get("contribution").asDouble()).isEqualTo(15.0);
    }

    @Test
    void healthOfAnotherTenantsOrAMalformedMailboxIsRefused() {
        String owner = api.keyOfNewWorkspace(Mode.LIVE, false);
        String id = api.connectMailbox(owner, "mine@example.com", "google");

        assertProblem(api.get("/api/v1/mailboxes/" + id + "/health", api.keyOfNewWorkspace(Mode.LIVE, false)), 404,
                "mailbox_not_found", null);
        assertProblem(api.get("/api/v1/mailboxes/mbx_01KKTXZ98J3ZD5KEC1M9VP2THY/health", owner), 404,
                "mailbox_not_found", null);
        assertProblem(api.get("/api/v1/mailboxes/x/health", owner), 400, "malformed_mailbox_id", "mailboxId");
    }

    @Test
    void healthTakesOnlyGetAndNoParameters() {
        String key = api.keyOfNewWorkspace(Mode.LIVE, false);
        String id = api.connectMailbox(key, "get@example.com", "google");

        Response r = api.delete("/api/v1/mailboxes/" + id + "/health", key);

        assertProblem(r, 405, "method_not_allowed", null);
        assertThat(r.header("Allow")).isEqualTo("GET");
        assertProblem(api.get("/api/v1/mailboxes/" + id + "/health?window=7", key), 400, "unknown_parameter", "window");
    }

    private static JsonNode factor(JsonNode health, String name) {
        for (JsonNode f : health.get("factors")) {
            if (f.get("name").asText().equals(name)) {
                return f;
            }
        }
        throw new AssertionError("No factor " + name + " in " + health);
    }

    private static List<String> names(JsonNode health) {
        List<String> names = new ArrayList<>();
        health.get("factors").forEach(f -> names.add(f.get("name").asText()));
        return names;
    }

    private static List<Integer> weights(JsonNode health) {
        List<Integer> weights = new ArrayList<>();
        health.get("factors").forEach(f -> weights.add(f.get("weight").asInt()));
        return weights;
    }
}
