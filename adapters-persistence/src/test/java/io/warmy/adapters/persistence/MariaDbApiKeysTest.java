package io.warmy.adapters.persistence;

import io.warmy.application.contract.ApiKeysContract;
import io.warmy.application.testing.Store;

/** The contract of {@code ApiKeys}, kept by the adapter on MariaDB. */
class MariaDbApiKeysTest extends ApiKeysContract {

    @Override
    protected Store newStore() {
        return Stores.mariaDb();
    }
}
