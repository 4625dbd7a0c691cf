package io.warmy.application.testing;

import io.warmy.application.contract.DeliveryQueueContract;

/** The reference in-memory adapter keeps the contract of {@code DeliveryQueue}, which also proves the suite itself. */
class InMemoryDeliveryQueueTest extends DeliveryQueueContract {

    @Override
    protected Store newStore() {
        return new InMemoryStore();
    }
}
