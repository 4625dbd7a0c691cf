package io.warmy.application.testing;

import io.warmy.application.contract.WarmupActivityContract;

/** The reference in-memory adapter keeps the contract of {@code WarmupActivity}, which also proves the suite itself. */
class InMemoryWarmupActivityTest extends WarmupActivityContract {

    @Override
    protected Store newStore() {
        return new InMemoryStore();
    }
}
