package io.warmy.adapters.persistence;

import io.warmy.application.common.port.out.StoreUnavailableException;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Puts every port of the adapter behind one translation and one breaker. A call that failed because
 * the database could not be reached leaves as a {@link StoreUnavailableException} (the cause kept),
 * so the inbound adapters answer "unavailable, retry" instead of an internal error. And for a
 * moment after such a failure, calls fail at once instead of each waiting out the pool's timeout:
 * a request that needs the database three times then answers in one timeout, not three, and the
 * request threads are not all parked on a dead database.
 */
final class Unavailability {

    /** How long calls fail at once after the database was found unreachable; then one tries again. */
    static final Duration FAIL_FAST_FOR = Duration.ofSeconds(1);

    private final AtomicLong failFastUntil = new AtomicLong(System.nanoTime());

    <T> T guard(Class<T> port, T adapter) {
        Object proxy = Proxy.newProxyInstance(port.getClassLoader(), new Class<?>[] {port}, (self, method, args) -> {
            if (method.getDeclaringClass() == Object.class) {
                return method.invoke(adapter, args);
            }
            if (System.nanoTime() - failFastUntil.get() < 0) {
                throw new StoreUnavailableException("The database was unreachable a moment ago; not trying again yet.",
                        null);
            }
            try {
                return method.invoke(adapter, args);
            } catch (InvocationTargetException e) {
                Throwable failure = e.getCause();
                if (failure instanceof RuntimeException runtime && !(failure instanceof StoreUnavailableException)
                        && SqlErrors.isUnreachable(runtime)) {
                    failFastUntil.set(System.nanoTime() + FAIL_FAST_FOR.toNanos());
                    throw new StoreUnavailableException("The database cannot be reached: "
                            + SqlErrors.describe(runtime), runtime);
                }
                throw failure;
            }
        });
        return port.cast(proxy);
    }
}
