package io.warmy.app;

import io.warmy.application.common.port.out.Clock;
import io.warmy.domain.tenancy.Mode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code warmy simulate} against a server started here: the same seed makes the same events, every run. */
class SimulateCommandTest {

    @TempDir
    Path dataDir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private PrintStream originalOut;
    private PrintStream originalErr;
    private Warmy warmy;

    @BeforeEach
    void start() {
        warmy = Warmy.start(new WarmyConfig("127.0.0.1", 0, "127.0.0.1", 0, Optional.empty(), Optional.empty(), "", "", 8,
                dataDir, WarmyConfig.Webhooks.LOCAL, WarmyConfig.Tracking.DEFAULTS), Clock.system());
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

    private String simulate(String workspace, long seed, String... extra) {
        String key = warmy.provisioning().issueKey(workspace, "sim", Mode.LIVE, true).secret();
        out.reset();
        List<String> args = new java.util.ArrayList<>(List.of("simulate", "--api-key", key, "--api-url",
                "http://127.0.0.1:" + warmy.httpPort(), "--grpc", "127.0.0.1:" + warmy.grpcPort(),
                "--mailboxes", "2", "--days", "6", "--seed", Long.toString(seed)));
        args.addAll(List.of(extra));
        int exit = Main.run(args.toArray(String[]::new));
        assertThat(exit).as(err.toString(StandardCharsets.UTF_8)).isZero();
        return out.toString(StandardCharsets.UTF_8);
    }

    /** The events table: type, made, deduplicated. */
    private static String table(String printed) {
        return printed.substring(printed.indexOf("EVENT TYPE"), printed.indexOf("warmup reports"));
    }

    @Test
    void theSameSeedOnAFreshWorkspaceMakesTheSameEventsEveryRun() {
        String first = simulate("sim-first", 42);
        String second = simulate("sim-second", 42, "--concurrency", "1");
        assertThat(table(second)).isEqualTo(table(first));
        String table = table(first);
        assertThat(table).containsPattern("mailbox\\.connected\\s+2\\s")
                .containsPattern("limit\\.hit\\s+2\\s")
                .containsPattern("email\\.clicked\\s+\\d+\\s+[1-9]\\d*")
                .containsPattern("email\\.opened\\s+[1-9]\\d*\\s+[1-9]\\d*")
                .contains("email.bounced").contains("reply.received");
        assertThat(first).contains("warmup reports: ").contains("MAILBOX").containsPattern("mbx_\\w+\\s+\\S+\\s+\\w+");
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("simulated day 6/6");

        String other = simulate("sim-other-seed", 7);
        assertThat(table(other)).isNotEqualTo(table(first));
    }

    @Test
    void aServerWithoutItsGrpcApiOrABadFlagFailsWithOneLine() throws Exception {
        String key = warmy.provisioning().issueKey("sim-down", "sim", Mode.LIVE, true).secret();
        int closed;
        try (ServerSocket s = new ServerSocket(0)) {
            closed = s.getLocalPort();
        }
        assertThat(Main.run("simulate", "--api-key", key, "--api-url", "http://127.0.0.1:" + warmy.httpPort(),
                "--grpc", "127.0.0.1:" + closed, "--days", "1")).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8).strip().lines().toList().getLast())
                .startsWith("warmy: cannot reach the gRPC API at 127.0.0.1:" + closed);
        assertThat(Main.run("simulate", "--api-key", key, "--days", "0")).isEqualTo(2);
        assertThat(Main.run("simulate", "--api-key", key, "--days", "many")).isEqualTo(2);
    }
}
