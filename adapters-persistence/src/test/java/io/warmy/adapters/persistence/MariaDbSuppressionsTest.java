package io.warmy.adapters.persistence;

import io.warmy.application.contract.SuppressionsContract;
import io.warmy.application.testing.Store;

/** The contract of {@code Suppressions}, kept by the adapter on MariaDB. */
class MariaDbSuppressionsTest extends SuppressionsContract {

    @Override
    protected Store newStore() {
        return Stores.mariaDb();
    }
}
