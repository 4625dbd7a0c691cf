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
                          Optional<String> dbUrl, String dbUser, String dbPassword, int dbPoolSize, Path dataDir,
                          Webhooks webhooks, Tracking tracking, boolean rateLimits) {

    /** A configuration with per-key rate limits on, as they are unless switched off. */
    public WarmyConfig(String httpHost, int httpPort, String grpcHost, int grpcPort, Optional<String> grpcToken,
                       Optional<String> dbUrl, String dbUser, String dbPassword, int dbPoolSize, Path dataDir,
                       Webhooks webhooks, Tracking tracking) {
        this(httpHost, httpPort, grpcHost, grpcPort, grpcToken, dbUrl, dbUser, dbPassword, dbPoolSize, dataDir,
                webhooks, tracking, true);
    }

    /**
     * The tracking links in campaign emails: the public base URL they point at (by default this
     * server's own address) and the keys that sign them ({@code id:base64,…}, the current one first;
     * by default one key made on first start and kept in the database for every node).
     */
    public record Tracking(Optional<String> baseUrl, Optional<String> keys) {
        public static final Tracking DEFAULTS = new Tracking(Optional.empty(), Optional.empty());

        @Override
        public String toString() {
            return "Tracking[baseUrl=" + baseUrl.orElse("this server") + ", keys=" + (keys.isPresent() ? "configured" : "database") + "]";
        }
    }

    /** Webhook delivery on this node: whether it delivers, and which receiver addresses it may call. */
    public record Webhooks(boolean deliver, boolean allowLoopback, boolean allowPrivate, int leaseSeconds) {

        /** A claimed delivery stays this node's this long; after a crash another node takes it then. */
        public static final int DEFAULT_LEASE_SECONDS = 60;
        /** Comfortably past the 10 s bound of one attempt, so a live node never loses a claim it is sending. */
        public static final int MIN_LEASE_SECONDS = 15;

        public Webhooks {
            if (leaseSeconds < MIN_LEASE_SECONDS || leaseSeconds > 3600) {
                throw new IllegalArgumentException("warmy.webhooks.lease-seconds must be between " + MIN_LEASE_SECONDS
                        + " and 3600, not " + leaseSeconds + ".");
            }
        }

        public Webhooks(boolean deliver, boolean allowLoopback, boolean allowPrivate) {
            this(deliver, allowLoopback, allowPrivate, DEFAULT_LEASE_SECONDS);
        }

        public static final Webhooks DEFAULTS = new Webhooks(true, false, false);
        /** Local development and tests: receivers on this machine are fine. */
        public static final Webhooks LOCAL = new Webhooks(true, true, false);
    }

    /** The environment variables read, each overriding one config key. */
    static final Map<String, String> ENVIRONMENT = Map.ofEntries(
            Map.entry("WARMY_HTTP_HOST", "warmy.http.host"),
            Map.entry("WARMY_HTTP_PORT", "warmy.http.port"),
            Map.entry("WARMY_GRPC_HOST", "warmy.grpc.host"),
            Map.entry("WARMY_GRPC_PORT", "warmy.grpc.port"),
            Map.entry("WARMY_GRPC_TOKEN", "warmy.grpc.token"),
            Map.entry("WARMY_DB_URL", "warmy.db.url"),
            Map.entry("WARMY_DB_USER", "warmy.db.user"),
            Map.entry("WARMY_DB_PASSWORD", "warmy.db.password"),
            Map.entry("WARMY_DB_POOL_SIZE", "warmy.db.pool-size"),
            Map.entry("WARMY_DATA_DIR", "warmy.data-dir"),
            Map.entry("WARMY_WEBHOOKS_DELIVER", "warmy.webhooks.deliver"),
            Map.entry("WARMY_WEBHOOKS_ALLOW_LOOPBACK", "warmy.webhooks.allow-loopback"),
            Map.entry("WARMY_WEBHOOKS_ALLOW_PRIVATE", "warmy.webhooks.allow-private"),
            Map.entry("WARMY_WEBHOOKS_LEASE_SECONDS", "warmy.webhooks.lease-seconds"),
            Map.entry("WARMY_TRACKING_BASE_URL", "warmy.tracking.base-url"),
            Map.entry("WARMY_TRACKING_KEYS", "warmy.tracking.keys"),
            Map.entry("WARMY_RATE_LIMITS_ENABLED", "warmy.rate-limits.enabled"));

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
                Path.of(config.get("data-dir").asString().get()),
                new Webhooks(bool(config, "webhooks.deliver", "WARMY_WEBHOOKS_DELIVER"),
                        bool(config, "webhooks.allow-loopback", "WARMY_WEBHOOKS_ALLOW_LOOPBACK"),
                        bool(config, "webhooks.allow-private", "WARMY_WEBHOOKS_ALLOW_PRIVATE"),
                        integer(config, "webhooks.lease-seconds", "WARMY_WEBHOOKS_LEASE_SECONDS",
                                Webhooks.MIN_LEASE_SECONDS, 3600)),
                new Tracking(config.get("tracking.base-url").asString().asOptional().filter(s -> !s.isBlank()),
                        config.get("tracking.keys").asString().asOptional().filter(s -> !s.isBlank())),
                bool(config, "rate-limits.enabled", "WARMY_RATE_LIMITS_ENABLED"));
    }

    private static boolean bool(Config config, String key, String variable) {
        String raw = config.get(key).asString().get().trim();
        return switch (raw) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException("warmy." + key + " (" + variable + ") must be true or false, not '"
                    + raw + "'.");
        };
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
                + dbUrl.orElse("embedded H2 in " + dataDir) + ", " + webhooks + ", " + tracking + "]";
    }
}
