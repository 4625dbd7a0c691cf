package io.warmy.app;

import io.warmy.adapters.persistence.DatabaseSettings;
import io.warmy.adapters.persistence.PersistenceAdapter;
import io.warmy.adapters.persistence.testing.TestDatabases;

/** Opens a persistence adapter that is closed when the test JVM ends. */
final class TestPersistence {

    private TestPersistence() {
    }

    static PersistenceAdapter open(DatabaseSettings settings) {
        PersistenceAdapter adapter = PersistenceAdapter.open(settings);
        TestDatabases.closeAtExit(adapter);
        return adapter;
    }
}
