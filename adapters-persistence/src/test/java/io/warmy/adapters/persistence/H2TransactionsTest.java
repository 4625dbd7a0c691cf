package io.warmy.adapters.persistence;

import io.warmy.application.contract.TransactionsContract;
import io.warmy.application.testing.Store;

/** The contract of {@code Transactions}, kept by the adapter on embedded H2. */
class H2TransactionsTest extends TransactionsContract {

    @Override
    protected Store newStore() {
        return Stores.h2();
    }
}
