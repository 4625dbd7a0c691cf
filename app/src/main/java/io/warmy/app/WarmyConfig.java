package io.warmy.app;

import io.helidon.config.Config;
import io.helidon.config.ConfigSources;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Everything the server needs to start, read once: the defaults in {@code application.yaml}, then
 * a config file ({@code --config FILE}, else {@code ./warmy.yaml} when present), then the
 * {@code WARMY_*} environment variables, each overriding the one before.
 */
public record WarmyConfig(String httpHost, int httpPort, String grpcHost, int grpcPort, Optional<String> grpcToken,
                          Optional<String> dbUrl, String dbUser, String dbPassword, int dbPoolSize, Path dataDir) {

    /** The environment variables read, each overriding one config key. */
    static final Map<String, String> ENVIRONMENT = Map.of(
            "WARMY_HTTP_HOST", "warmy.http.host",
            "WARMY_HTTP_PORT", "warmy.http.port",
            "WARMY_GRPC_HOST", "warmy.grpc.host",
            "WARMY_GRPC_PORT", "warmy.grpc.port",
            "WARMY_GRPC_TOKEN", "warmy.grpc.token",
            "WARMY_DB_URL", "warmy.db.url",
            "WARMY_DB_USER", "warmy.db.user",
            "WARMY_DB_PASSWORD", "warmy.db.password",
            "WARMY_DB_POOL_SIZE", "warmy.db.pool-size",
            "WARMY_DATA_DIR", "warmy.data-dir");

    public static WarmyConfig load(Optional<Path> file, Map<String, String> env) {
        List<Supplier<? extends io.helidon.config.spi.ConfigSource>> sources = new ArrayList<>();
        Map<String, String> overrides = new java.util.HashMap<>();
        ENVIRONMENT.forEach((variable, key) -> {
            String value = env.get(variable);
            if (value != null) {
                overrides.put(key, value);
            }
        });
        sources.add(ConfigSources.create(overrides));
        Path configFile = file.orElse(Path.of("warmy.yaml"));
        if (file.isPresent() && !Files.isReadable(configFile)) {
            throw new IllegalArgumentException("Config file " + configFile + " cannot be read.");
        }
        if (Files.isReadable(configFile)) {
            sources.add(ConfigSources.file(configFile));
        }
        sources.add(ConfigSources.classpath("application.yaml"));
        Config config = Config.builder()
                .disableEnvironmentVariablesSource()
                .disableSystemPropertiesSource()
                .sources(sources)
                .build()
                .get("warmy");
        return new WarmyConfig(
                config.get("http.host").asString().get(),
                port(config, "http.port", "WARMY_HTTP_PORT"),
                config.get("grpc.host").asString().get(),
                port(config, "grpc.port", "WARMY_GRPC_PORT"),
                config.get("grpc.token").asString().asOptional().filter(s -> !s.isBlank()),
                config.get("db.url").asString().asOptional().filter(s -> !s.isBlank()),
                config.get("db.user").asString().orElse(""),
                config.get("db.password").asString().orElse(""),
                integer(config, "db.pool-size", "WARMY_DB_POOL_SIZE", 1, 500),
                Path.of(config.get("data-dir").asString().get()));
    }

    private static int port(Config config, String key, String variable) {
        return integer(config, key, variable, 0, 65535);
    }

    private static int integer(Config config, String key, String variable, int min, int max) {
        String raw = config.get(key).asString().get().trim();
        try {
            int value = Integer.parseInt(raw);
            if (value >= min && value <= max) {
                return value;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw new IllegalArgumentException("warmy." + key + " (" + variable + ") must be a whole number between "
                + min + " and " + max + ", not '" + raw + "'.");
    }

    @Override
    public String toString() {
        // Passwords and tokens never reach a log line.
        return "WarmyConfig[http=" + httpHost + ":" + httpPort + ", grpc=" + grpcHost + ":" + grpcPort
                + ", grpcToken=" + (grpcToken.isPresent() ? "set" : "none") + ", db="
                + dbUrl.orElse("embedded H2 in " + dataDir) + "]";
    }
}
