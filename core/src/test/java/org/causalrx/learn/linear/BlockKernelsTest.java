package org.causalrx.learn.linear;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.concurrent.ForkJoinPool;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;

/**
 * The Gram matrix and the cross product from {@link Kernels#PARALLEL_ROWS} rows on: the blocks' sums added in block
 * order (each block's sum as the one-block kernel gives it on those rows alone), the same bits on 1 and on 3 threads,
 * stored and view designs alike; below the gate one block, the row sums in row order as before.
 */
class BlockKernelsTest {
    private static final int P = 6;

    private static double[][] rows(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[][] x = new double[n][P];
        for (double[] row : x) {
            for (int j = 0; j < P; j++) {
                row[j] = r.nextGaussian() * (1 + j);
            }
        }
        return x;
    }

    private static double[] weights(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = i % 7 == 0 ? 0 : r.nextDouble();
        }
        return v;
    }

    private static double[] ones(int n) {
        double[] w = new double[n];
        Arrays.fill(w, 1);
        return w;
    }

    private static int[] all(int n) {
        int[] idx = new int[n];
        Arrays.setAll(idx, i -> i);
        return idx;
    }

    private static <T> T onThreads(int threads, Supplier<T> work) throws Exception {
        ForkJoinPool pool = new ForkJoinPool(threads);
        try {
            return pool.submit(work::get).get();
        } finally {
            pool.shutdown();
        }
    }

    @Test
    void blockSumsAreAddedInBlockOrderWithTheSameBitsOnAnyThreadCount() throws Exception {
        int n = Kernels.PARALLEL_ROWS + 3 * Kernels.BLOCK_ROWS / 2 + 5; // 3 full blocks and a short one
        assertEquals(4, Kernels.blocks(n));
        double[][] x = rows(n, 1);
        double[] v = weights(n, 2);
        int[] strong = {0, 2, 3, 5};
        Design stored = Design.of(x, ones(n), all(n), Design.Layout.DENSE, false);
        Design view = Design.of(x, ones(n), all(n), Design.Layout.DENSE, true);
        assertFalse(stored.isView());
        assertTrue(view.isView());
        double[] g1 = onThreads(1, () -> Kernels.gram(stored, strong, strong.length, v, true));
        double[] c1 = onThreads(1, () -> cross(stored, v));
        for (Design d : new Design[] {stored, view}) {
            assertArrayEquals(g1, onThreads(3, () -> Kernels.gram(d, strong, strong.length, v, true)),
                    "Gram on 3 threads, view " + d.isView());
            assertArrayEquals(g1, onThreads(1, () -> Kernels.gram(d, strong, strong.length, v, true)),
                    "Gram on 1 thread, view " + d.isView());
            assertArrayEquals(c1, onThreads(3, () -> cross(d, v)), "cross product, view " + d.isView());
        }

        // each block's rows alone through the one-block kernel, the blocks' sums added in block order
        int m = strong.length + 1;
        double[] gBlocks = new double[m * m];
        double[] cBlocks = new double[P];
        for (int b = 0; b < Kernels.blocks(n); b++) {
            int from = b * Kernels.BLOCK_ROWS;
            int to = Math.min(n, from + Kernels.BLOCK_ROWS);
            double[] part = Arrays.copyOfRange(stored.rowMajor, from * P, to * P);
            double[] vb = Arrays.copyOfRange(v, from, to);
            double[] gb = Kernels.gram(part, to - from, P, strong, strong.length, vb, true);
            double[] cb = new double[P];
            Kernels.crossProduct(part, to - from, P, vb, cb);
            for (int k = 0; k < gBlocks.length; k++) {
                gBlocks[k] += gb[k];
            }
            for (int j = 0; j < P; j++) {
                cBlocks[j] += cb[j];
            }
        }
        assertArrayEquals(gBlocks, g1, "Gram = the blocks' sums in block order");
        assertArrayEquals(cBlocks, c1, "cross product = the blocks' sums in block order");
        // not the plain row-order sum: above the gate the bits do change
        assertFalse(Arrays.equals(rowOrderCross(stored, v), c1));
    }

    @Test
    void theRemappedGramIsTheSameOnAnyThreadCountAndEqualsTheColumnDesigns() throws Exception {
        int n = Kernels.PARALLEL_ROWS + 7;
        double[][] x = rows(n, 5);
        double[] v = weights(n, 6);
        Design stored = Design.of(x, ones(n), all(n), Design.Layout.DENSE, false);
        Design view = Design.of(x, ones(n), all(n), Design.Layout.DENSE, true);
        Design byCols = Design.of(x, ones(n), all(n));
        int[] oldIdx = {1, 4};
        int[] newIdx = {0, 1, 2, 4, 5};
        double[] g = Kernels.gram(stored, oldIdx, oldIdx.length, v, true);
        double[] fromCols = Kernels.remapGram(g, oldIdx, newIdx, byCols.cols, v, n);
        for (Design d : new Design[] {stored, view}) {
            for (int threads : new int[] {1, 3}) {
                assertArrayEquals(fromCols, onThreads(threads, () -> Kernels.remapGram(g, oldIdx, newIdx, d, v)),
                        "view " + d.isView() + ", " + threads + " threads");
            }
        }
    }

    @Test
    void belowTheGateTheSumsRunInRowOrder() throws Exception {
        int n = Kernels.PARALLEL_ROWS - 1;
        assertEquals(1, Kernels.blocks(n));
        double[][] x = rows(n, 3);
        double[] v = weights(n, 4);
        Design d = Design.of(x, ones(n), all(n), Design.Layout.DENSE, false);
        assertArrayEquals(rowOrderCross(d, v), onThreads(3, () -> cross(d, v)));
    }

    private static double[] cross(Design d, double[] r) {
        double[] out = new double[d.p];
        Kernels.crossProduct(d, r, out);
        return out;
    }

    /** The cross product summed over all rows in row order, four rows at a time (the one-block kernel's order). */
    private static double[] rowOrderCross(Design d, double[] r) {
        double[] out = new double[d.p];
        double[][] z = new double[4][d.p];
        int i = 0;
        for (; i + 3 < d.n; i += 4) {
            for (int q = 0; q < 4; q++) {
                d.row(i + q, z[q]);
            }
            for (int j = 0; j < d.p; j++) {
                out[j] += r[i] * z[0][j] + r[i + 1] * z[1][j] + r[i + 2] * z[2][j] + r[i + 3] * z[3][j];
            }
        }
        for (; i < d.n; i++) {
            d.row(i, z[0]);
            for (int j = 0; j < d.p; j++) {
                out[j] += r[i] * z[0][j];
            }
        }
        return out;
    }
}
