package io.warmy.application.testing;

import io.warmy.application.contract.WebhookEndpointsContract;

/** The reference in-memory adapter keeps the contract of {@code WebhookEndpoints}, which also proves the suite itself. */
class InMemoryWebhookEndpointsTest extends WebhookEndpointsContract {

    @Override
    protected Store newStore() {
        return new InMemoryStore();
    }
}
