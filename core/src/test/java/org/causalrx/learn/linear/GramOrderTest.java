package org.causalrx.learn.linear;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/**
 * The Gram matrix's cells are summed in one documented order, whatever the kernel's loop order (panels, strips, the
 * Vector API tiles): per block of rows, quads of consecutive rows in row order, each adding
 * {@code ((a0 z0[k] + a1 z1[k]) + a2 z2[k]) + a3 z3[k]} with {@code a_r = v_r z_r[j]} (a quad of zero weights adds
 * nothing), then the rows after the last quad one by one, the blocks' sums added in block order. Checked bit for bit
 * against that order written out plainly, on sizes that take the plain loops and the vector kernel, with and without
 * the leading 1, and on column counts that are not a multiple of the vector width.
 */
class GramOrderTest {
    private static double[] reference(double[] rows, int n, int p, int[] idx, double[] v, boolean withOne) {
        int off = withOne ? 1 : 0;
        int m = idx.length + off;
        double[] out = new double[m * m];
        int blocks = Kernels.blocks(n);
        for (int b = 0; b < blocks; b++) {
            int from = blocks == 1 ? 0 : b * Kernels.BLOCK_ROWS;
            int to = blocks == 1 ? n : Math.min(n, (b + 1) * Kernels.BLOCK_ROWS);
            double[] g = new double[m * m];
            int i = from;
            for (; i + 3 < to; i += 4) {
                if (v[i] == 0 && v[i + 1] == 0 && v[i + 2] == 0 && v[i + 3] == 0) {
                    continue;
                }
                double[][] z = new double[4][];
                for (int r = 0; r < 4; r++) {
                    z[r] = row(rows, i + r, p, idx, withOne);
                }
                for (int j = 0; j < m; j++) {
                    for (int k = j; k < m; k++) {
                        double a0 = v[i] * z[0][j];
                        double a1 = v[i + 1] * z[1][j];
                        double a2 = v[i + 2] * z[2][j];
                        double a3 = v[i + 3] * z[3][j];
                        g[j * m + k] = g[j * m + k] + (((a0 * z[0][k] + a1 * z[1][k]) + a2 * z[2][k]) + a3 * z[3][k]);
                    }
                }
            }
            for (; i < to; i++) {
                if (v[i] == 0) {
                    continue;
                }
                double[] z = row(rows, i, p, idx, withOne);
                for (int j = 0; j < m; j++) {
                    for (int k = j; k < m; k++) {
                        g[j * m + k] = g[j * m + k] + v[i] * z[j] * z[k];
                    }
                }
            }
            for (int c = 0; c < g.length; c++) {
                out[c] += g[c];
            }
        }
        for (int j = 0; j < m; j++) {
            for (int k = j + 1; k < m; k++) {
                out[k * m + j] = out[j * m + k];
            }
        }
        return out;
    }

    private static double[] row(double[] rows, int i, int p, int[] idx, boolean withOne) {
        int off = withOne ? 1 : 0;
        double[] z = new double[idx.length + off];
        if (withOne) {
            z[0] = 1;
        }
        for (int a = 0; a < idx.length; a++) {
            z[off + a] = rows[i * p + idx[a]];
        }
        return z;
    }

    private static void check(int n, int p, int[] idx, boolean withOne, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] rows = new double[n * p];
        for (int c = 0; c < rows.length; c++) {
            rows[c] = r.nextGaussian() * 3;
        }
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            // some zero weights, and a whole zero quad now and then
            v[i] = i % 11 == 0 || i / 4 % 29 == 3 ? 0 : r.nextDouble();
        }
        double[] got = Kernels.gram(rows, n, p, idx, idx.length, v, withOne);
        double[] want = reference(rows, n, p, idx, v, withOne);
        assertEquals(want.length, got.length);
        for (int c = 0; c < want.length; c++) {
            assertEquals(Double.doubleToLongBits(want[c]), Double.doubleToLongBits(got[c]),
                    "cell " + c + " of " + n + " x " + p + " (with one: " + withOne + ")");
        }
    }

    private static int[] first(int s) {
        int[] idx = new int[s];
        for (int a = 0; a < s; a++) {
            idx[a] = a;
        }
        return idx;
    }

    @Test
    void smallBlocksKeepTheOrder() {
        check(1_003, 7, first(7), true, 1);
        check(517, 5, new int[] {4, 0, 2}, false, 2);
    }

    @Test
    void largeBlocksOnTheVectorKernelKeepTheOrder() {
        check(20_003, 37, first(37), true, 3);
        check(12_290, 23, new int[] {22, 3, 9, 0, 17, 5, 11, 1, 2, 4, 6, 7, 8, 10, 12, 13, 14, 15, 16, 18}, false, 4);
        check(9_001, 16, first(16), false, 5);
    }

    @Test
    void severalBlocksKeepTheOrder() {
        check(Kernels.PARALLEL_ROWS + 4_099, 17, first(17), true, 6);
    }
}
