package io.warmy.adapters.persistence;

import io.warmy.application.contract.HealthRecordsContract;
import io.warmy.application.testing.Store;

/** The contract of {@code HealthRecords}, kept by the adapter on embedded H2. */
class H2HealthRecordsTest extends HealthRecordsContract {

    @Override
    protected Store newStore() {
        return Stores.h2();
    }
}
