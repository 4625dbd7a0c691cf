package io.warmy.application.common.port.out;

import java.util.function.Supplier;

/**
 * Runs work as one unit: every port call made inside {@code work} commits together, or none
 * does when it throws. Nested calls join the outer transaction. A store may run the work again
 * when the database aborted it to break a lock conflict, so work must have no effects outside
 * the stores.
 */
public interface Transactions {

    <T> T inTransaction(Supplier<T> work);

    /**
     * Like {@link #inTransaction(Supplier)}, for small independent units of work that arrive at
     * a high rate (ingesting signals): the store may run the work in one transaction with other
     * shared work submitted at the same time, which then commits once for all of them. The work
     * still succeeds or fails as a unit of its own: when it throws, only its writes are undone and
     * the caller sees its exception, and the work beside it commits as if it had run alone. Called
     * inside a transaction, it joins that one.
     */
    default <T> T inSharedTransaction(Supplier<T> work) {
        return inTransaction(work);
    }

    default void inTransaction(Runnable work) {
        inTransaction(() -> {
            work.run();
            return null;
        });
    }
}
