package io.warmy.adapters.persistence;

import io.warmy.application.contract.IdempotencyRecordsContract;
import io.warmy.application.testing.Store;

/** The contract of {@code IdempotencyRecords}, kept by the adapter on MariaDB. */
class MariaDbIdempotencyRecordsTest extends IdempotencyRecordsContract {

    @Override
    protected Store newStore() {
        return Stores.mariaDb();
    }
}
