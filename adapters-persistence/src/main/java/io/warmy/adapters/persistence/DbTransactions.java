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

    /** How often a unit of work is tried when the database broke a lock conflict by aborting it. */
    static final int ATTEMPTS = 4;

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        if (current.get() != null) {
            return work.get();
        }
        for (int attempt = 1; ; attempt++) {
            try {
                return once(work);
            } catch (RuntimeException e) {
                // A deadlock victim or a lock-wait timeout did nothing; the whole unit may simply run again.
                if (attempt >= ATTEMPTS || !SqlErrors.isTransientConflict(e)) {
                    throw e;
                }
                pause(attempt);
            }
        }
    }

    private <T> T once(Supplier<T> work) {
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

    private static void pause(int attempt) {
        try {
            Thread.sleep(java.util.concurrent.ThreadLocalRandom.current().nextLong(1, 10L * attempt));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
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
