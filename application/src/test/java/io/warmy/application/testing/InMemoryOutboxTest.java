package io.warmy.application.testing;

import io.warmy.application.contract.OutboxContract;

/** The reference in-memory adapter keeps the contract of {@code Outbox}, which also proves the suite itself. */
class InMemoryOutboxTest extends OutboxContract {

    @Override
    protected Store newStore() {
        return new InMemoryStore();
    }
}
