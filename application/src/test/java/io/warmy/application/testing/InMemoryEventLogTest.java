package io.warmy.application.testing;

import io.warmy.application.contract.EventLogContract;

/** The reference in-memory adapter keeps the contract of {@code EventLog}, which also proves the suite itself. */
class InMemoryEventLogTest extends EventLogContract {

    @Override
    protected Store newStore() {
        return new InMemoryStore();
    }
}
