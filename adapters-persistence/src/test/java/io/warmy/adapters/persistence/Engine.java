package io.warmy.adapters.persistence;

import io.warmy.adapters.persistence.testing.TestDatabases;
import io.warmy.application.testing.Store;

/** The two databases every test of this adapter runs on. */
enum Engine {
    H2,
    MARIADB;

    /** The run's database of this kind, tables emptied, behind the shared adapter. */
    Store emptyStore() {
        return this == H2 ? Stores.h2() : Stores.mariaDb();
    }

    /** The run's database of this kind (migrated once the first store was handed out). */
    DatabaseSettings shared() {
        return this == H2 ? TestDatabases.h2() : TestDatabases.mariaDb();
    }

    /** A new database of this kind, without any table yet. */
    DatabaseSettings fresh() {
        return this == H2 ? TestDatabases.newH2() : TestDatabases.newMariaDb();
    }
}
