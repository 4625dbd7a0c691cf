package io.warmy.adapters.persistence;

import io.warmy.application.contract.SendingSettingsContract;
import io.warmy.application.testing.Store;

/** The contract of {@code SendingSettings}, kept by the adapter on embedded H2. */
class H2SendingSettingsTest extends SendingSettingsContract {

    @Override
    protected Store newStore() {
        return Stores.h2();
    }
}
