package io.warmy.application.testing;

import io.warmy.application.contract.SendCountersContract;

/** The reference in-memory adapter keeps the contract of {@code SendCounters}, which also proves the suite itself. */
class InMemorySendCountersTest extends SendCountersContract {

    @Override
    protected Store newStore() {
        return new InMemoryStore();
    }
}
