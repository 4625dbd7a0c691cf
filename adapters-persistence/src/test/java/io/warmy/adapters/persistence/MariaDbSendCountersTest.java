package io.warmy.adapters.persistence;

import io.warmy.application.contract.SendCountersContract;
import io.warmy.application.testing.Store;

/** The contract of {@code SendCounters}, kept by the adapter on MariaDB. */
class MariaDbSendCountersTest extends SendCountersContract {

    @Override
    protected Store newStore() {
        return Stores.mariaDb();
    }
}
