package io.warmy.bench;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The server under test: {@code ./warmy serve} in a process of its own, on free
 * ports, on the embedded H2 database or on a fresh MariaDB database of its own, with the live
 * admin key it prints at first start.
 */
final class WarmyServer implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    final Proc process;
    final int httpPort;
    final int grpcPort;
    final String adminKey;
    /** Seconds from starting the process to the first 200 of {@code /health/ready}. */
    final double startToReadySeconds;
    private final Optional<Database> database;

    private WarmyServer(Proc process, int httpPort, int grpcPort, String adminKey, double startToReady,
                        Optional<Database> database) {
        this.process = process;
        this.httpPort = httpPort;
        this.grpcPort = grpcPort;
        this.adminKey = adminKey;
        this.startToReadySeconds = startToReady;
        this.database = database;
    }

    /** A server on its own new database: MariaDB when {@code onMariaDb}, else H2 in a new folder. */
    static WarmyServer start(Suite suite, String name, boolean onMariaDb, Map<String, String> extraEnv) {
        int http = Bench.freePort();
        int grpc = Bench.freePort();
        Map<String, String> env = new HashMap<>();
        env.put("WARMY_HTTP_HOST", "127.0.0.1");
        env.put("WARMY_HTTP_PORT", Integer.toString(http));
        env.put("WARMY_GRPC_PORT", Integer.toString(grpc));
        env.put("WARMY_WEBHOOKS_ALLOW_LOOPBACK", "true");
        env.put("WARMY_LOG_FORMAT", "json");
        Optional<Database> database = Optional.empty();
        try {
            env.put("WARMY_DATA_DIR", Files.createTempDirectory(suite.work, name + "-data").toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (onMariaDb) {
            Database db = Database.create(name);
            database = Optional.of(db);
            env.put("WARMY_DB_URL", db.url);
            env.put("WARMY_DB_USER", Database.USER);
            env.put("WARMY_DB_PASSWORD", Database.PASSWORD);
        }
        env.putAll(extraEnv);
        long started = System.nanoTime();
        // Started as users start it: ./warmy serve (the launcher's JVM options, class data sharing included).
        Proc process = Proc.command(name, List.of(suite.root.resolve("warmy").toString(), "serve"), env, suite.logs);
        try {
            String keyLine = process.await(l -> l.trim().startsWith("live:"), Duration.ofSeconds(60));
            String key = keyLine.trim().substring("live:".length()).trim();
            double ready = awaitReady(http, started);
            return new WarmyServer(process, http, grpc, key, ready, database);
        } catch (RuntimeException e) {
            process.close();
            database.ifPresent(Database::close);
            throw e;
        }
    }

    static double awaitReady(int port, long startedNanos) {
        HttpRequest ready = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health/ready"))
                .timeout(Duration.ofSeconds(2)).build();
        long deadline = startedNanos + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                if (HTTP.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return (System.nanoTime() - startedNanos) / 1e9;
                }
            } catch (IOException e) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new IllegalStateException("the server on port " + port + " was not ready within 60 s");
    }

    String api() {
        return "http://127.0.0.1:" + httpPort + "/api/v1";
    }

    String grpcTarget() {
        return "127.0.0.1:" + grpcPort;
    }

    Optional<Database> database() {
        return database;
    }

    /** A key of the admin's workspace that may make a million requests an hour, for load. */
    String loadKey() {
        JsonNode created = Bench.call("POST", api() + "/api-keys", adminKey,
                "{\"name\":\"bench\",\"admin\":true,\"rateLimitPerHour\":1000000}");
        return created.get("key").asText();
    }

    String workspaceId() {
        return Bench.call("GET", api() + "/workspace", adminKey, null).get("id").asText();
    }

    String connectMailbox(String key, String email) {
        return Bench.call("POST", api() + "/mailboxes", key,
                "{\"email\":\"" + email + "\",\"provider\":\"google\"}").get("id").asText();
    }

    @Override
    public void close() {
        process.close();
        database.ifPresent(Database::close);
    }
}
