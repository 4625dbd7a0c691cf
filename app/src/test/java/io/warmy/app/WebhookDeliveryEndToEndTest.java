package io.warmy.app;

import com.sun.net.httpserver.HttpServer;
import io.warmy.adapters.persistence.DatabaseSettings;
import io.warmy.adapters.persistence.testing.TestDatabases;
import io.warmy.adapters.webhook.WebhookVerifier;
import io.warmy.application.common.port.out.Clock;
import io.warmy.application.event.port.in.Recorded;
import io.warmy.application.mailbox.port.in.ConnectMailbox;
import io.warmy.application.tenancy.port.in.CreateApiKey;
import io.warmy.domain.common.EmailAddress;
import io.warmy.domain.event.Signal;
import io.warmy.domain.mailbox.MailboxId;
import io.warmy.domain.mailbox.Provider;
import io.warmy.domain.tenancy.Mode;
import io.warmy.domain.tenancy.Tenant;
import io.warmy.domain.tenancy.WorkspaceId;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Webhooks end to end: a real receiver on loopback subscribed to everything, the whole server
 * delivering signed events to it, and the outbox surviving a server that stops before delivering.
 */
class WebhookDeliveryEndToEndTest {

    /** One request as the receiver saw it. */
    record Received(Map<String, String> headers, byte[] body) {
        String header(String name) {
            return headers.get(name.toLowerCase());
        }
    }

    @TempDir
    Path dataDir;

    private HttpServer receiver;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void startReceiver() throws Exception {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/hooks", exchange -> {
            Map<String, String> headers = new ConcurrentHashMap<>();
            exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(), v.getFirst()));
            received.add(new Received(headers, exchange.getRequestBody().readAllBytes()));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        receiver.start();
    }

    @AfterEach
    void stopReceiver() {
        receiver.stop(0);
    }

    private String hookUrl() {
        return "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hooks";
    }

    private static WarmyConfig config(Path dataDir, Optional<DatabaseSettings> db, boolean deliver) {
        return new WarmyConfig("127.0.0.1", 0, "127.0.0.1", 0, Optional.empty(), db.map(DatabaseSettings::jdbcUrl),
                db.map(DatabaseSettings::user).orElse(""), db.map(DatabaseSettings::password).orElse(""), 4, dataDir,
                new WarmyConfig.Webhooks(deliver, true, false), WarmyConfig.Tracking.DEFAULTS);
    }

    private HttpResponse<String> rest(Warmy warmy, String method, String path, String key, String json) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + warmy.httpPort() + path))
                .header("Authorization", "Bearer " + key)
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            b.header("Content-Type", "application/json");
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private String subscribeToEverything(Warmy warmy, String key) throws Exception {
        HttpResponse<String> created = rest(warmy, "POST", "/api/v1/webhooks", key,
                "{\"url\":\"" + hookUrl() + "\",\"events\":[\"*\"],\"description\":\"e2e\"}");
        assertThat(created.statusCode()).isEqualTo(201);
        return ServeEndToEndTest.field(created.body(), "secret");
    }

    private void awaitReceived(int count) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
        while (received.size() < count && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(received).as("webhooks received").hasSizeGreaterThanOrEqualTo(count);
    }

    private static String type(Received r) {
        return r.header("X-Warmy-Event-Type");
    }

    @Test
    void everyEventIsDeliveredSignedSoThatStripesSchemeVerifiesIt() throws Exception {
        try (Warmy warmy = Warmy.start(config(dataDir, Optional.empty(), true), Clock.system())) {
            CreateApiKey.Issued live = warmy.provisioning().bootstrapIfEmpty().orElseThrow().keys().getFirst();
            String secret = subscribeToEverything(warmy, live.secret());

            HttpResponse<String> mailbox = rest(warmy, "POST", "/api/v1/mailboxes", live.secret(),
                    "{\"email\":\"sales@acme.example\",\"provider\":\"google\",\"dailyLimit\":1}");
            String mbx = ServeEndToEndTest.field(mailbox.body(), "id");
            String hook = ServeEndToEndTest.field(rest(warmy, "GET", "/api/v1/webhooks", live.secret(), null).body(), "id");
            assertThat(rest(warmy, "POST", "/api/v1/webhooks/" + hook + "/test", live.secret(), null).statusCode())
                    .isEqualTo(202);
            rest(warmy, "POST", "/api/v1/suppressions", live.secret(), "{\"email\":\"dave@prospect.example\"}");
            rest(warmy, "DELETE", "/api/v1/mailboxes/" + mbx, live.secret(), null);

            awaitReceived(4);
            Thread.sleep(300);
            assertThat(received).extracting(WebhookDeliveryEndToEndTest::type).containsExactlyInAnyOrder(
                    "mailbox.connected", "webhook.test", "prospect.suppressed", "mailbox.disconnected");

            for (Received r : received) {
                String header = r.header("X-Warmy-Signature");
                assertThat(r.header("X-WarmySender-Signature")).isEqualTo(header);
                assertThat(WebhookVerifier.verify(header, r.body(), secret, Instant.now(), WebhookVerifier.DEFAULT_TOLERANCE))
                        .isEqualTo(WebhookVerifier.Result.VALID);
                // Stripe's scheme, computed here from scratch: hex HMAC-SHA256 of "<t>.<body>" keyed by the secret.
                Matcher m = Pattern.compile("t=(\\d+),v1=([0-9a-f]{64})").matcher(header);
                assertThat(m.find()).isTrue();
                assertThat(m.group(1)).isEqualTo(r.header("X-Warmy-Timestamp"));
                Mac mac = Mac.getInstance("HmacSHA256");
                mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
                mac.update((m.group(1) + ".").getBytes(StandardCharsets.UTF_8));
                assertThat(HexFormat.of().formatHex(mac.doFinal(r.body()))).isEqualTo(m.group(2));

                String body = new String(r.body(), StandardCharsets.UTF_8);
                assertThat(body).startsWith("{\"type\":\"" + type(r) + "\",\"data\":{").contains("\"timestamp\":\"");
                assertThat(r.header("Content-Type")).isEqualTo("application/json");
                assertThat(r.header("webhook-id")).isEqualTo(r.header("X-Warmy-Event-Id"));
                assertThat(r.header("webhook-signature")).startsWith("v1,");
            }
            HttpResponse<String> log = rest(warmy, "GET", "/api/v1/webhooks/" + hook + "/deliveries", live.secret(), null);
            assertThat(log.body()).contains("\"status\":\"succeeded\"").contains("\"statusCode\":204")
                    .doesNotContain("\"status\":\"pending\"");
        }
    }

    @Test
    void aTriggeredSandboxEventReachesTheSandboxWebhookAndNeverTheLiveOne() throws Exception {
        try (Warmy warmy = Warmy.start(config(dataDir, Optional.empty(), true), Clock.system())) {
            var keys = warmy.provisioning().bootstrapIfEmpty().orElseThrow().keys();
            String live = keys.get(0).secret();
            String sandbox = keys.get(1).secret();
            String sandboxSecret = subscribeToEverything(warmy, sandbox);
            HttpResponse<String> liveHook = rest(warmy, "POST", "/api/v1/webhooks", live,
                    "{\"url\":\"" + hookUrl() + "?live\",\"events\":[\"*\"]}");
            assertThat(liveHook.statusCode()).isEqualTo(201);

            HttpResponse<String> triggered = rest(warmy, "POST", "/api/v1/sandbox/events", sandbox,
                    "{\"type\":\"reply.received\",\"data\":{\"subject\":\"Re: sandbox\"}}");
            assertThat(triggered.statusCode()).isEqualTo(201);
            assertThat(rest(warmy, "POST", "/api/v1/sandbox/events", live, "{\"type\":\"reply.received\"}").statusCode())
                    .isEqualTo(403);

            awaitReceived(1);
            Thread.sleep(300);
            assertThat(received).singleElement().satisfies(r -> {
                assertThat(type(r)).isEqualTo("reply.received");
                assertThat(new String(r.body(), StandardCharsets.UTF_8)).contains("\"subject\":\"Re: sandbox\"");
                assertThat(WebhookVerifier.verify(r.header("X-Warmy-Signature"), r.body(), sandboxSecret, Instant.now(),
                        WebhookVerifier.DEFAULT_TOLERANCE)).isEqualTo(WebhookVerifier.Result.VALID);
            });
        }
    }

    @Test
    void aReceiverAnswering500IsRetriedOnScheduleAndOneAnswering410IsDisabled() throws Exception {
        java.util.concurrent.atomic.AtomicInteger calls = new java.util.concurrent.atomic.AtomicInteger();
        receiver.removeContext("/hooks");
        receiver.createContext("/hooks", exchange -> {
            exchange.getRequestBody().readAllBytes();
            byte[] answer = "not today".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(calls.incrementAndGet() == 1 ? 500 : 410, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        try (Warmy warmy = Warmy.start(config(dataDir, Optional.empty(), true), Clock.system())) {
            CreateApiKey.Issued live = warmy.provisioning().bootstrapIfEmpty().orElseThrow().keys().getFirst();
            subscribeToEverything(warmy, live.secret());
            String hook = ServeEndToEndTest.field(rest(warmy, "GET", "/api/v1/webhooks", live.secret(), null).body(), "id");
            rest(warmy, "POST", "/api/v1/webhooks/" + hook + "/test", live.secret(), null);

            long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
            String state;
            do {
                Thread.sleep(100);
                state = rest(warmy, "GET", "/api/v1/webhooks/" + hook, live.secret(), null).body();
            } while (!state.contains("\"enabled\":false") && System.nanoTime() < deadline);
            assertThat(calls.get()).as("the 500 was retried about 5 s later, then the 410 ended it").isEqualTo(2);
            assertThat(state).contains("\"disabledReason\":\"endpoint_gone\"");

            String log = rest(warmy, "GET", "/api/v1/webhooks/" + hook + "/deliveries", live.secret(), null).body();
            assertThat(log).contains("\"status\":\"failed\"").contains("\"attempts\":2")
                    .contains("\"statusCode\":500").contains("\"statusCode\":410")
                    .contains("\"responseSnippet\":\"not today\"");
        }
    }

    @Test
    void eventsRecordedByAServerThatStoppedBeforeDeliveringAreDeliveredAfterARestart() throws Exception {
        DatabaseSettings db = TestDatabases.newMariaDb();
        String secret;
        try (Warmy first = Warmy.start(config(dataDir, Optional.of(db), false), Clock.system())) {
            CreateApiKey.Issued live = first.provisioning().bootstrapIfEmpty().orElseThrow().keys().getFirst();
            secret = subscribeToEverything(first, live.secret());
            for (int i = 0; i < 20; i++) {
                rest(first, "POST", "/api/v1/suppressions", live.secret(), "{\"email\":\"p" + i + "@prospect.example\"}");
            }
        }
        assertThat(received).as("nothing was delivered before the stop").isEmpty();
        try (Warmy restarted = Warmy.start(config(dataDir, Optional.of(db), true), Clock.system())) {
            awaitReceived(20);
            Thread.sleep(300);
            assertThat(received).hasSize(20).allSatisfy(r -> assertThat(WebhookVerifier.verify(
                    r.header("X-Warmy-Signature"), r.body(), secret, Instant.now(), WebhookVerifier.DEFAULT_TOLERANCE))
                    .isEqualTo(WebhookVerifier.Result.VALID));
        }
    }

    @Test
    void twoNodesOnOneDatabaseDeliverEachEventExactlyOnce() throws Exception {
        DatabaseSettings db = TestDatabases.newMariaDb();
        try (Warmy a = Warmy.start(config(dataDir, Optional.of(db), true), Clock.system());
             Warmy b = Warmy.start(config(dataDir, Optional.of(db), true), Clock.system())) {
            CreateApiKey.Issued live = a.provisioning().bootstrapIfEmpty().orElseThrow().keys().getFirst();
            subscribeToEverything(a, live.secret());
            Warmy.Services services = Warmy.Services.on(TestPersistence.open(db), Clock.system());
            Tenant tenant = new Tenant(new WorkspaceId(live.key().workspaceId().value()), Mode.LIVE);
            MailboxId mailbox = services.mailboxes().connect(new ConnectMailbox.Command(tenant,
                    new EmailAddress("sales@acme.example"), Provider.GOOGLE, null, null)).id();
            int events = 1;
            for (int i = 0; i < 150; i++) {
                Recorded r = services.signals().record(tenant, new Signal.Click("p" + i,
                        new EmailAddress("anna@prospect.example"), "c1", mailbox, 0, "https://acme.example/" + i,
                        Instant.now()));
                if (!r.duplicate()) {
                    events++;
                }
            }
            awaitReceived(events);
            Thread.sleep(500);
            assertThat(received).hasSize(events);
            assertThat(received.stream().map(r -> r.header("X-Warmy-Event-Id")).distinct()).hasSize(events);
        }
    }
}
