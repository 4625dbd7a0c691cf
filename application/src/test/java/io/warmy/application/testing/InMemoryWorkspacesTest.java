package io.warmy.application.testing;

import io.warmy.application.contract.WorkspacesContract;

/** The reference in-memory adapter keeps the contract of {@code Workspaces}, which also proves the suite itself. */
class InMemoryWorkspacesTest extends WorkspacesContract {

    @Override
    protected Store newStore() {
        return new InMemoryStore();
    }
}
