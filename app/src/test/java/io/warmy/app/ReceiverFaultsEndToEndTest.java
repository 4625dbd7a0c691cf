package io.warmy.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.google.protobuf.Timestamp;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.grpc.ManagedChannel;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.warmy.adapters.persistence.DatabaseSettings;
import io.warmy.adapters.persistence.testing.TestDatabases;
import io.warmy.application.common.port.out.Clock;
import io.warmy.proto.v1.EventIngestServiceGrpc;
import io.warmy.proto.v1.Mode;
import io.warmy.proto.v1.ReportOpenRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Webhook receivers that misbehave — a 500, a hang past the 10 s timeout, a reset connection, a
 * trickled failure, a 10 MiB answer, a redirect — each get their attempts logged with what went
 * wrong and a retry scheduled, while a healthy endpoint subscribed to the same events keeps its
 * latency.
 */
class ReceiverFaultsEndToEndTest {

    /** Events at 2 per second, 14 deliveries a second in all: well within what one node sustains here. */
    private static final int EVENTS = 16;

    @TempDir
    Path dataDir;

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();
    private final List<AutoCloseable> toClose = new ArrayList<>();

    @Test
    void faultyReceiversAreRetriedAndLoggedWhileAHealthyOneKeepsItsLatency() throws Exception {
        Map<String, Instant> arrived = new ConcurrentHashMap<>();
        Map<String, String> receivers = new LinkedHashMap<>();
        receivers.put("healthy", http(exchange -> {
            arrived.put(exchange.getRequestHeaders().getFirst("X-Warmy-Event-Id"), Instant.now());
            answer(exchange, 204, new byte[0]);
        }));
        receivers.put("error", http(exchange -> answer(exchange, 500, "boom".getBytes())));
        receivers.put("hang", http(exchange -> {
            sleep(12_000);
            answer(exchange, 204, new byte[0]);
        }));
        receivers.put("trickle", http(exchange -> {
            // A failure answered a byte a second: cut off at the timeout. (A trickled 2xx is a success:
            // the receiver said it took the event, whatever its body does afterwards.)
            exchange.sendResponseHeaders(503, 0);
            try (OutputStream out = exchange.getResponseBody()) {
                for (int i = 0; i < 20; i++) {
                    out.write('.');
                    out.flush();
                    sleep(1_000);
                }
            }
        }));
        receivers.put("huge", http(exchange -> answer(exchange, 500, new byte[10 * 1024 * 1024])));
        receivers.put("redirect", http(exchange -> {
            exchange.getResponseHeaders().add("Location", "http://127.0.0.1:9/elsewhere");
            answer(exchange, 302, new byte[0]);
        }));
        receivers.put("reset", resetting());

        // On MariaDB, as in production: claims skip rows other dispatchers hold (H2 makes them take turns).
        DatabaseSettings db = TestDatabases.newMariaDb();
        try (Warmy warmy = Warmy.start(new WarmyConfig("127.0.0.1", 0, "127.0.0.1", 0, Optional.empty(),
                Optional.of(db.jdbcUrl()), db.user(), db.password(), 8, dataDir, WarmyConfig.Webhooks.LOCAL,
                WarmyConfig.Tracking.DEFAULTS), Clock.system())) {
            String key = warmy.provisioning().bootstrapIfEmpty().orElseThrow().keys().getFirst().secret();
            String ws = json.readTree(rest(warmy, "GET", "/api/v1/workspace", key, null).body()).get("id").asText();
            Map<String, String> hooks = new LinkedHashMap<>();
            for (Map.Entry<String, String> r : receivers.entrySet()) {
                HttpResponse<String> created = rest(warmy, "POST", "/api/v1/webhooks", key, "{\"url\":\"" + r.getValue()
                        + "\",\"events\":[\"email.opened\"],\"description\":\"" + r.getKey() + "\"}");
                assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
                hooks.put(r.getKey(), json.readTree(created.body()).get("id").asText());
            }
            String mbx = json.readTree(rest(warmy, "POST", "/api/v1/mailboxes", key,
                    "{\"email\":\"faults@acme.example\",\"provider\":\"google\"}").body()).get("id").asText();

            ManagedChannel channel = NettyChannelBuilder.forAddress("127.0.0.1", warmy.grpcPort()).usePlaintext().build();
            toClose.add(() -> channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS));
            var ingest = EventIngestServiceGrpc.newBlockingStub(channel);
            Map<String, Instant> reported = new LinkedHashMap<>();
            for (int i = 0; i < EVENTS; i++) {
                Instant at = Instant.now();
                String id = ingest.reportOpen(ReportOpenRequest.newBuilder().setWorkspaceId(ws).setMode(Mode.MODE_LIVE)
                        .setProspectId("p" + i).setProspectEmail("p" + i + "@prospect.example").setCampaignId("c1")
                        .setMailboxId(mbx).setStepIndex(0)
                        .setOpenedAt(Timestamp.newBuilder().setSeconds(at.getEpochSecond() - 1)).build()).getEventId();
                reported.put(id, at);
                Thread.sleep(500);
            }

            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (!arrived.keySet().containsAll(reported.keySet()) && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }
            assertThat(arrived.keySet()).as("the healthy endpoint got every event").containsAll(reported.keySet());
            List<Long> latencies = reported.entrySet().stream()
                    .map(e -> Duration.between(e.getValue(), arrived.get(e.getKey())).toMillis()).sorted().toList();
            long p50 = latencies.get(latencies.size() / 2);
            long p99 = latencies.get((int) Math.ceil(latencies.size() * 0.99) - 1);
            // Never held up by the 10 s attempts of the hanging and trickling receivers (that would show as
            // waits past 10 s). The bounds leave room for a loaded 2-core machine: measured p50 0.3-0.8 s and
            // p99 1.1-2.7 s here (the worker polls every 0.1 s); the figures go to the report.
            assertThat(p50).as("healthy endpoint's event-to-arrival p50 in ms: %s", latencies).isLessThan(2_500);
            assertThat(p99).as("healthy endpoint's event-to-arrival p99 in ms: %s", latencies).isLessThan(8_000);

            // Let the hanging and trickling receivers reach the 10 s timeout at least once.
            Thread.sleep(3_000);
            Map<String, String> seen = new LinkedHashMap<>();
            expectAttempt(warmy, key, hooks.get("error"), a -> a.path("statusCode").asInt() == 500
                    && a.path("responseSnippet").asText().equals("boom"), seen, "error");
            expectAttempt(warmy, key, hooks.get("huge"), a -> a.path("statusCode").asInt() == 500
                    && a.path("responseSnippet").asText().length() <= 1024, seen, "huge");
            expectAttempt(warmy, key, hooks.get("redirect"), a -> a.path("statusCode").asInt() == 302, seen, "redirect");
            expectAttempt(warmy, key, hooks.get("hang"), a -> a.path("statusCode").isNull()
                    && !a.path("error").asText().isEmpty(), seen, "hang");
            expectAttempt(warmy, key, hooks.get("trickle"), a -> a.path("statusCode").asInt() == 503
                    && a.path("latencyMs").asLong() >= 9_000, seen, "trickle");
            expectAttempt(warmy, key, hooks.get("reset"), a -> a.path("statusCode").isNull()
                    && !a.path("error").asText().isEmpty(), seen, "reset");
            Files.writeString(Path.of("target", "receiver-faults.txt"), "events=" + EVENTS + " healthy-p50-ms=" + p50
                    + " healthy-p99-ms=" + p99
                    + " healthy-delivered=" + arrived.size() + " lost=0\n" + String.join("\n", seen.values()) + "\n");
        } finally {
            for (AutoCloseable c : toClose) {
                c.close();
            }
        }
    }

    /** Some delivery of the endpoint has an attempt matching {@code expected}, and is pending a retry. */
    private void expectAttempt(Warmy warmy, String key, String hook, Predicate<JsonNode> expected,
                               Map<String, String> seen, String name) throws Exception {
        JsonNode deliveries = json.readTree(rest(warmy, "GET", "/api/v1/webhooks/" + hook + "/deliveries?limit=100",
                key, null).body()).get("data");
        List<JsonNode> matching = new ArrayList<>();
        for (JsonNode d : deliveries) {
            for (JsonNode a : d.get("attemptLog")) {
                if (expected.test(a)) {
                    matching.add(d);
                    assertThat(d.get("status").asText()).as(name + " " + d).isEqualTo("pending");
                    assertThat(d.get("nextAttemptAt").isNull()).as(name + " retry scheduled").isFalse();
                    seen.put(name, name + ": " + a.path("statusCode") + " " + a.path("error").asText()
                            + " (latency " + a.path("latencyMs") + " ms)");
                }
            }
        }
        assertThat(matching).as(name + " deliveries: " + deliveries).isNotEmpty();
    }

    private interface Handler {
        void handle(HttpExchange exchange) throws IOException;
    }

    private String http(Handler handler) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            try {
                handler.handle(exchange);
            } catch (IOException ignored) {
                // the sender hung up first, as it should on a timeout
            } finally {
                exchange.close();
            }
        });
        server.start();
        toClose.add(() -> server.stop(0));
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hooks";
    }

    /** Accepts each connection and resets it at once. */
    private String resetting() throws IOException {
        ServerSocket socket = new ServerSocket(0, 50, java.net.InetAddress.getLoopbackAddress());
        Thread.ofVirtual().start(() -> {
            while (!socket.isClosed()) {
                try (Socket s = socket.accept()) {
                    s.setSoLinger(true, 0);
                } catch (IOException e) {
                    return;
                }
            }
        });
        toClose.add(socket);
        return "http://127.0.0.1:" + socket.getLocalPort() + "/hooks";
    }

    private static void answer(HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.sendResponseHeaders(status, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private HttpResponse<String> rest(Warmy warmy, String method, String path, String key, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + warmy.httpPort() + path))
                .header("Authorization", "Bearer " + key)
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (body != null) {
            b.header("Content-Type", "application/json");
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }
}
