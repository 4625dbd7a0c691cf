package io.warmy.adapters.persistence;

import io.warmy.application.contract.WarmupActivityContract;
import io.warmy.application.testing.Store;

/** The contract of {@code WarmupActivity}, kept by the adapter on embedded H2. */
class H2WarmupActivityTest extends WarmupActivityContract {

    @Override
    protected Store newStore() {
        return Stores.h2();
    }
}
