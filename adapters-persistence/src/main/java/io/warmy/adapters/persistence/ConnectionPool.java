package io.warmy.adapters.persistence;

import io.helidon.config.Config;
import io.helidon.config.ConfigSources;
import io.helidon.dbclient.DbClient;
import io.helidon.dbclient.jdbc.JdbcClientBuilder;
import io.helidon.dbclient.jdbc.JdbcConnectionPool;

import java.util.LinkedHashMap;
import java.util.Map;

/** Builds the DbClient over a HikariCP pool (found by Helidon's JDBC client through helidon-dbclient-hikari). */
final class ConnectionPool {

    /**
     * How long a statement waits for a free connection. A request waiting longer has failed
     * anyway, and readiness checks answer promptly while the database is down.
     */
    private static final long CONNECTION_TIMEOUT_MS = 3_000;

    /**
     * H2's isolation level, and the one the ports are written for on MySQL and MariaDB too (whose
     * default is REPEATABLE READ): an append that lost a dedup race must read the winner's row even
     * when its transaction read something before that row was committed, and an UPDATE that finds
     * no row must not lock the gap, where two racing first increments of a day's counter would
     * deadlock on their inserts. (MySQL's binary log must then be row-based or mixed, as it is by
     * default.)
     */
    private static final String ISOLATION = "TRANSACTION_READ_COMMITTED";

    /**
     * Connector/J settings for MySQL and MariaDB URLs, unless the URL sets them itself. Measured
     * with bench/run (docs/benchmarks.md): without {@code useLocalSessionState} every statement
     * outside a transaction costs a second round trip ({@code SET autocommit=1}), and without the
     * statement cache each one is parsed again on the client.
     */
    static final Map<String, String> MYSQL_PROPERTIES = new LinkedHashMap<>();

    static {
        MYSQL_PROPERTIES.put("useLocalSessionState", "true");
        MYSQL_PROPERTIES.put("cachePrepStmts", "true");
        MYSQL_PROPERTIES.put("prepStmtCacheSize", "500");
        MYSQL_PROPERTIES.put("prepStmtCacheSqlLimit", "4096");
        MYSQL_PROPERTIES.put("cacheServerConfiguration", "true");
        MYSQL_PROPERTIES.put("cacheResultSetMetadata", "true");
        MYSQL_PROPERTIES.put("elideSetAutoCommits", "true");
        MYSQL_PROPERTIES.put("maintainTimeStats", "false");
        MYSQL_PROPERTIES.put("rewriteBatchedStatements", "true");
    }

    private ConnectionPool() {
    }

    /** The URL with {@link #MYSQL_PROPERTIES} added where it names none of them; other databases' URLs as they are. */
    static String tuned(String url) {
        if (!url.startsWith("jdbc:mysql:") && !url.startsWith("jdbc:mariadb:")) {
            return url;
        }
        StringBuilder tuned = new StringBuilder(url);
        char separator = url.contains("?") ? '&' : '?';
        String query = url.contains("?") ? url.substring(url.indexOf('?') + 1).toLowerCase(java.util.Locale.ROOT) : "";
        for (Map.Entry<String, String> p : MYSQL_PROPERTIES.entrySet()) {
            boolean named = java.util.Arrays.stream(query.split("&"))
                    .anyMatch(pair -> pair.startsWith(p.getKey().toLowerCase(java.util.Locale.ROOT) + "="));
            if (!named) {
                tuned.append(separator).append(p.getKey()).append('=').append(p.getValue());
                separator = '&';
            }
        }
        return tuned.toString();
    }

    static DbClient open(DatabaseSettings settings) {
        Map<String, String> hikari = Map.of(
                "url", tuned(settings.jdbcUrl()),
                "username", settings.user(),
                "password", settings.password(),
                "poolName", "warmy",
                "maximumPoolSize", Integer.toString(settings.maxPoolSize()),
                "connectionTimeout", Long.toString(CONNECTION_TIMEOUT_MS),
                "transactionIsolation", ISOLATION);
        // Nothing but these keys, taken literally: a password may well contain "${".
        Config config = Config.builder(ConfigSources.create(hikari))
                .disableEnvironmentVariablesSource()
                .disableSystemPropertiesSource()
                .disableValueResolving()
                .disableKeyResolving()
                .disableFilterServices()
                .build();
        return JdbcClientBuilder.create()
                .connectionPool(JdbcConnectionPool.create(config))
                .build();
    }
}
