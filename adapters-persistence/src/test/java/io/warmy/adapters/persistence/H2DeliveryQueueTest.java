package io.warmy.adapters.persistence;

import io.warmy.application.contract.DeliveryQueueContract;
import io.warmy.application.testing.Store;

/** The contract of {@code DeliveryQueue}, kept by the adapter on embedded H2. */
class H2DeliveryQueueTest extends DeliveryQueueContract {

    @Override
    protected Store newStore() {
        return Stores.h2();
    }
}
