package io.warmy.application.testing;

import io.warmy.application.contract.ApiKeysContract;

/** The reference in-memory adapter keeps the contract of {@code ApiKeys}, which also proves the suite itself. */
class InMemoryApiKeysTest extends ApiKeysContract {

    @Override
    protected Store newStore() {
        return new InMemoryStore();
    }
}
