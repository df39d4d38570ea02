package org.causalrx.util;

import java.util.List;
import java.util.function.IntFunction;
import java.util.stream.IntStream;

/**
 * Independent tasks 0..n−1 (model fits with their own seeds, predictions of separate models) run on the common
 * fork-join pool, their results returned in index order, so whatever combines them afterwards sees the same values in
 * the same order for any number of threads. A task must not depend on another's result or on shared mutable state.
 * Nested calls (a task that itself calls {@link #map}) share the one pool: no extra threads are started, and XGBoost
 * keeps its own thread count (1 by default) inside each task.
 */
public final class IndexedTasks {
    private IndexedTasks() {
    }

    /**
     * The results of {@code task} for 0..n−1, in index order.
     *
     * @param parallel run the tasks on the common pool (false: one after another on the calling thread)
     */
    public static <T> List<T> map(int n, boolean parallel, IntFunction<T> task) {
        IntStream range = IntStream.range(0, n);
        return (parallel && n > 1 ? range.parallel() : range).mapToObj(task).toList();
    }

    /** {@link #map(int, boolean, IntFunction)} on several threads. */
    public static <T> List<T> map(int n, IntFunction<T> task) {
        return map(n, true, task);
    }
}
