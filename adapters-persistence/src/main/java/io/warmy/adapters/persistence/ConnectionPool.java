package io.warmy.adapters.persistence;

import io.helidon.config.Config;
import io.helidon.config.ConfigSources;
import io.helidon.dbclient.DbClient;
import io.helidon.dbclient.jdbc.JdbcClientBuilder;
import io.helidon.dbclient.jdbc.JdbcConnectionPool;

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

    private ConnectionPool() {
    }

    static DbClient open(DatabaseSettings settings) {
        Map<String, String> hikari = Map.of(
                "url", settings.jdbcUrl(),
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
