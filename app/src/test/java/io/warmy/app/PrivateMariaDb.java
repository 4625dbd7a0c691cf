package io.warmy.app;

import io.warmy.adapters.persistence.DatabaseSettings;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A MariaDB server of the test's own, on its own port and data directory, that the test may stop
 * and start again: how an outage is staged without touching the machine's shared server.
 */
final class PrivateMariaDb implements AutoCloseable {

    private static final Path SERVER = Path.of("/usr/sbin/mariadbd");
    private static final Path INSTALL = Path.of("/usr/bin/mariadb-install-db");

    private final Path dir;
    private final int port;
    private Process server;

    private PrivateMariaDb(Path dir, int port) {
        this.dir = dir;
        this.port = port;
    }

    /** Installs a fresh data directory and starts a server on it, with one empty database {@code warmy}. */
    static PrivateMariaDb start() throws IOException, InterruptedException {
        if (!Files.isExecutable(SERVER) || !Files.isExecutable(INSTALL)) {
            throw new IllegalStateException("This test runs a MariaDB server of its own and needs " + SERVER + " and "
                    + INSTALL + " (Debian package mariadb-server, which ./test installs).");
        }
        Path dir = Files.createTempDirectory(Path.of("/tmp"), "warmy-mariadb-");
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        PrivateMariaDb db = new PrivateMariaDb(dir, port);
        db.run(List.of(INSTALL.toString(), "--no-defaults", "--datadir=" + dir.resolve("data"),
                "--auth-root-authentication-method=normal", "--skip-test-db"), true);
        db.startServer();
        try (Connection c = DriverManager.getConnection(db.serverUrl(), "root", "")) {
            c.createStatement().execute("CREATE DATABASE warmy CHARACTER SET utf8mb4 COLLATE utf8mb4_bin");
        } catch (SQLException e) {
            throw new IllegalStateException("The private MariaDB server does not answer", e);
        }
        return db;
    }

    DatabaseSettings settings() {
        return new DatabaseSettings("jdbc:mysql://127.0.0.1:" + port + "/warmy", "root", "", 8);
    }

    /** Starts the server on the same data directory and port. */
    void startServer() throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(SERVER.toString(), "--no-defaults",
                "--datadir=" + dir.resolve("data"), "--port=" + port, "--bind-address=127.0.0.1",
                "--socket=" + dir.resolve("mariadb.sock"), "--pid-file=" + dir.resolve("mariadb.pid"),
                "--skip-log-bin", "--innodb-buffer-pool-size=32M", "--max-connections=200"));
        if (runningAsRoot()) {
            command.add("--user=mysql");
        }
        server = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("server.log").toFile())).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            if (!server.isAlive()) {
                throw new IllegalStateException("The private MariaDB server exited:\n"
                        + Files.readString(dir.resolve("server.log")));
            }
            try (Socket ignored = new Socket("127.0.0.1", port)) {
                return;
            } catch (IOException notYet) {
                Thread.sleep(50);
            }
        }
        throw new IllegalStateException("The private MariaDB server did not listen within 30 s");
    }

    /** Stops the server as an operator would (SIGTERM) and waits until it is gone. */
    void stopServer() throws InterruptedException {
        server.destroy();
        if (!server.waitFor(30, TimeUnit.SECONDS)) {
            server.destroyForcibly();
            server.waitFor();
        }
    }

    private String serverUrl() {
        return "jdbc:mysql://127.0.0.1:" + port + "/";
    }

    private void run(List<String> command, boolean asServerUser) throws IOException, InterruptedException {
        List<String> full = new ArrayList<>(command);
        if (asServerUser && runningAsRoot()) {
            full.add("--user=mysql");
            // The server drops to the mysql user, which must own its directory.
            new ProcessBuilder("chown", "-R", "mysql:mysql", dir.toString()).inheritIO().start().waitFor();
        }
        Process p = new ProcessBuilder(full).redirectErrorStream(true)
                .redirectOutput(dir.resolve("install.log").toFile()).start();
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", full) + " failed:\n" + Files.readString(dir.resolve("install.log")));
        }
        if (asServerUser && runningAsRoot()) {
            new ProcessBuilder("chown", "-R", "mysql:mysql", dir.toString()).inheritIO().start().waitFor();
        }
    }

    private static boolean runningAsRoot() {
        return "root".equals(System.getProperty("user.name"));
    }

    @Override
    public void close() throws Exception {
        if (server != null && server.isAlive()) {
            stopServer();
        }
        new ProcessBuilder("rm", "-rf", dir.toString()).inheritIO().start().waitFor();
    }
}
