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

    default void inTransaction(Runnable work) {
        inTransaction(() -> {
            work.run();
            return null;
        });
    }
}
