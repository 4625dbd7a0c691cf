package io.warmy.application.contract;

import io.warmy.domain.mailbox.MailboxFilter;
import io.warmy.application.testing.Store;
import io.warmy.domain.mailbox.Mailbox;
import io.warmy.domain.mailbox.Provider;
import io.warmy.domain.tenancy.Mode;
import io.warmy.domain.tenancy.Tenant;
import io.warmy.domain.tenancy.Workspace;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What every {@code Transactions} adapter promises: all or nothing, nested work joins the outer unit. */
public abstract class TransactionsContract {

    protected abstract Store newStore();

    private Store store;
    private Fixtures fx;

    @BeforeEach
    void freshStore() {
        store = newStore();
        fx = new Fixtures(store);
    }

    @Test
    void committedWorkIsVisibleAfterwards() {
        Workspace ws = store.transactions().inTransaction(() -> fx.workspace("acme"));
        assertThat(store.workspaces().find(ws.id())).contains(ws);
    }

    @Test
    void workThatThrowsLeavesNothingBehindAndTheSameExceptionComesOut() {
        Tenant tenant = fx.tenant(Mode.LIVE);
        IllegalStateException boom = new IllegalStateException("boom");
        assertThatThrownBy(() -> store.transactions().inTransaction(() -> {
            fx.workspace("doomed");
            store.mailboxes().insert(fx.mailbox(tenant, "anna@acme.example", Provider.GOOGLE));
            throw boom;
        })).isSameAs(boom);
        assertThat(store.workspaces().findByName("doomed")).isEmpty();
        assertThat(store.mailboxes().list(tenant, MailboxFilter.NONE, Optional.empty(), 10)).isEmpty();
    }

    @Test
    void nestedWorkJoinsTheOuterTransactionAndRollsBackWithIt() {
        assertThatThrownBy(() -> store.transactions().inTransaction(() -> {
            store.transactions().inTransaction(() -> fx.workspace("inner"));
            throw new IllegalArgumentException("outer fails");
        })).isInstanceOf(IllegalArgumentException.class);
        assertThat(store.workspaces().findByName("inner")).isEmpty();
    }

    @Test
    void anUpdateInsideATransactionIsSeenByTheSameTransaction() {
        Tenant tenant = fx.tenant(Mode.SANDBOX);
        Mailbox m = fx.mailbox(tenant, "anna@acme.example", Provider.GOOGLE);
        store.mailboxes().insert(m);
        int limit = store.transactions().inTransaction(() -> {
            store.mailboxes().update(m.update(null, 321, fx.now()));
            return store.mailboxes().find(tenant, m.id()).orElseThrow().dailyLimit();
        });
        assertThat(limit).isEqualTo(321);
    }

    @Test
    void sharedWorkFromManyCallersAtOnceCommitsAndEachCallerGetsItsOwnResult() throws Exception {
        List<Future<Workspace>> made = new ArrayList<>();
        CountDownLatch start = new CountDownLatch(1);
        try (ExecutorService callers = Executors.newFixedThreadPool(24)) {
            for (int i = 0; i < 48; i++) {
                String name = "shared-" + i;
                made.add(callers.submit(() -> {
                    start.await();
                    return store.transactions().inSharedTransaction(() -> fx.workspace(name));
                }));
            }
            start.countDown();
            for (int i = 0; i < made.size(); i++) {
                Workspace ws = made.get(i).get(30, TimeUnit.SECONDS);
                assertThat(ws.name()).isEqualTo("shared-" + i);
                assertThat(store.workspaces().find(ws.id())).contains(ws);
            }
        }
    }

    @Test
    void sharedWorkThatThrowsIsUndoneAloneAndTheWorkBesideItCommits() throws Exception {
        List<Future<Object>> outcomes = new ArrayList<>();
        List<IllegalStateException> failures = new ArrayList<>();
        CountDownLatch start = new CountDownLatch(1);
        try (ExecutorService callers = Executors.newFixedThreadPool(24)) {
            for (int i = 0; i < 48; i++) {
                String name = "mixed-" + i;
                IllegalStateException failure = new IllegalStateException("work " + i + " fails");
                failures.add(failure);
                boolean fails = i % 3 == 1;
                outcomes.add(callers.submit(() -> {
                    start.await();
                    try {
                        return store.transactions().inSharedTransaction(() -> {
                            Workspace ws = fx.workspace(name);
                            if (fails) {
                                throw failure;
                            }
                            return ws;
                        });
                    } catch (IllegalStateException e) {
                        return e;
                    }
                }));
            }
            start.countDown();
            for (int i = 0; i < outcomes.size(); i++) {
                Object outcome = outcomes.get(i).get(30, TimeUnit.SECONDS);
                if (i % 3 == 1) {
                    assertThat(outcome).as("work %d", i).isSameAs(failures.get(i));
                    assertThat(store.workspaces().findByName("mixed-" + i)).as("work %d", i).isEmpty();
                } else {
                    assertThat(store.workspaces().findByName("mixed-" + i)).as("work %d", i).contains((Workspace) outcome);
                }
            }
        }
    }

    @Test
    void sharedWorkInsideATransactionJoinsItAndRollsBackWithIt() {
        assertThatThrownBy(() -> store.transactions().inTransaction(() -> {
            store.transactions().inSharedTransaction(() -> fx.workspace("joined"));
            throw new IllegalArgumentException("outer fails");
        })).isInstanceOf(IllegalArgumentException.class);
        assertThat(store.workspaces().findByName("joined")).isEmpty();
    }
}
