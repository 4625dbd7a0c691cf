package io.warmy.adapters.persistence;

import io.warmy.application.testing.Store;
import io.warmy.domain.common.ConflictException;
import io.warmy.domain.tenancy.Workspace;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.concurrent.CompletableFuture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DbTransactionsTest {

    @ParameterizedTest
    @EnumSource(Engine.class)
    void uncommittedWorkIsInvisibleToOtherThreadsUntilCommitted(Engine engine) {
        Store store = engine.emptyStore();
        Workspace acme = Fixture.workspace("acme");

        boolean seenBeforeCommit = store.transactions().inTransaction(() -> {
            store.workspaces().insert(acme);
            assertThat(store.workspaces().find(acme.id())).contains(acme);
            return CompletableFuture.supplyAsync(() -> store.workspaces().find(acme.id()).isPresent()).join();
        });

        assertThat(seenBeforeCommit).isFalse();
        assertThat(CompletableFuture.supplyAsync(() -> store.workspaces().find(acme.id())).join()).contains(acme);
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void aConflictInsideATransactionComesOutAsItIsAndUndoesTheWholeUnit(Engine engine) {
        Store store = engine.emptyStore();
        Workspace first = Fixture.workspace("first");

        assertThatThrownBy(() -> store.transactions().inTransaction(() -> {
            store.workspaces().insert(first);
            store.workspaces().insert(Fixture.workspace("taken"));
            store.workspaces().insert(Fixture.workspace("taken"));
        })).isInstanceOf(ConflictException.class);

        assertThat(store.workspaces().isEmpty()).isTrue();
    }

    @ParameterizedTest
    @EnumSource(Engine.class)
    void everyUnitOfWorkGivesItsConnectionBackHoweverItEnds(Engine engine) {
        engine.emptyStore();
        // Two connections: a unit of work that kept one would stall the next within a few rounds.
        try (PersistenceAdapter adapter = PersistenceAdapter.open(engine.shared().withMaxPoolSize(2))) {
            for (int round = 0; round < 20; round++) {
                int n = round;
                String name = "ws-" + n;
                adapter.transactions().inTransaction(() -> adapter.workspaces().insert(Fixture.workspace(name)));
                assertThatThrownBy(() -> adapter.transactions().inTransaction(() -> {
                    adapter.workspaces().insert(Fixture.workspace(name + "-undone"));
                    throw new IllegalStateException("undo");
                })).hasMessage("undo");
                assertThatThrownBy(() -> adapter.workspaces().insert(Fixture.workspace(name)))
                        .isInstanceOf(ConflictException.class);
                assertThat(adapter.transactions().inTransaction(() -> n)).isEqualTo(n);
                assertThat(adapter.mailboxes().list(Fixture.tenant(), Fixture.NO_FILTER, Fixture.NO_CURSOR, 5))
                        .isEmpty();
                assertThat(adapter.workspaces().findByName(name + "-undone")).isEmpty();
            }
            assertThat(adapter.isReady()).isTrue();
        }
    }
}
