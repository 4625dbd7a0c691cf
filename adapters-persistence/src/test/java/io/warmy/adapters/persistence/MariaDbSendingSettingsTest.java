package io.warmy.adapters.persistence;

import io.warmy.application.contract.SendingSettingsContract;
import io.warmy.application.testing.Store;

/** The contract of {@code SendingSettings}, kept by the adapter on MariaDB. */
class MariaDbSendingSettingsTest extends SendingSettingsContract {

    @Override
    protected Store newStore() {
        return Stores.mariaDb();
    }
}
