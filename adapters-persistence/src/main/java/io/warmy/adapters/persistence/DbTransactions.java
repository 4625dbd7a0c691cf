package io.warmy.adapters.persistence;

import io.helidon.dbclient.DbClient;
import io.helidon.dbclient.DbExecute;
import io.helidon.dbclient.DbTransaction;
import io.warmy.application.common.port.out.Transactions;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;

/**
 * Database transactions for the outbound ports: the unit of work open on the current thread, which
 * every repository of this adapter executes its statements on.
 * <p>Shared work ({@link #inSharedTransaction}) is committed in groups: whoever finds no group
 * running leads one, taking every piece of shared work queued at that moment into one transaction
 * and committing once (a piece that fails is undone alone: see {@link #runGroup}). Work that
 * arrives meanwhile waits for the next group, so under load each commit, the costly part (the
 * database's log flush), serves many callers, and an idle server adds no wait at all.
 */
final class DbTransactions implements Transactions {

    /** At most this many pieces of work in one group. */
    static final int MAX_GROUP = 64;
    /** The longest a caller waits before it looks again whether it may lead a group. */
    private static final long PAUSE_NANOS = 2_000_000;

    /** The work running on this thread; its transaction begins with its first statement. */
    private static final class Unit {
        private DbTransaction transaction;
        /** Reads a group of shared work makes once for all its pieces; null outside a group. */
        private Map<Object, Object> memo;
    }

    private final DbClient client;
    private final ThreadLocal<Unit> current = new ThreadLocal<>();
    private final ConcurrentLinkedQueue<Shared<?>> queued = new ConcurrentLinkedQueue<>();
    private final AtomicLong groupsCommitted = new AtomicLong();
    /** Groups running at once, each on a connection of its own. */
    private final Semaphore leaders;

    DbTransactions(DbClient client) {
        this(client, 1);
    }

    DbTransactions(DbClient client, int concurrentGroups) {
        this.client = client;
        this.leaders = new Semaphore(Math.max(1, concurrentGroups));
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

    @Override
    public <T> T inSharedTransaction(Supplier<T> work) {
        if (current.get() != null) {
            return work.get();
        }
        Shared<T> mine = new Shared<>(work, Thread.currentThread());
        queued.add(mine);
        boolean interrupted = false;
        while (!mine.settled) {
            if (!queued.isEmpty() && leaders.tryAcquire()) {
                try {
                    lead();
                } finally {
                    leaders.release();
                }
                // Work still queued: its first caller may lead the next group now rather than after its pause.
                Shared<?> next = queued.peek();
                if (next != null) {
                    LockSupport.unpark(next.owner);
                }
            } else {
                // Its group is running, or every leader is busy: woken when it settles or may lead.
                LockSupport.parkNanos(this, PAUSE_NANOS);
                // Not given up when interrupted: once queued, the work may be committed, so the caller learns how it ended.
                interrupted |= Thread.interrupted();
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        if (mine.runAlone) {
            // Its group was aborted to break a lock conflict: it runs again on its own, with retries.
            return inTransaction(work);
        }
        return mine.outcome();
    }

    /** How many groups of shared work were committed: fewer than the pieces when they arrived together. */
    long groupsCommitted() {
        return groupsCommitted.get();
    }

    /** Runs one group of the queued shared work, or nothing when another leader took it all. */
    private void lead() {
        List<Shared<?>> group = new ArrayList<>();
        for (Shared<?> next; group.size() < MAX_GROUP && (next = queued.poll()) != null; ) {
            group.add(next);
        }
        while (!group.isEmpty()) {
            group = runGroup(group);
        }
    }

    /**
     * Runs the pieces one after another in one transaction and commits it. A piece that throws
     * ends the attempt: the transaction is rolled back, the piece keeps its exception, and the
     * pieces that remain are answered for another attempt (work may run again, as after a lock
     * conflict), so no statement is spent on savepoints while nothing fails, which is the rule.
     * A lock conflict, or a failure of the database itself, ends the group for every piece.
     */
    private List<Shared<?>> runGroup(List<Shared<?>> group) {
        Unit unit = new Unit();
        unit.memo = new HashMap<>();
        current.set(unit);
        int failed = -1;
        RuntimeException abort = null;
        try {
            for (int i = 0; i < group.size() && failed < 0; i++) {
                try {
                    group.get(i).run();
                } catch (RuntimeException e) {
                    if (SqlErrors.isTransientConflict(e) || group.size() == 1) {
                        throw e;
                    }
                    group.get(i).failed(e);
                    failed = i;
                }
            }
            if (failed < 0 && unit.transaction != null) {
                unit.transaction.commit();
                groupsCommitted.incrementAndGet();
            }
        } catch (RuntimeException e) {
            abort = e;
        } catch (Error e) {
            abort = new IllegalStateException(e);
            throw e;
        } finally {
            current.remove();
            if (abort != null) {
                rollback(unit, abort);
                boolean again = SqlErrors.isTransientConflict(abort);
                for (Shared<?> s : group) {
                    if (again) {
                        s.runAlone();
                    } else {
                        s.fail(abort);
                    }
                }
            }
        }
        if (abort != null) {
            return List.of();
        }
        if (failed >= 0) {
            rollback(unit, group.get(failed).failure);
            group.get(failed).settle();
            List<Shared<?>> rest = new ArrayList<>(group);
            rest.remove(failed);
            return rest;
        }
        group.forEach(Shared::settle);
        return List.of();
    }

    /** A piece of shared work, run by whichever caller leads its group, and what came of it. */
    private static final class Shared<T> {
        private final Supplier<T> work;
        final Thread owner;
        /** Written last, after what came of the work: reading it true makes the rest visible. */
        volatile boolean settled;
        private T value;
        private RuntimeException failure;
        private boolean runAlone;

        Shared(Supplier<T> work, Thread owner) {
            this.work = work;
            this.owner = owner;
        }

        void run() {
            value = work.get();
        }

        void failed(RuntimeException e) {
            failure = e;
        }

        void fail(RuntimeException e) {
            failure = failure == null ? e : failure;
            settle();
        }

        void runAlone() {
            runAlone = true;
            settle();
        }

        void settle() {
            settled = true;
            LockSupport.unpark(owner);
        }

        T outcome() {
            if (failure != null) {
                throw failure;
            }
            return value;
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

    /**
     * A read that the pieces of one group of shared work make once between them (the webhook
     * endpoints of a tenant, for every event of the group): it is as fresh as the group, a few
     * milliseconds. Outside a group, the read is made every time.
     */
    @SuppressWarnings("unchecked")
    <T> T memo(Object key, Supplier<T> read) {
        Unit unit = current.get();
        if (unit == null || unit.memo == null) {
            return read.get();
        }
        Object known = unit.memo.get(key);
        if (known == null) {
            known = read.get();
            unit.memo.put(key, known);
        }
        return (T) known;
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
