package io.warmy.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.warmy.application.common.port.out.Clock;
import io.warmy.application.tenancy.port.in.CreateApiKey;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code warmy trigger} against a server started here: events made, and one clear line for every refusal. */
class TriggerCommandTest {

    @TempDir
    Path dataDir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private PrintStream originalOut;
    private PrintStream originalErr;
    private Warmy warmy;
    private List<CreateApiKey.Issued> keys;

    @BeforeEach
    void start() {
        warmy = Warmy.start(new WarmyConfig("127.0.0.1", 0, "127.0.0.1", 0, Optional.empty(), Optional.empty(), "", "", 4,
                dataDir, WarmyConfig.Webhooks.LOCAL, WarmyConfig.Tracking.DEFAULTS), Clock.system());
        keys = warmy.provisioning().bootstrapIfEmpty().orElseThrow().keys();
        originalOut = System.out;
        originalErr = System.err;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void stop() {
        System.setOut(originalOut);
        System.setErr(originalErr);
        warmy.close();
    }

    private String url() {
        return "http://127.0.0.1:" + warmy.httpPort();
    }

    @Test
    void aSandboxKeyMakesTheEventWithTheGivenFieldsAndTheDedupRuleApplies() throws Exception {
        String sandbox = keys.get(1).secret();
        int exit = Main.run("trigger", "email.bounced", "--api-key", sandbox, "--api-url", url(),
                "--data", "bounceType=hard", "--data", "prospectId=p-42", "--data", "campaignId=c-7");
        assertThat(exit).as(err.toString(StandardCharsets.UTF_8)).isZero();
        String printed = out.toString(StandardCharsets.UTF_8);
        Matcher made = Pattern.compile("Made email.bounced ([0-9a-f-]{36}) at ").matcher(printed);
        assertThat(made.find()).as(printed).isTrue();
        assertThat(printed).contains("\"bounceType\" : \"hard\"").contains("\"prospectId\" : \"p-42\"");

        HttpResponse<String> event = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(url() + "/api/v1/events/" + made.group(1))).header("Authorization", "Bearer " + sandbox).build(),
                HttpResponse.BodyHandlers.ofString());
        JsonNode data = new ObjectMapper().readTree(event.body()).get("data");
        assertThat(data.get("campaignId").asText()).isEqualTo("c-7");

        out.reset();
        assertThat(Main.run("trigger", "email.bounced", "--api-key", sandbox, "--api-url", url(),
                "--data", "bounceType=hard", "--data", "prospectId=p-42", "--data", "campaignId=c-7",
                "--data", "bouncedAt=" + data.get("bouncedAt").asText())).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("Already made (a dedup rule applied): email.bounced "
                + made.group(1));
    }

    @Test
    void aLiveKeyAWrongKeyABadTypeAndADownServerEachFailWithOneLine() throws Exception {
        assertThat(Main.run("trigger", "email.opened", "--api-key", keys.get(0).secret(), "--api-url", url())).isEqualTo(1);
        assertThat(lastLine()).startsWith("warmy: not allowed (403 ");

        assertThat(Main.run("trigger", "email.opened", "--api-key", "wk_test_" + "0".repeat(32), "--api-url", url()))
                .isEqualTo(1);
        assertThat(lastLine()).startsWith("warmy: the API key was refused (401 invalid_api_key)");

        assertThat(Main.run("trigger", "no.such", "--api-key", keys.get(1).secret(), "--api-url", url())).isEqualTo(1);
        assertThat(lastLine()).startsWith("warmy: the server refused the request (422 ");

        int closedPort;
        try (ServerSocket s = new ServerSocket(0)) {
            closedPort = s.getLocalPort();
        }
        assertThat(Main.run("trigger", "email.opened", "--api-key", keys.get(1).secret(), "--api-url",
                "http://127.0.0.1:" + closedPort)).isEqualTo(1);
        assertThat(lastLine()).isEqualTo("warmy: cannot reach http://127.0.0.1:" + closedPort
                + " (connection refused) — is `./warmy serve` running?");

        assertThat(Main.run("trigger", "email.opened", "--api-key", keys.get(1).secret(), "--data", "oops")).isEqualTo(2);
        assertThat(lastLine()).isEqualTo("warmy: --data takes KEY=VALUE, not 'oops'.");
        assertThat(out.toString(StandardCharsets.UTF_8)).isEmpty();
    }

    private String lastLine() {
        List<String> lines = err.toString(StandardCharsets.UTF_8).strip().lines().toList();
        return lines.getLast();
    }
}
