package io.warmy.adapters.persistence;

import io.warmy.application.contract.ApiKeysContract;
import io.warmy.application.testing.Store;

/** The contract of {@code ApiKeys}, kept by the adapter on embedded H2. */
class H2ApiKeysTest extends ApiKeysContract {

    @Override
    protected Store newStore() {
        return Stores.h2();
    }
}
