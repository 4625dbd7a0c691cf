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

import java.util.Optional;

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
}
