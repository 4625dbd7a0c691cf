package io.warmy.app;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WarmyConfigTest {

    @TempDir
    Path dir;

    @Test
    void withNothingSetTheDefaultsServeOnTheEmbeddedDatabase() {
        WarmyConfig c = WarmyConfig.load(Optional.empty(), Map.of());
        assertThat(c.httpPort()).isEqualTo(8080);
        assertThat(c.grpcPort()).isEqualTo(9090);
        assertThat(c.grpcHost()).isEqualTo("127.0.0.1");
        assertThat(c.dbUrl()).isEmpty();
        assertThat(c.grpcToken()).isEmpty();
        assertThat(c.dataDir()).isEqualTo(Path.of("./data"));
    }

    @Test
    void aFileOverridesTheDefaultsAndTheEnvironmentOverridesTheFile() throws Exception {
        Path file = dir.resolve("warmy.yaml");
        Files.writeString(file, """
                warmy:
                  http:
                    port: 8181
                  grpc:
                    port: 9191
                  db:
                    url: jdbc:mysql://db.internal:3306/warmy
                    user: warmy
                """);
        WarmyConfig c = WarmyConfig.load(Optional.of(file), Map.of(
                "WARMY_HTTP_PORT", "8282", "WARMY_DB_PASSWORD", "pw", "WARMY_DATA_DIR", "/var/lib/warmy",
                "WARMY_GRPC_TOKEN", "tok"));
        assertThat(c.httpPort()).isEqualTo(8282);
        assertThat(c.grpcPort()).isEqualTo(9191);
        assertThat(c.dbUrl()).contains("jdbc:mysql://db.internal:3306/warmy");
        assertThat(c.dbUser()).isEqualTo("warmy");
        assertThat(c.dbPassword()).isEqualTo("pw");
        assertThat(c.dataDir()).isEqualTo(Path.of("/var/lib/warmy"));
        assertThat(c.grpcToken()).contains("tok");
    }

    @Test
    void secretsNeverAppearInTheConfigsPrintedForm() {
        WarmyConfig c = WarmyConfig.load(Optional.empty(), Map.of("WARMY_DB_PASSWORD", "hunter2", "WARMY_GRPC_TOKEN", "t0ken"));
        assertThat(c.toString()).doesNotContain("hunter2").doesNotContain("t0ken");
    }

    @Test
    void aBadPortIsRefusedNamingTheVariable() {
        assertThatThrownBy(() -> WarmyConfig.load(Optional.empty(), Map.of("WARMY_HTTP_PORT", "eighty")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("WARMY_HTTP_PORT").hasMessageContaining("eighty");
        assertThatThrownBy(() -> WarmyConfig.load(Optional.empty(), Map.of("WARMY_GRPC_PORT", "70000")))
                .hasMessageContaining("WARMY_GRPC_PORT");
    }
}
