package org.causalrx.learn.forest;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import java.util.function.Supplier;

/**
 * Grows all trees of a forest, optionally on several threads. Tree k depends only on k (its seed and its
 * sample), so the forest is identical for any thread count.
 */
public final class ForestTrainer {
    private ForestTrainer() {
    }

    /** Per-worker strategies (relabeling and splitting rule carry per-node scratch state). */
    public interface Strategies {
        Relabeling relabeling();

        SplittingRule splittingRule();
    }

    public static Tree[] train(ForestData data, ForestSettings settings, long seed, Supplier<Strategies> factory) {
        settings.checkLittleBags();
        ForestSampler sampler = new ForestSampler(data.n, settings, seed);
        Tree[] trees = new Tree[settings.numTrees()];
        parallelFor(settings.numTrees(), settings.threads(), () -> {
            TreeGrower grower = new TreeGrower(data, settings);
            Strategies st = factory.get();
            return k -> trees[k] = grower.grow(sampler, k, st.relabeling(), st.splittingRule());
        });
        return trees;
    }

    /** Block size for tree-outer prediction loops (keeps one tree and a block of accumulators in cache). */
    public static final int BLOCK = 512;

    /** Calls {@code body.accept(start, end)} for consecutive blocks of [0, count), on up to threads workers. */
    public static void blocks(int count, int threads, BlockBody body) {
        int nb = (count + BLOCK - 1) / BLOCK;
        parallelFor(nb, threads, () -> blk -> body.accept(blk * BLOCK, Math.min(count, (blk + 1) * BLOCK)));
    }

    /** A body over a block of rows [start, end). */
    @FunctionalInterface
    public interface BlockBody {
        void accept(int start, int end);
    }

    /**
     * Runs {@code body} for indices 0..count-1 on {@code threads} workers; each worker gets its own body from
     * {@code perWorker} (for its scratch buffers). Work items must write only their own outputs.
     */
    public static void parallelFor(int count, int threads, Supplier<IntConsumer> perWorker) {
        int t = Math.max(1, Math.min(threads, count));
        if (t == 1) {
            IntConsumer body = perWorker.get();
            for (int k = 0; k < count; k++) {
                body.accept(k);
            }
            return;
        }
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(t, r -> {
            Thread th = new Thread(r, "causalrx-forest");
            th.setDaemon(true);
            return th;
        });
        try {
            List<Future<?>> fs = new ArrayList<>();
            for (int w = 0; w < t; w++) {
                fs.add(pool.submit(() -> {
                    IntConsumer body = perWorker.get();
                    int k;
                    while ((k = next.getAndIncrement()) < count) {
                        body.accept(k);
                    }
                }));
            }
            for (Future<?> f : fs) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("forest work interrupted", e);
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            if (c instanceof RuntimeException re) {
                throw re;
            }
            if (c instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(c);
        } finally {
            pool.shutdownNow();
        }
    }
}
