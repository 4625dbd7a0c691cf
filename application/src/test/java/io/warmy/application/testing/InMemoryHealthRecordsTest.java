package io.warmy.application.testing;

import io.warmy.application.contract.HealthRecordsContract;

/** The reference in-memory adapter keeps the contract of {@code HealthRecords}, which also proves the suite itself. */
class InMemoryHealthRecordsTest extends HealthRecordsContract {

    @Override
    protected Store newStore() {
        return new InMemoryStore();
    }
}
