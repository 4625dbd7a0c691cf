package io.warmy.application.testing;

import io.warmy.application.contract.IdempotencyRecordsContract;

/** The reference in-memory adapter keeps the contract of {@code IdempotencyRecords}, which also proves the suite itself. */
class InMemoryIdempotencyRecordsTest extends IdempotencyRecordsContract {

    @Override
    protected Store newStore() {
        return new InMemoryStore();
    }
}
