package io.warmy.application.contract;

import io.warmy.application.testing.Store;
import io.warmy.domain.common.ConflictException;
import io.warmy.domain.tenancy.Workspace;
import io.warmy.domain.tenancy.WorkspaceId;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What every {@code Workspaces} adapter promises. Extend it and hand over a store with empty tables. */
public abstract class WorkspacesContract {

    protected abstract Store newStore();

    private Store store;
    private Fixtures fx;

    @BeforeEach
    void freshStore() {
        store = newStore();
        fx = new Fixtures(store);
    }

    @Test
    void anEmptyStoreSaysSoUntilTheFirstWorkspace() {
        assertThat(store.workspaces().isEmpty()).isTrue();
        fx.workspace("acme");
        assertThat(store.workspaces().isEmpty()).isFalse();
    }

    @Test
    void aStoredWorkspaceIsFoundByIdAndByNameWithEveryField() {
        Workspace ws = fx.workspace("Acme Outbound");
        assertThat(store.workspaces().find(ws.id())).contains(ws);
        assertThat(store.workspaces().findByName("Acme Outbound")).contains(ws);
    }

    @Test
    void unknownIdsAndNamesAreNotFound() {
        fx.workspace("acme");
        assertThat(store.workspaces().find(new WorkspaceId("ws_01JD4S3K2M9V6QW8XR5T7YB0CE"))).isEmpty();
        assertThat(store.workspaces().findByName("globex")).isEmpty();
    }

    @Test
    void aTakenNameIsAConflictAndStoresNothing() {
        Workspace first = fx.workspace("acme");
        assertThatThrownBy(() -> fx.workspace("acme"))
                .isInstanceOf(ConflictException.class)
                .extracting(e -> ((ConflictException) e).code()).isEqualTo("workspace_name_taken");
        assertThat(store.workspaces().findByName("acme")).contains(first);
    }
}
