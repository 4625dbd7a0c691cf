package io.warmy.app;

import io.warmy.adapters.persistence.DatabaseSettings;
import io.warmy.adapters.persistence.PersistenceAdapter;
import io.warmy.application.common.port.out.Clock;
import io.warmy.application.tenancy.port.in.Caller;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The operator commands, run as `./warmy …` runs them, on an embedded database in a temporary directory. */
class CommandLineTest {

    @TempDir
    Path dir;

    private Path config;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private PrintStream originalOut;
    private PrintStream originalErr;

    @BeforeEach
    void configAndCapture() throws Exception {
        config = dir.resolve("warmy.yaml");
        Files.writeString(config, "warmy:\n  data-dir: " + dir.resolve("data") + "\n");
        originalOut = System.out;
        originalErr = System.err;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restore() {
        System.setOut(originalOut);
        System.setErr(originalErr);
    }

    /** What a command said last on standard error (libraries may log there before it). */
    private String lastErrorLine() {
        return err.toString(StandardCharsets.UTF_8).strip().lines().toList().getLast();
    }

    private String stdout() {
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void keysCreatePrintsOnlyTheNewKeyAndTheKeyWorks() {
        int exit = Main.run("--config", config.toString(), "keys", "create", "--workspace", "acme", "--sandbox", "--admin");
        assertThat(exit).isZero();
        String key = stdout().strip();
        assertThat(key).matches("wk_test_[0-9A-Za-z]{32}");

        try (PersistenceAdapter db = PersistenceAdapter.open(DatabaseSettings.embeddedH2(dir.resolve("data")))) {
            Caller caller = Warmy.Services.on(db, Clock.system()).authenticator().authenticate(key);
            assertThat(caller.admin()).isTrue();
            assertThat(caller.tenant().mode().wireName()).isEqualTo("sandbox");
            assertThat(db.workspaces().findByName("acme")).isPresent();
        }
    }

    @Test
    void aSecondKeyForTheSameWorkspaceReusesIt() {
        assertThat(Main.run("--config", config.toString(), "keys", "create", "--workspace", "acme")).isZero();
        assertThat(Main.run("--config", config.toString(), "keys", "create", "--workspace", "acme", "--name", "CI")).isZero();
        String[] keys = stdout().strip().split("\\R");
        assertThat(keys).hasSize(2).allMatch(k -> k.matches("wk_live_[0-9A-Za-z]{32}"));
        try (PersistenceAdapter db = PersistenceAdapter.open(DatabaseSettings.embeddedH2(dir.resolve("data")))) {
            var services = Warmy.Services.on(db, Clock.system());
            assertThat(services.authenticator().authenticate(keys[0]).tenant())
                    .isEqualTo(services.authenticator().authenticate(keys[1]).tenant());
        }
    }

    @Test
    void keysListShowsEveryKeyButNoSecretAndRevokeRefusesItFromThenOn() {
        assertThat(Main.run("--config", config.toString(), "keys", "create", "--workspace", "acme", "--name", "CI")).isZero();
        assertThat(Main.run("--config", config.toString(), "keys", "create", "--workspace", "acme", "--sandbox")).isZero();
        String[] secrets = stdout().strip().split("\\R");
        out.reset();

        assertThat(Main.run("--config", config.toString(), "keys", "list", "--workspace", "acme")).isZero();
        List<String> lines = stdout().strip().lines().toList();
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0)).startsWith("ID").contains("PREFIX", "MODE", "LAST USED", "REVOKED");
        assertThat(lines.get(1)).contains("sandbox").contains(secrets[1].substring(0, 12)).contains("Operator key");
        assertThat(lines.get(2)).contains("live").contains("CI");
        assertThat(stdout()).doesNotContain(secrets[0]).doesNotContain(secrets[1]);
        String ciKeyId = lines.get(2).split("\\s+")[0];
        out.reset();

        assertThat(Main.run("--config", config.toString(), "keys", "revoke", "--workspace", "acme", ciKeyId)).isZero();
        assertThat(stdout()).startsWith("Revoked " + ciKeyId);
        try (PersistenceAdapter db = PersistenceAdapter.open(DatabaseSettings.embeddedH2(dir.resolve("data")))) {
            var services = Warmy.Services.on(db, Clock.system());
            assertThatThrownBy(() -> services.authenticator().authenticate(secrets[0]))
                    .hasMessageContaining("revoked");
            assertThat(services.authenticator().authenticate(secrets[1]).tenant().mode().wireName()).isEqualTo("sandbox");
        }
        err.reset();
        assertThat(Main.run("--config", config.toString(), "keys", "revoke", "--workspace", "acme",
                "key_01KAT5QW3M7S1Z8XJ9VDQ4B2NC")).isEqualTo(1);
        assertThat(lastErrorLine()).isEqualTo("warmy: workspace 'acme' has no API key key_01KAT5QW3M7S1Z8XJ9VDQ4B2NC.");
        err.reset();
        assertThat(Main.run("--config", config.toString(), "keys", "list", "--workspace", "nobody")).isEqualTo(1);
        assertThat(lastErrorLine()).isEqualTo("warmy: there is no workspace named 'nobody'.");
    }

    @Test
    void everyCommandHasHelpThatSaysWhatItDoesAndItsExitCodes() {
        for (String[] command : List.of(new String[] {"--help"}, new String[] {"serve", "--help"},
                new String[] {"migrate", "--help"}, new String[] {"keys", "--help"}, new String[] {"keys", "create", "--help"},
                new String[] {"keys", "list", "--help"}, new String[] {"keys", "revoke", "--help"},
                new String[] {"listen", "--help"}, new String[] {"trigger", "--help"}, new String[] {"simulate", "--help"})) {
            out.reset();
            assertThat(Main.run(command)).as(String.join(" ", command)).isZero();
            assertThat(stdout()).as(String.join(" ", command)).startsWith("Usage: warmy");
        }
        out.reset();
        Main.run("--help");
        assertThat(stdout()).contains("listen", "trigger", "simulate", "keys");
        for (String client : List.of("listen", "trigger", "simulate")) {
            out.reset();
            Main.run(client, "--help");
            assertThat(stdout()).as(client).contains("Exit codes: 0").contains("--api-key");
        }
    }

    @Test
    void migrateReportsWhatItAppliedAndThenThatNothingIsLeft() {
        assertThat(Main.run("--config", config.toString(), "migrate")).isZero();
        assertThat(stdout()).containsPattern("Applied \\d+ migration");
        out.reset();
        assertThat(Main.run("--config", config.toString(), "migrate")).isZero();
        assertThat(stdout()).contains("up to date");
    }

    @Test
    void aBadFlagIsAUsageErrorWithExitCodeTwo() {
        assertThat(Main.run("keys", "create", "--workspace", "acme", "--bogus")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--bogus");
        assertThat(Main.run("keys", "create")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--workspace");
    }

    @Test
    void anInvalidWorkspaceNameFailsWithOneClearLine() {
        assertThat(Main.run("--config", config.toString(), "keys", "create", "--workspace", "no/slashes")).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8).strip()).startsWith("warmy: Workspace name must be");
        assertThat(stdout()).isEmpty();
    }

    @Test
    void aMissingConfigFileIsNamed() {
        assertThat(Main.run("--config", dir.resolve("nope.yaml").toString(), "migrate")).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("nope.yaml");
    }
}
