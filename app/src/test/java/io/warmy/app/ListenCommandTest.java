package io.warmy.app;

import com.sun.net.httpserver.HttpServer;
import io.warmy.application.common.port.out.Clock;
import io.warmy.application.tenancy.port.in.CreateApiKey;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code warmy listen} against a server started here: signed events printed and forwarded, the endpoint gone after. */
class ListenCommandTest {

    @TempDir
    Path dataDir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final HttpClient http = HttpClient.newHttpClient();
    private PrintStream originalOut;
    private PrintStream originalErr;
    private Warmy warmy;

    @BeforeEach
    void capture() {
        originalOut = System.out;
        originalErr = System.err;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restore() {
        System.setOut(originalOut);
        System.setErr(originalErr);
        if (warmy != null) {
            warmy.close();
        }
    }

    private List<CreateApiKey.Issued> start(WarmyConfig.Webhooks webhooks) {
        warmy = Warmy.start(new WarmyConfig("127.0.0.1", 0, "127.0.0.1", 0, Optional.empty(), Optional.empty(), "", "", 4,
                dataDir, webhooks, WarmyConfig.Tracking.DEFAULTS), Clock.system());
        return warmy.provisioning().bootstrapIfEmpty().orElseThrow().keys();
    }

    private String url() {
        return "http://127.0.0.1:" + warmy.httpPort();
    }

    @Test
    void signedEventsArePrintedVerifiedAndForwardedAndTheTemporaryEndpointIsRemoved() throws Exception {
        String sandbox = start(WarmyConfig.Webhooks.LOCAL).get(1).secret();
        List<String> forwardedSignatures = new CopyOnWriteArrayList<>();
        HttpServer forwardTarget = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        forwardTarget.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            forwardedSignatures.add(exchange.getRequestHeaders().getFirst("X-Warmy-Signature"));
            exchange.sendResponseHeaders(202, -1);
            exchange.close();
        });
        forwardTarget.start();
        ExecutorService runner = Executors.newSingleThreadExecutor();
        try {
            Future<Integer> listening = runner.submit(() -> Main.run("listen", "--api-key", sandbox, "--api-url", url(),
                    "--events", "email.opened,reply.received", "--max-events", "2",
                    "--forward-to", "http://127.0.0.1:" + forwardTarget.getAddress().getPort() + "/in"));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (!out.toString(StandardCharsets.UTF_8).contains("Ready.") && System.nanoTime() < deadline) {
                Thread.sleep(20);
            }
            assertThat(out.toString(StandardCharsets.UTF_8)).as(err.toString(StandardCharsets.UTF_8)).contains("Ready.");
            assertThat(webhooks(sandbox)).contains("warmy listen (temporary)");

            String opened = trigger(sandbox, "email.opened");
            trigger(sandbox, "limit.hit"); // not subscribed: never arrives
            String replied = trigger(sandbox, "reply.received");

            assertThat(listening.get(20, TimeUnit.SECONDS)).isZero();
            String printed = out.toString(StandardCharsets.UTF_8);
            assertThat(printed).contains("email.opened  " + opened + "  signature: verified")
                    .contains("reply.received  " + replied + "  signature: verified")
                    .contains("\"prospectEmail\"").contains("-> forwarded to http://127.0.0.1:").contains(": 202")
                    .doesNotContain("limit.hit");
            assertThat(forwardedSignatures).hasSize(2).allMatch(s -> s.startsWith("t="));
            assertThat(err.toString(StandardCharsets.UTF_8)).contains("Removed the temporary webhook");
            assertThat(webhooks(sandbox)).doesNotContain("warmy listen");
        } finally {
            runner.shutdownNow();
            forwardTarget.stop(0);
        }
    }

    @Test
    void aServerThatRefusesWebhooksToThisMachineSaysWhatToSet() {
        String live = start(WarmyConfig.Webhooks.DEFAULTS).get(0).secret();
        assertThat(Main.run("listen", "--api-key", live, "--api-url", url())).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8).strip().lines().toList().getLast()).isEqualTo(
                "warmy: the server refuses webhooks to this machine; start it with WARMY_WEBHOOKS_ALLOW_LOOPBACK=true"
                        + " ./warmy serve");
        assertThat(Main.run("listen", "--api-key", "wk_live_" + "0".repeat(32), "--api-url", url())).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("warmy: the API key was refused (401 invalid_api_key)");
    }

    private String trigger(String key, String type) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url() + "/api/v1/sandbox/events"))
                .header("Authorization", "Bearer " + key).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"type\":\"" + type + "\"}")).timeout(Duration.ofSeconds(10))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        Matcher id = Pattern.compile("\"id\":\"([^\"]+)\"").matcher(r.body());
        assertThat(id.find()).isTrue();
        return id.group(1);
    }

    private String webhooks(String key) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(url() + "/api/v1/webhooks"))
                .header("Authorization", "Bearer " + key).build(), HttpResponse.BodyHandlers.ofString()).body();
    }
}
