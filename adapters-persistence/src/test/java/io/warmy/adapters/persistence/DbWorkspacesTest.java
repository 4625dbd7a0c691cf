package io.warmy.adapters.persistence;

import io.warmy.application.testing.Store;
import io.warmy.domain.common.ConflictException;
import io.warmy.domain.tenancy.Workspace;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DbWorkspacesTest {

    @ParameterizedTest
    @EnumSource(Engine.class)
    void namesCompareExactlyOnEveryDatabase(Engine engine) {
        Store store = engine.emptyStore();
        Workspace lower = Fixture.workspace("acme");
        Workspace upper = Fixture.workspace("ACME");
        store.workspaces().insert(lower);
        store.workspaces().insert(upper);

        assertThat(store.workspaces().findByName("acme")).contains(lower);
        assertThat(store.workspaces().findByName("ACME")).contains(upper);
        assertThat(store.workspaces().findByName("Acme")).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void aReusedIdIsNotMistakenForATakenName(Engine engine) {
        Store store = engine.emptyStore();
        Workspace acme = Fixture.workspace("acme");
        store.workspaces().insert(acme);

        assertThatThrownBy(() -> store.workspaces().insert(new Workspace(acme.id(), "globex", acme.createdAt())))
                .isInstanceOf(RuntimeException.class)
                .isNotInstanceOf(ConflictException.class);
    }
}
