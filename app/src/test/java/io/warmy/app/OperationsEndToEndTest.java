package io.warmy.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.warmy.app.logging.JsonLogFormatter;
import io.warmy.application.common.port.out.Clock;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static org.assertj.core.api.Assertions.assertThat;

/** What operations see of a running server: /metrics after real traffic, and the JSON log lines, free of secrets. */
class OperationsEndToEndTest {

    @TempDir
    Path dataDir;

    private final HttpClient http = HttpClient.newHttpClient();
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void metricsCountTheTrafficAndTheLogIsJsonWithRequestIdsAndNoSecrets() throws Exception {
        List<String> lines = new CopyOnWriteArrayList<>();
        JsonLogFormatter formatter = new JsonLogFormatter();
        Handler capture = new Handler() {
            @Override
            public void publish(LogRecord record) {
                lines.add(formatter.format(record));
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        capture.setLevel(Level.ALL);
        Logger root = Logger.getLogger("");
        root.addHandler(capture);
        try (Warmy warmy = Warmy.start(new WarmyConfig("127.0.0.1", 0, "127.0.0.1", 0, Optional.empty(),
                Optional.empty(), "", "", 4, dataDir, WarmyConfig.Webhooks.LOCAL, WarmyConfig.Tracking.DEFAULTS),
                Clock.system())) {
            String admin = warmy.provisioning().bootstrapIfEmpty().orElseThrow().keys().getFirst().secret();
            JsonNode key = json.readTree(send(warmy, "POST", "/api/v1/api-keys", admin, "{\"name\":\"ops\"}").body());
            String newKey = key.get("key").asText();
            JsonNode hook = json.readTree(send(warmy, "POST", "/api/v1/webhooks", admin,
                    "{\"url\":\"http://127.0.0.1:9/hooks\",\"events\":[\"*\"]}").body());
            String secret = hook.get("secret").asText();
            String mbx = json.readTree(send(warmy, "POST", "/api/v1/mailboxes", newKey,
                    "{\"email\":\"ops@acme.example\",\"provider\":\"google\"}").body()).get("id").asText();
            assertThat(send(warmy, "GET", "/api/v1/mailboxes/" + mbx, newKey, null).statusCode()).isEqualTo(200);
            assertThat(send(warmy, "GET", "/api/v1/mailboxes/mbx_01KAT5QW3M7S1Z8XJ9VDQ4B2NC", newKey, null).statusCode())
                    .isEqualTo(404);
            assertThat(send(warmy, "GET", "/api/v1/no-such-thing", newKey, null).statusCode()).isEqualTo(404);
            assertThat(send(warmy, "GET", "/api/v1/workspace", "wk_live_" + "x".repeat(32), null).statusCode())
                    .isEqualTo(401);
            for (int i = 0; i < 3; i++) {
                send(warmy, "BREW" + i, "/api/v1/workspace", newKey, null); // made-up methods add no label values
            }

            HttpResponse<String> scraped = send(warmy, "GET", "/metrics", null, null);
            assertThat(scraped.statusCode()).isEqualTo(200);
            assertThat(scraped.headers().firstValue("Content-Type").orElse("")).startsWith("text/plain");
            Map<String, Double> series = parse(scraped.body());
            assertThat(series).containsEntry(
                    "warmy_http_requests_seconds_count{method=\"GET\",route=\"/api/v1/mailboxes/{id}\",status=\"200\"}", 1.0);
            assertThat(series).containsEntry(
                    "warmy_http_requests_seconds_count{method=\"GET\",route=\"/api/v1/mailboxes/{id}\",status=\"404\"}", 1.0);
            assertThat(series).containsEntry(
                    "warmy_http_requests_seconds_count{method=\"GET\",route=\"unmatched\",status=\"404\"}", 1.0);
            assertThat(series).containsEntry(
                    "warmy_http_requests_seconds_count{method=\"POST\",route=\"/api/v1/mailboxes\",status=\"201\"}", 1.0);
            assertThat(series).containsKey("warmy_http_requests_seconds_bucket{method=\"POST\",route=\"/api/v1/mailboxes\","
                    + "status=\"201\",le=\"0.01\"}");
            assertThat(series).containsEntry("warmy_events_recorded_total{duplicate=\"false\",type=\"mailbox.connected\"}", 1.0);
            assertThat(series).containsEntry("warmy_events_recorded_total{duplicate=\"true\",type=\"reply.received\"}", 0.0);
            assertThat(series).containsKey("warmy_webhook_deliveries_pending");
            assertThat(series).containsKey("warmy_webhook_deliveries_seconds_count{result=\"succeeded\"}");
            assertThat(series).containsEntry("warmy_rate_limit_rejections_total", 0.0);
            assertThat(series.keySet()).anyMatch(k -> k.startsWith("jvm_threads_live_threads"));
            assertThat(series.keySet()).noneMatch(k -> k.contains(mbx)); // no ids in labels
            assertThat(series.keySet()).noneMatch(k -> k.contains("BREW"));
            assertThat(series.keySet()).anyMatch(k -> k.startsWith("warmy_http_requests_seconds_count{method=\"OTHER\""));
        } finally {
            root.removeHandler(capture);
        }

        assertThat(lines).isNotEmpty();
        for (String line : lines) {
            JsonNode parsed = json.readTree(line);
            assertThat(parsed.has("timestamp") && parsed.has("level") && parsed.has("logger") && parsed.has("message"))
                    .as(line).isTrue();
            assertThat(line).doesNotContainPattern("wk_(live|test)_[A-Za-z0-9]{8,}").doesNotContainPattern("whsec_[A-Za-z0-9+/]{8,}");
        }
        List<JsonNode> access = lines.stream().map(this::tree).filter(n -> n.path("logger").asText().equals("io.warmy.access"))
                .toList();
        assertThat(access).hasSizeGreaterThanOrEqualTo(7);
        assertThat(access).allSatisfy(n -> {
            assertThat(n.path("requestId").asText()).startsWith("req_");
            assertThat(n.has("route") && n.has("status") && n.has("latencyMs")).isTrue();
        });
        assertThat(access).anySatisfy(n -> {
            assertThat(n.path("route").asText()).isEqualTo("/api/v1/mailboxes/{id}");
            assertThat(n.path("workspaceId").asText()).startsWith("ws_");
        });
    }

    @Test
    void theFormatterMasksAnythingShapedLikeASecret() {
        assertThat(JsonLogFormatter.redact("key wk_live_abcdEFGH1234abcdEFGH1234abcdEFGH and whsec_c2VjcmV0c2VjcmV0"
                + " sent as Authorization: Bearer wk_test_zzzzzzzzzzzzzzzz"))
                .isEqualTo("key wk_live_[redacted] and whsec_[redacted] sent as Authorization: Bearer [redacted]");
    }

    private JsonNode tree(String line) {
        try {
            return json.readTree(line);
        } catch (Exception e) {
            throw new AssertionError("not JSON: " + line, e);
        }
    }

    /** Prometheus text: series (name and labels as written) to value; comments skipped. */
    private static Map<String, Double> parse(String text) {
        Map<String, Double> series = new HashMap<>();
        for (String line : text.split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            int space = line.lastIndexOf(' ');
            series.put(line.substring(0, space), Double.parseDouble(line.substring(space + 1)));
        }
        return series;
    }

    private HttpResponse<String> send(Warmy warmy, String method, String path, String key, String body) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + warmy.httpPort() + path))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (key != null) {
            b.header("Authorization", "Bearer " + key);
        }
        if (body != null) {
            b.header("Content-Type", "application/json");
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }
}
