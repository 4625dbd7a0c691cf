package io.warmy.adapters.persistence;

import org.flywaydb.core.Flyway;

/**
 * The schema, owned by the versioned SQL files in {@code db/migration}: one text for MySQL,
 * MariaDB and H2 in MySQL mode, and the few steps SQL cannot say alike on all three, in Java
 * ({@link SecretsForEarlierEndpoints}). Flyway locks the schema while it migrates, so nodes
 * starting together apply each migration once.
 */
final class Migrations {

    static final String LOCATION = "classpath:db/migration";

    private Migrations() {
    }

    /** Applies the migrations the database has not seen yet; answers how many that was. */
    static int apply(DatabaseSettings settings) {
        return flyway(settings).migrate().migrationsExecuted;
    }

    /** The version of the newest migration this build knows, such as {@code "8"}: the schema it needs. */
    static String latestKnownVersion(DatabaseSettings settings) {
        org.flywaydb.core.api.MigrationInfo[] all = flyway(settings).info().all();
        return all[all.length - 1].getVersion().getVersion();
    }

    private static Flyway flyway(DatabaseSettings settings) {
        return Flyway.configure(Migrations.class.getClassLoader())
                .dataSource(settings.jdbcUrl(), settings.user(), settings.password())
                .locations(LOCATION)
                // Handed over rather than found on the class path, so that they can live in this package.
                .javaMigrations(new SecretsForEarlierEndpoints())
                .failOnMissingLocations(true)
                .load();
    }
}
