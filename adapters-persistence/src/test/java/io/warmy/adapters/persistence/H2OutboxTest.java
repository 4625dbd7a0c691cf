package io.warmy.adapters.persistence;

import io.warmy.application.contract.OutboxContract;
import io.warmy.application.testing.Store;

/** The contract of {@code Outbox} and {@code WebhookEndpoints}, kept by the adapter on embedded H2. */
class H2OutboxTest extends OutboxContract {

    @Override
    protected Store newStore() {
        return Stores.h2();
    }
}
