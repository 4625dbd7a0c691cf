package io.warmy.application.testing;

import io.warmy.application.contract.SendingSettingsContract;

/** The reference in-memory adapter keeps the contract of {@code SendingSettings}, which also proves the suite itself. */
class InMemorySendingSettingsTest extends SendingSettingsContract {

    @Override
    protected Store newStore() {
        return new InMemoryStore();
    }
}
