package io.warmy.app;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.warmy.adapters.persistence.DatabaseSettings;
import io.warmy.adapters.persistence.testing.TestDatabases;
import io.warmy.application.common.port.out.Clock;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two server nodes on one MariaDB share each key's hourly limit (together they admit no more than
 * the documented bound, and counting requests costs the database almost nothing) and each
 * Idempotency-Key (requests racing on both nodes with one key do the work once).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TwoNodesOnOneDatabaseTest {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ObjectMapper json = new ObjectMapper();
    private Warmy nodeA;
    private Warmy nodeB;
    private String adminKey;

    @BeforeAll
    void startTwoNodes(@TempDir Path dataDir) {
        DatabaseSettings db = TestDatabases.newMariaDb();
        String url = db.jdbcUrl() + (db.jdbcUrl().contains("?") ? "&" : "?")
                + "queryInterceptors=" + StatementCounter.class.getName();
        WarmyConfig config = new WarmyConfig("127.0.0.1", 0, "127.0.0.1", 0, Optional.empty(), Optional.of(url),
                db.user(), db.password(), 8, dataDir, new WarmyConfig.Webhooks(false, false, false),
                WarmyConfig.Tracking.DEFAULTS);
        nodeA = Warmy.start(config, Clock.system());
        nodeB = Warmy.start(config, Clock.system());
        adminKey = nodeA.provisioning().bootstrapIfEmpty().orElseThrow().keys().get(0).secret();
    }

    @AfterAll
    void stop() {
        nodeA.close();
        nodeB.close();
    }

    @Test
    void twoNodesTogetherAdmitTheLimitAndNoMore() throws Exception {
        int limit = 500; // blocks of 5: the documented bound is 500 + 2 nodes × 5
        String key = newKey(limit);
        AtomicInteger admitted = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();
        try (ExecutorService callers = Executors.newFixedThreadPool(12)) {
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                Warmy node = i % 2 == 0 ? nodeA : nodeB;
                done.add(callers.submit(() -> {
                    // Each caller goes on until its node has refused it a few times in a row.
                    int refusedInARow = 0;
                    while (refusedInARow < 3) {
                        HttpResponse<String> r = get(node, key);
                        if (r.statusCode() == 200) {
                            admitted.incrementAndGet();
                            refusedInARow = 0;
                        } else {
                            assertThat(r.statusCode()).isEqualTo(429);
                            assertThat(r.headers().firstValue("Retry-After")).isPresent();
                            refused.incrementAndGet();
                            refusedInARow++;
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        }
        // Nothing was held before this hour began, so the ledger's bound is exact; blocks a node
        // still holds when the other is refused are what may be left unspent.
        assertThat(admitted.get()).isBetween(limit - 2 * 5, limit);
        assertThat(refused.get()).isGreaterThanOrEqualTo(36);
    }

    @Test
    void theGateCostsTheDatabaseAFewStatementsPerHundredRequests() throws Exception {
        String key = newKey(100_000); // blocks of 100
        int perCaller = 250;
        get(nodeA, key); // the key is now known to both nodes' caches
        get(nodeB, key);
        StatementCounter.startRecording();
        try (ExecutorService callers = Executors.newFixedThreadPool(8)) {
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                Warmy node = i % 2 == 0 ? nodeA : nodeB;
                done.add(callers.submit(() -> {
                    for (int n = 0; n < perCaller; n++) {
                        assertThat(get(node, key).statusCode()).isEqualTo(200);
                    }
                    return null;
                }));
            }
            for (Future<?> f : done) {
                f.get();
            }
        }
        List<String> statements = StatementCounter.stopRecording();
        int requests = 8 * perCaller;
        // What authenticating and counting the requests cost: reading keys, and leasing quota.
        long gateWork = statements.stream()
                .filter(sql -> sql.contains("api_keys") || sql.contains("rate_limit_grants"))
                .count();
        long leases = statements.stream().filter(sql -> sql.startsWith("INSERT INTO rate_limit_grants")
                || sql.startsWith("UPDATE rate_limit_grants")).count();
        assertThat(leases).as("one lease per block of 100 requests").isBetween(1L, (long) requests / 100 + 2);
        assertThat(gateWork).as("%d statements of the gate for %d requests (of %d in all)", gateWork, requests,
                statements.size()).isLessThan(requests / 20);
    }

    @Test
    void requestsWithOneIdempotencyKeyRacingOnBothNodesDoTheWorkOnce() throws Exception {
        String key = newKey(1000);
        int n = 10;
        List<HttpResponse<String>> answers = new ArrayList<>();
        try (ExecutorService callers = Executors.newFixedThreadPool(n)) {
            List<Future<HttpResponse<String>>> sent = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                Warmy node = i % 2 == 0 ? nodeA : nodeB;
                sent.add(callers.submit(() -> http.send(HttpRequest.newBuilder(uri(node, "/api/v1/mailboxes"))
                        .header("Authorization", "Bearer " + key).header("Content-Type", "application/json")
                        .header("Idempotency-Key", "connect-anna-once")
                        .POST(HttpRequest.BodyPublishers.ofString(
                                "{\"email\":\"anna@twonodes.example\",\"provider\":\"google\"}"))
                        .build(), HttpResponse.BodyHandlers.ofString())));
            }
            for (Future<HttpResponse<String>> f : sent) {
                answers.add(f.get());
            }
        }
        assertThat(answers).extracting(HttpResponse::statusCode).containsOnly(201);
        assertThat(answers).extracting(HttpResponse::body).containsOnly(answers.get(0).body());
        assertThat(answers.stream().filter(r -> r.headers().firstValue("Idempotent-Replayed").isPresent()).count())
                .isEqualTo(n - 1);
        HttpResponse<String> events = http.send(HttpRequest.newBuilder(uri(nodeB,
                        "/api/v1/events?type=mailbox.connected")).header("Authorization", "Bearer " + key).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(json.readTree(events.body()).get("data").size()).isEqualTo(1);
    }

    @Test
    void aKeyRevokedOnOneNodeIsRefusedByTheOtherWithinFiveSeconds() throws Exception {
        String key = newKey(1000);
        assertThat(get(nodeB, key).statusCode()).isEqualTo(200); // node B now holds it in its cache
        String keyId = json.readTree(http.send(HttpRequest.newBuilder(uri(nodeA, "/api/v1/api-keys"))
                .header("Authorization", "Bearer " + adminKey).build(), HttpResponse.BodyHandlers.ofString()).body())
                .get("data").get(0).get("id").asText();
        long revokedAt = System.nanoTime();
        assertThat(http.send(HttpRequest.newBuilder(uri(nodeA, "/api/v1/api-keys/" + keyId))
                .header("Authorization", "Bearer " + adminKey).DELETE().build(), HttpResponse.BodyHandlers.ofString())
                .statusCode()).isEqualTo(200);
        int status = 200;
        while (status == 200 && System.nanoTime() - revokedAt < Duration.ofSeconds(6).toNanos()) {
            status = get(nodeB, key).statusCode();
            Thread.sleep(50);
        }
        assertThat(status).isEqualTo(401);
        assertThat(Duration.ofNanos(System.nanoTime() - revokedAt)).isLessThan(Duration.ofSeconds(5));
    }

    private String newKey(int perHour) throws Exception {
        HttpResponse<String> created = http.send(HttpRequest.newBuilder(uri(nodeA, "/api/v1/api-keys"))
                .header("Authorization", "Bearer " + adminKey).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"name\":\"load\",\"rateLimitPerHour\":" + perHour + "}"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(created.statusCode()).isEqualTo(201);
        return json.readTree(created.body()).get("key").asText();
    }

    private HttpResponse<String> get(Warmy node, String key) throws Exception {
        return http.send(HttpRequest.newBuilder(uri(node, "/api/v1/workspace")).header("Authorization", "Bearer " + key)
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    private static URI uri(Warmy node, String path) {
        return URI.create("http://127.0.0.1:" + node.httpPort() + path);
    }
}
