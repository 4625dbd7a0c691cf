package io.warmy.adapters.persistence;

import io.warmy.application.contract.WebhookEndpointsContract;
import io.warmy.application.testing.Store;

/** The contract of {@code WebhookEndpoints}, kept by the adapter on MariaDB. */
class MariaDbWebhookEndpointsTest extends WebhookEndpointsContract {

    @Override
    protected Store newStore() {
        return Stores.mariaDb();
    }
}
