package io.warmy.adapters.rest;

import io.warmy.adapters.rest.ApiFixture.Response;
import io.warmy.domain.tenancy.Mode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.warmy.adapters.rest.ApiFixture.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/** {@code Idempotency-Key} on POST: a retry gets the first answer, and the work is done once. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IdempotencyTest {

    private static final String CONNECT = "{\"email\":\"anna@acme.example\",\"provider\":\"google\"}";

    private final ApiFixture api = new ApiFixture();

    @AfterAll
    void stop() {
        api.close();
    }

    private Response post(String path, String key, String idempotencyKey, String json) {
        return api.send(api.request(path, key).header("Content-Type", "application/json")
                .header("Idempotency-Key", idempotencyKey).POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    private int mailboxCount(String key) {
        return api.get("/api/v1/mailboxes", key).json().get("data").size();
    }

    @Test
    void aRetryReplaysTheFirstResponseWithoutDoingTheWorkAgain() {
        String key = api.keyOfNewWorkspace(Mode.LIVE, false);
        Response first = post("/api/v1/mailboxes", key, "connect-anna", CONNECT);
        assertThat(first.status()).isEqualTo(201);
        assertThat(first.header("Idempotent-Replayed")).isNull();

        Response retry = post("/api/v1/mailboxes", key, "connect-anna", CONNECT);
        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.body()).isEqualTo(first.body());
        assertThat(retry.header("Location")).isEqualTo(first.header("Location"));
        assertThat(retry.contentType()).isEqualTo(first.contentType());
        assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(retry.header("Original-Request")).isEqualTo(first.header("X-Request-Id"));
        assertThat(retry.header("X-Request-Id")).isNotEqualTo(first.header("X-Request-Id"));
        assertThat(retry.header("X-RateLimit-Limit")).isEqualTo("1000");
        assertThat(mailboxCount(key)).isEqualTo(1);
        // Only one mailbox.connected event was made.
        assertThat(api.get("/api/v1/events?type=mailbox.connected", key).json().get("data").size()).isEqualTo(1);
    }

    @Test
    void theSameKeyWithAnotherBodyOrRouteIsA422AndChangesNothing() {
        String key = api.keyOfNewWorkspace(Mode.LIVE, false);
        assertThat(post("/api/v1/mailboxes", key, "k-1", CONNECT).status()).isEqualTo(201);
        assertProblem(post("/api/v1/mailboxes", key, "k-1", "{\"email\":\"bob@acme.example\",\"provider\":\"google\"}"),
                422, "idempotency_key_reused", "Idempotency-Key");
        assertProblem(post("/api/v1/suppressions", key, "k-1", "{\"email\":\"bob@acme.example\"}"),
                422, "idempotency_key_reused", "Idempotency-Key");
        assertThat(mailboxCount(key)).isEqualTo(1);
        assertThat(api.get("/api/v1/suppressions", key).json().get("data").size()).isZero();
    }

    @Test
    void keysBelongToTheirWorkspaceAndMode() {
        String live = api.keyOfNewWorkspace(Mode.LIVE, false);
        String sandbox = api.keyOfSameWorkspace(live, Mode.SANDBOX, false);
        String otherWorkspace = api.keyOfNewWorkspace(Mode.LIVE, false);
        for (String key : List.of(live, sandbox, otherWorkspace)) {
            Response r = post("/api/v1/mailboxes", key, "shared-key", CONNECT);
            assertThat(r.status()).isEqualTo(201);
            assertThat(r.header("Idempotent-Replayed")).isNull();
        }
    }

    @Test
    void anAnswerWorthKeepingIsKeptEvenWhenItIsAnError() {
        String key = api.keyOfNewWorkspace(Mode.LIVE, false);
        Response invalid = post("/api/v1/mailboxes", key, "bad-1", "{\"email\":\"not an address\",\"provider\":\"google\"}");
        assertThat(invalid.status()).isEqualTo(422);
        Response retry = post("/api/v1/mailboxes", key, "bad-1", "{\"email\":\"not an address\",\"provider\":\"google\"}");
        assertThat(retry.status()).isEqualTo(422);
        assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(retry.contentType()).startsWith("application/problem+json");
        assertThat(retry.json().get("code").asText()).isEqualTo(invalid.json().get("code").asText());
    }

    @Test
    void aMalformedKeyIsA400AndDoesNothing() {
        String key = api.keyOfNewWorkspace(Mode.LIVE, false);
        assertProblem(post("/api/v1/mailboxes", key, "k".repeat(256), CONNECT), 400, "invalid_idempotency_key",
                "Idempotency-Key");
        assertThat(mailboxCount(key)).isZero();
    }

    @Test
    void otherMethodsIgnoreTheHeader() {
        String key = api.keyOfNewWorkspace(Mode.LIVE, false);
        for (int i = 0; i < 2; i++) {
            Response r = api.send(api.request("/api/v1/mailboxes", key).header("Idempotency-Key", "list"));
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.header("Idempotent-Replayed")).isNull();
        }
    }

    @Test
    void concurrentRequestsWithOneKeyDoTheWorkOnceAndAllGetItsAnswer() throws Exception {
        String key = api.keyOfNewWorkspace(Mode.LIVE, false);
        int n = 12;
        ExecutorService pool = Executors.newFixedThreadPool(n);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Response>> answers = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return post("/api/v1/webhooks", key, "create-hook",
                            "{\"url\":\"https://hooks.example/warmy\",\"events\":[\"*\"]}");
                }));
            }
            start.countDown();
            Set<String> bodies = ConcurrentHashMap.newKeySet();
            int replayed = 0;
            for (Future<Response> f : answers) {
                Response r = f.get();
                assertThat(r.status()).isEqualTo(201);
                bodies.add(r.body());
                replayed += "true".equals(r.header("Idempotent-Replayed")) ? 1 : 0;
            }
            assertThat(bodies).hasSize(1);
            assertThat(replayed).isEqualTo(n - 1);
            assertThat(api.get("/api/v1/webhooks", key).json().get("data").size()).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }
}
