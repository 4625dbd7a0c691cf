package io.warmy.application.testing;

import io.warmy.application.contract.SuppressionsContract;

/** The reference in-memory adapter keeps the contract of {@code Suppressions}, which also proves the suite itself. */
class InMemorySuppressionsTest extends SuppressionsContract {

    @Override
    protected Store newStore() {
        return new InMemoryStore();
    }
}
