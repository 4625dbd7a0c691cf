package io.warmy.adapters.persistence;

import io.helidon.dbclient.DbClient;
import io.helidon.dbclient.DbExecute;
import io.helidon.dbclient.DbTransaction;
import io.warmy.application.common.port.out.Transactions;

import java.util.function.Supplier;

/**
 * Database transactions for the outbound ports: the unit of work open on the current thread, which
 * every repository of this adapter executes its statements on.
 */
final class DbTransactions implements Transactions {

    /** The work running on this thread; its transaction begins with its first statement. */
    private static final class Unit {
        private DbTransaction transaction;
    }

    private final DbClient client;
    private final ThreadLocal<Unit> current = new ThreadLocal<>();

    DbTransactions(DbClient client) {
        this.client = client;
    }

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        if (current.get() != null) {
            return work.get();
        }
        Unit unit = new Unit();
        current.set(unit);
        T result;
        try {
            result = work.get();
        } catch (Throwable failure) {
            rollback(unit, failure);
            throw failure;
        } finally {
            current.remove();
        }
        if (unit.transaction != null) {
            unit.transaction.commit();
        }
        return result;
    }

    /** Where a statement runs now: in the open transaction, or on its own (auto-commit) outside one. */
    DbExecute execute() {
        Unit unit = current.get();
        if (unit == null) {
            return client.execute();
        }
        // Work that never reaches the database then costs no connection and no commit.
        if (unit.transaction == null) {
            unit.transaction = client.transaction();
        }
        return unit.transaction;
    }

    private static void rollback(Unit unit, Throwable cause) {
        if (unit.transaction == null) {
            return;
        }
        try {
            unit.transaction.rollback();
        } catch (RuntimeException e) {
            // The work's own failure is what the caller must see; a lost connection rolls back anyway.
            cause.addSuppressed(e);
        }
    }
}
