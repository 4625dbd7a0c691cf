package io.warmy.adapters.persistence;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs a task many times on many threads that all start together, the way racing nodes would hit
 * the database, and answers every result; the first failure of any thread fails the caller.
 */
final class Concurrently {

    /** One run of the task: which thread, and which of its rounds. */
    @FunctionalInterface
    interface Task<T> {
        T run(int thread, int round);
    }

    private static final long TIMEOUT_SECONDS = 60;

    private Concurrently() {
    }

    static <T> List<T> run(int threads, int rounds, Task<T> task) {
        CyclicBarrier start = new CyclicBarrier(threads);
        try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
            List<Future<List<T>>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                futures.add(pool.submit(() -> {
                    start.await(TIMEOUT_SECONDS, TimeUnit.SECONDS);
                    List<T> results = new ArrayList<>();
                    for (int round = 0; round < rounds; round++) {
                        results.add(task.run(thread, round));
                    }
                    return results;
                }));
            }
            List<T> all = new ArrayList<>();
            for (Future<List<T>> f : futures) {
                all.addAll(f.get(TIMEOUT_SECONDS, TimeUnit.SECONDS));
            }
            return all;
        } catch (ExecutionException e) {
            throw new IllegalStateException("A racing thread failed: " + e.getCause(), e.getCause());
        } catch (InterruptedException | TimeoutException e) {
            throw new IllegalStateException(e);
        }
    }
}
