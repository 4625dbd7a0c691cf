package io.warmy.adapters.persistence.testing;

import io.warmy.adapters.persistence.DatabaseSettings;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.HexFormat;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Databases for tests, one of each kind per test run (JVM): a MariaDB/MySQL database made for the
 * run on the server named by {@code WARMY_TEST_MYSQL_URL} (default {@code jdbc:mysql://127.0.0.1:3306/}),
 * {@code WARMY_TEST_MYSQL_USER} and {@code WARMY_TEST_MYSQL_PASSWORD} (default {@code warmy_test} /
 * {@code warmy_test}), and an embedded H2 file database in MySQL mode. Both are empty until a
 * migration runs, and both are removed when the JVM exits, after the resources handed to
 * {@link #closeAtExit} are closed. An unreachable MariaDB fails the tests that ask for it, with
 * the steps that fix it; it is never skipped.
 */
public final class TestDatabases {

    private static final String DEFAULT_URL = "jdbc:mysql://127.0.0.1:3306/";
    private static final String DEFAULT_USER = "warmy_test";
    private static final String DATABASE_PREFIX = "warmy_test_";
    /** Databases left by runs that were killed before they could drop theirs are dropped after this long. */
    private static final Duration ABANDONED_AFTER = Duration.ofDays(1);
    private static final Pattern OWN_DATABASE = Pattern.compile(DATABASE_PREFIX + "([0-9]+)_[0-9a-f]+");
    private static final int POOL_SIZE = 4;
    private static final SecureRandom RANDOM = new SecureRandom();

    private static final Deque<AutoCloseable> TO_CLOSE = new ArrayDeque<>();
    private static final List<String> MARIADB_DATABASES = new ArrayList<>();
    private static final List<Path> H2_DIRECTORIES = new ArrayList<>();
    private static boolean hookInstalled;
    private static DatabaseSettings sharedMariaDb;
    private static DatabaseSettings sharedH2;
    private static IllegalStateException mariaDbUnreachable;

    private TestDatabases() {
    }

    /** The MariaDB/MySQL database of this test run: the same one on every call. */
    public static synchronized DatabaseSettings mariaDb() {
        if (sharedMariaDb == null) {
            sharedMariaDb = newMariaDb();
        }
        return sharedMariaDb;
    }

    /** The embedded H2 database of this test run: the same one on every call. */
    public static synchronized DatabaseSettings h2() {
        if (sharedH2 == null) {
            sharedH2 = newH2();
        }
        return sharedH2;
    }

    /** Another empty MariaDB/MySQL database, for a test that must start from nothing; dropped at exit. */
    public static synchronized DatabaseSettings newMariaDb() {
        if (mariaDbUnreachable != null) {
            throw mariaDbUnreachable;
        }
        String name = DATABASE_PREFIX + Instant.now().getEpochSecond() + "_" + randomHex();
        try (Connection c = DriverManager.getConnection(withConnectTimeout(serverUrl()), user(), password());
             Statement s = c.createStatement()) {
            dropAbandoned(s);
            s.execute("CREATE DATABASE " + name + " CHARACTER SET utf8mb4 COLLATE utf8mb4_bin");
        } catch (SQLException e) {
            mariaDbUnreachable = unreachable(e);
            throw mariaDbUnreachable;
        }
        installHook();
        MARIADB_DATABASES.add(name);
        return new DatabaseSettings(databaseUrl(name), user(), password(), POOL_SIZE);
    }

    /** Another empty embedded H2 database, as a server without a database configured makes it; deleted at exit. */
    public static synchronized DatabaseSettings newH2() {
        try {
            Path dir = Files.createTempDirectory("warmy-h2-");
            installHook();
            H2_DIRECTORIES.add(dir);
            return DatabaseSettings.embeddedH2(dir).withMaxPoolSize(POOL_SIZE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Empties every table of a database but the migration history, so a test starts from empty
     * tables without paying for a new schema.
     */
    public static void deleteAllRows(DatabaseSettings settings) {
        try (Connection c = DriverManager.getConnection(settings.jdbcUrl(), settings.user(), settings.password());
             Statement s = c.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rs = c.getMetaData().getTables(c.getCatalog(), c.getSchema(), "%", new String[] {"TABLE"})) {
                while (rs.next()) {
                    tables.add(rs.getString("TABLE_NAME"));
                }
            }
            for (String table : tables) {
                if (!table.equalsIgnoreCase("flyway_schema_history")) {
                    s.executeUpdate("DELETE FROM " + table);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not empty the tables of " + settings, e);
        }
    }

    /** Closes {@code resource} when the JVM exits, before the databases are removed (last registered, first closed). */
    public static synchronized void closeAtExit(AutoCloseable resource) {
        installHook();
        TO_CLOSE.push(resource);
    }

    private static void installHook() {
        if (!hookInstalled) {
            Runtime.getRuntime().addShutdownHook(new Thread(TestDatabases::cleanUp, "test-databases-cleanup"));
            hookInstalled = true;
        }
    }

    private static synchronized void cleanUp() {
        while (!TO_CLOSE.isEmpty()) {
            try {
                TO_CLOSE.pop().close();
            } catch (Exception e) {
                System.err.println("Could not close a test resource: " + e);
            }
        }
        if (!MARIADB_DATABASES.isEmpty()) {
            try (Connection c = DriverManager.getConnection(withConnectTimeout(serverUrl()), user(), password());
                 Statement s = c.createStatement()) {
                // A connection someone forgot in a transaction must not hold the JVM's exit for long.
                s.execute("SET SESSION lock_wait_timeout = 10");
                for (String name : MARIADB_DATABASES) {
                    s.execute("DROP DATABASE IF EXISTS " + name);
                }
            } catch (SQLException e) {
                System.err.println("Could not drop test databases " + MARIADB_DATABASES + ": " + e);
            }
        }
        for (Path dir : H2_DIRECTORIES) {
            deleteQuietly(dir);
        }
    }

    private static void dropAbandoned(Statement s) throws SQLException {
        long cutoff = Instant.now().minus(ABANDONED_AFTER).getEpochSecond();
        List<String> abandoned = new ArrayList<>();
        try (ResultSet rs = s.executeQuery("SHOW DATABASES LIKE 'warmy\\_test\\_%'")) {
            while (rs.next()) {
                Matcher m = OWN_DATABASE.matcher(rs.getString(1));
                if (m.matches() && Long.parseLong(m.group(1)) < cutoff) {
                    abandoned.add(rs.getString(1));
                }
            }
        }
        for (String name : abandoned) {
            s.execute("DROP DATABASE IF EXISTS " + name);
        }
    }

    private static IllegalStateException unreachable(SQLException e) {
        return new IllegalStateException("""
                The persistence tests need MariaDB (or MySQL) at %s as user '%s', and could not use it: %s
                To fix: start the server (e.g. `sudo service mariadb start`), then create the test user:
                  mariadb -uroot -e "CREATE USER IF NOT EXISTS 'warmy_test'@'127.0.0.1' IDENTIFIED BY 'warmy_test'; \
                GRANT ALL ON *.* TO 'warmy_test'@'127.0.0.1'; CREATE USER IF NOT EXISTS 'warmy_test'@'localhost' \
                IDENTIFIED BY 'warmy_test'; GRANT ALL ON *.* TO 'warmy_test'@'localhost';"
                or point WARMY_TEST_MYSQL_URL (a JDBC URL without a database, e.g. jdbc:mysql://127.0.0.1:3306/),
                WARMY_TEST_MYSQL_USER and WARMY_TEST_MYSQL_PASSWORD at a server where that user may create databases."""
                .formatted(serverUrl(), user(), e.getMessage()), e);
    }

    private static String serverUrl() {
        String url = env("WARMY_TEST_MYSQL_URL", DEFAULT_URL);
        return url.contains("?") || url.endsWith("/") ? url : url + "/";
    }

    private static String user() {
        return env("WARMY_TEST_MYSQL_USER", DEFAULT_USER);
    }

    private static String password() {
        return env("WARMY_TEST_MYSQL_PASSWORD", DEFAULT_USER);
    }

    /** The server URL with the database put in its path, before any parameters it carries. */
    private static String databaseUrl(String database) {
        String url = serverUrl();
        int query = url.indexOf('?');
        String base = query < 0 ? url : url.substring(0, query);
        String params = query < 0 ? "" : url.substring(query);
        return (base.endsWith("/") ? base : base + "/") + database + params;
    }

    private static String withConnectTimeout(String url) {
        return url + (url.contains("?") ? "&" : "?") + "connectTimeout=5000";
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    private static String randomHex() {
        byte[] bytes = new byte[4];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    private static void deleteQuietly(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            System.err.println("Could not delete " + dir + ": " + e);
        }
    }
}
