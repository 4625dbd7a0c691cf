package io.warmy.app;

import io.grpc.ManagedChannel;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import io.grpc.health.v1.HealthGrpc;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.warmy.adapters.persistence.DatabaseSettings;
import io.warmy.adapters.persistence.testing.TestDatabases;
import io.warmy.application.common.port.out.Clock;
import io.warmy.application.tenancy.port.in.ProvisionWorkspace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The whole server, as `./warmy serve` starts it, driven over real sockets on both databases. */
class ServeEndToEndTest {

    private final HttpClient http = HttpClient.newHttpClient();

    @TempDir
    Path dataDir;

    private static WarmyConfig config(Optional<DatabaseSettings> db, Path dataDir) {
        return new WarmyConfig("127.0.0.1", 0, "127.0.0.1", 0, Optional.empty(),
                db.map(DatabaseSettings::jdbcUrl), db.map(DatabaseSettings::user).orElse(""),
                db.map(DatabaseSettings::password).orElse(""), 4, dataDir, WarmyConfig.Webhooks.LOCAL, WarmyConfig.Tracking.DEFAULTS);
    }

    @Test
    void onTheEmbeddedDatabaseAFirstStartPrintsKeysThatServeTheApiAndARestartKeepsEverything() throws Exception {
        String mailboxId;
        String liveKey;
        try (Warmy warmy = Warmy.start(config(Optional.empty(), dataDir), Clock.system())) {
            ProvisionWorkspace.Bootstrap bootstrap = warmy.provisioning().bootstrapIfEmpty().orElseThrow();
            assertThat(bootstrap.workspace().name()).isEqualTo("default");
            assertThat(bootstrap.keys()).extracting(k -> k.secret().substring(0, 8)).containsExactly("wk_live_", "wk_test_");
            liveKey = bootstrap.keys().get(0).secret();
            mailboxId = exerciseTheApi(warmy, liveKey, bootstrap.keys().get(1).secret());
        }
        try (Warmy again = Warmy.start(config(Optional.empty(), dataDir), Clock.system())) {
            assertThat(again.provisioning().bootstrapIfEmpty()).as("keys are printed once, on the first start only").isEmpty();
            HttpResponse<String> mailbox = get(again, "/api/v1/mailboxes/" + mailboxId, liveKey);
            assertThat(mailbox.statusCode()).isEqualTo(200);
            assertThat(mailbox.body()).contains("\"status\":\"paused\"");
        }
    }

    @Test
    void onMariaDbTheSameServerServesTheSameApi() throws Exception {
        try (Warmy warmy = Warmy.start(config(Optional.of(TestDatabases.newMariaDb()), dataDir), Clock.system())) {
            ProvisionWorkspace.Bootstrap bootstrap = warmy.provisioning().bootstrapIfEmpty().orElseThrow();
            exerciseTheApi(warmy, bootstrap.keys().get(0).secret(), bootstrap.keys().get(1).secret());
        }
    }

    /** Connects a mailbox, pauses its warmup and checks tenancy, health and gRPC; answers the mailbox id. */
    private String exerciseTheApi(Warmy warmy, String liveKey, String sandboxKey) throws Exception {
        assertThat(get(warmy, "/api/v1/mailboxes", null).statusCode()).isEqualTo(401);

        HttpResponse<String> empty = get(warmy, "/api/v1/mailboxes", liveKey);
        assertThat(empty.statusCode()).isEqualTo(200);
        assertThat(empty.body()).contains("\"data\":[]").contains("\"hasMore\":false");
        assertThat(empty.headers().firstValue("X-Request-Id")).isPresent();

        HttpResponse<String> created = send(warmy, "POST", "/api/v1/mailboxes", liveKey,
                "{\"email\":\"Anna@Acme.example\",\"provider\":\"google\",\"dailyLimit\":80}");
        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(created.body()).contains("\"email\":\"anna@acme.example\"");
        String id = field(created.body(), "id");

        HttpResponse<String> paused = send(warmy, "POST", "/api/v1/mailboxes/" + id + "/warmup/pause", liveKey, null);
        assertThat(paused.statusCode()).isEqualTo(200);
        assertThat(paused.body()).contains("\"status\":\"paused\"");

        HttpResponse<String> refused = send(warmy, "PATCH", "/api/v1/mailboxes/" + id + "/warmup", liveKey,
                "{\"dailyTarget\":500}");
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.body()).contains("dailyTarget");

        assertThat(get(warmy, "/api/v1/mailboxes/" + id, sandboxKey).statusCode())
                .as("a sandbox key never sees live data").isEqualTo(404);
        assertThat(get(warmy, "/api/v1/workspace", sandboxKey).body()).contains("\"mode\":\"sandbox\"");

        HttpResponse<String> health = get(warmy, "/health", null);
        assertThat(health.statusCode()).isEqualTo(200);
        assertThat(health.body()).contains("\"database\",\"status\":\"UP\"");
        assertThat(health.body()).contains("\"migrations\",\"status\":\"UP\"");

        ManagedChannel channel = NettyChannelBuilder.forAddress("127.0.0.1", warmy.grpcPort()).usePlaintext().build();
        try {
            assertThat(HealthGrpc.newBlockingStub(channel).check(HealthCheckRequest.getDefaultInstance()).getStatus())
                    .isEqualTo(ServingStatus.SERVING);
        } finally {
            channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        }
        return id;
    }

    private HttpResponse<String> get(Warmy warmy, String path, String key) throws Exception {
        return send(warmy, "GET", path, key, null);
    }

    private HttpResponse<String> send(Warmy warmy, String method, String path, String key, String json) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + warmy.httpPort() + path))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            b.header("Content-Type", "application/json");
        }
        if (key != null) {
            b.header("Authorization", "Bearer " + key);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\":\"([^\"]+)\"").matcher(json);
        assertThat(m.find()).as("field %s in %s", name, json).isTrue();
        return m.group(1);
    }
}
