package io.warmy.application.testing;

import io.warmy.application.contract.TransactionsContract;

/** The reference in-memory adapter keeps the contract of {@code Transactions}, which also proves the suite itself. */
class InMemoryTransactionsTest extends TransactionsContract {

    @Override
    protected Store newStore() {
        return new InMemoryStore();
    }
}
