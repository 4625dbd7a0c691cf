package io.warmy.adapters.persistence;

import io.warmy.application.contract.WorkspacesContract;
import io.warmy.application.testing.Store;

/** The contract of {@code Workspaces}, kept by the adapter on embedded H2. */
class H2WorkspacesTest extends WorkspacesContract {

    @Override
    protected Store newStore() {
        return Stores.h2();
    }
}
