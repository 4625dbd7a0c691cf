package io.warmy.app;

import io.warmy.adapters.persistence.DatabaseSettings;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A Warmy server as its own operating-system process ({@code warmy serve}, on this test's class
 * path), on free loopback ports, so that a test can kill it with SIGKILL like a crash would.
 */
final class ServerProcess implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final Process process;
    private final int httpPort;
    private final int grpcPort;
    private final Path stdout;
    private final Path stderr;

    private ServerProcess(Process process, int httpPort, int grpcPort, Path stdout, Path stderr) {
        this.process = process;
        this.httpPort = httpPort;
        this.grpcPort = grpcPort;
        this.stdout = stdout;
        this.stderr = stderr;
    }

    /** Starts a node on {@code db} and waits until it is ready. */
    static ServerProcess start(String name, DatabaseSettings db, Path workDir, Map<String, String> extraEnv) {
        try {
            Files.createDirectories(workDir);
            int http = freePort();
            int grpc = freePort();
            String java = ProcessHandle.current().info().command().orElse("java");
            List<String> command = new ArrayList<>(List.of(java, "-Xmx256m", "-cp", System.getProperty("java.class.path"),
                    Main.class.getName(), "serve"));
            ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile());
            Map<String, String> env = builder.environment();
            env.keySet().removeIf(k -> k.startsWith("WARMY_"));
            env.put("WARMY_HTTP_HOST", "127.0.0.1");
            env.put("WARMY_HTTP_PORT", Integer.toString(http));
            env.put("WARMY_GRPC_PORT", Integer.toString(grpc));
            env.put("WARMY_DB_URL", db.jdbcUrl());
            env.put("WARMY_DB_USER", db.user());
            env.put("WARMY_DB_PASSWORD", db.password());
            env.put("WARMY_DATA_DIR", workDir.resolve("data").toString());
            env.put("WARMY_WEBHOOKS_ALLOW_LOOPBACK", "true");
            env.putAll(extraEnv);
            Path out = workDir.resolve(name + ".out");
            Path err = workDir.resolve(name + ".err");
            builder.redirectOutput(out.toFile()).redirectError(err.toFile());
            ServerProcess node = new ServerProcess(builder.start(), http, grpc, out, err);
            node.awaitReady(Duration.ofSeconds(60));
            return node;
        } catch (IOException e) {
            throw new IllegalStateException("Could not start server process " + name, e);
        }
    }

    int httpPort() {
        return httpPort;
    }

    int grpcPort() {
        return grpcPort;
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + httpPort + path);
    }

    /** The live admin key the first node on an empty database prints (just after it is ready). */
    Optional<String> printedLiveKey() throws IOException, InterruptedException {
        Pattern key = Pattern.compile("live:\\s+(wk_live_\\S+)");
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            String out = Files.readString(stdout);
            Matcher m = key.matcher(out);
            if (m.find()) {
                return Optional.of(m.group(1));
            }
            if (out.contains("Warmy is serving")) {
                return Optional.empty();
            }
            Thread.sleep(50);
        }
        return Optional.empty();
    }

    /** {@code kill -9}: no shutdown hook, no goodbye. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    boolean isReady() {
        try {
            HttpResponse<Void> r = HTTP.send(HttpRequest.newBuilder(uri("/health/ready")).timeout(Duration.ofSeconds(2))
                    .build(), HttpResponse.BodyHandlers.discarding());
            return r.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private void awaitReady(Duration timeout) throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Server process exited with " + process.exitValue() + ":\n"
                        + Files.readString(stderr));
            }
            if (isReady()) {
                return;
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        process.destroyForcibly();
        throw new IllegalStateException("Server process not ready within " + timeout + ":\n" + Files.readString(stderr));
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
