package io.warmy.adapters.persistence;

import io.warmy.application.contract.EventLogContract;
import io.warmy.application.testing.Store;

/** The contract of {@code EventLog}, kept by the adapter on MariaDB. */
class MariaDbEventLogTest extends EventLogContract {

    @Override
    protected Store newStore() {
        return Stores.mariaDb();
    }
}
