package io.warmy.adapters.persistence;

import io.warmy.application.testing.Store;
import io.warmy.domain.common.ConflictException;
import io.warmy.domain.tenancy.Workspace;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

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

    @ParameterizedTest
    @EnumSource(Engine.class)
    void sharedWorkArrivingTogetherCommitsInGroupsAndADuplicateKeyFailsOnlyItsOwnPiece(Engine engine) throws Exception {
        engine.emptyStore();
        try (PersistenceAdapter adapter = PersistenceAdapter.open(engine.shared().withMaxPoolSize(4))) {
            adapter.workspaces().insert(Fixture.workspace("taken"));
            CountDownLatch start = new CountDownLatch(1);
            List<Future<String>> outcomes = new ArrayList<>();
            try (ExecutorService callers = Executors.newFixedThreadPool(32)) {
                for (int i = 0; i < 64; i++) {
                    // Every fourth piece breaks the unique name in the middle of its group's transaction.
                    String name = i % 4 == 0 ? "taken" : "group-" + i;
                    outcomes.add(callers.submit(() -> {
                        start.await();
                        try {
                            adapter.transactions().inSharedTransaction(() -> {
                                adapter.workspaces().insert(Fixture.workspace(name + "-first"));
                                adapter.workspaces().insert(Fixture.workspace(name));
                                return null;
                            });
                            return "committed";
                        } catch (ConflictException e) {
                            return "conflict";
                        }
                    }));
                }
                start.countDown();
                for (int i = 0; i < outcomes.size(); i++) {
                    String outcome = outcomes.get(i).get(30, TimeUnit.SECONDS);
                    String name = i % 4 == 0 ? "taken" : "group-" + i;
                    assertThat(outcome).as("piece %d", i).isEqualTo(i % 4 == 0 ? "conflict" : "committed");
                    // A failed piece is undone whole: its first insert too.
                    assertThat(adapter.workspaces().findByName(name + "-first").isPresent()).as("piece %d", i)
                            .isEqualTo(i % 4 != 0);
                }
            }
            assertThat(adapter.dbTransactions().groupsCommitted()).isBetween(1L, 47L);
        }
    }
}
