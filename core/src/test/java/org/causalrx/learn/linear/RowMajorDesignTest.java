package org.causalrx.learn.linear;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/**
 * The dense design of the penalised path is stored row-major only (one copy of the rows, not a column-major copy
 * beside it): its values, means, SDs and usable columns are those of the column-major design bit for bit, and the
 * Gram matrix remapped from its rows equals the one remapped from the columns bit for bit.
 */
class RowMajorDesignTest {
    @Test
    void rowMajorDesignEqualsTheColumnDesignBitForBit() {
        SplittableRandom r = new SplittableRandom(3);
        int n = 1003;
        int p = 9;
        double[][] x = data(r, n, p);
        double[] w = new double[n];
        for (int i = 0; i < n; i++) {
            w[i] = i % 7 == 0 ? 0 : 0.5 + r.nextDouble(); // some rows without weight
        }
        int[] rows = new int[n - 10];
        for (int i = 0; i < rows.length; i++) {
            rows[i] = i + 10;
        }
        Design byRows = Design.of(x, w, rows, Design.Layout.DENSE);
        Design byCols = Design.of(x, w, rows);
        assertNull(byRows.cols);
        assertNull(byCols.rowMajor);
        assertEquals(byCols.p, byRows.p);
        assertEquals(byCols.n, byRows.n);
        for (int j = 0; j < p; j++) {
            assertBits(byCols.mean[j], byRows.mean[j], "mean " + j);
            assertBits(byCols.sd[j], byRows.sd[j], "sd " + j);
            for (int i = 0; i < byCols.n; i++) {
                assertBits(byCols.cols[j][i], byRows.rowMajor[i * p + j], "x[" + i + "][" + j + "]");
            }
        }
        assertEquals(java.util.Arrays.toString(byCols.usable), java.util.Arrays.toString(byRows.usable));
        Design view = Design.of(x, w, rows, Design.Layout.DENSE, true);
        assertNull(view.rowMajor);
        double[] buf = new double[p];
        for (int i = 0; i < byCols.n; i++) {
            view.row(i, buf);
            for (int j = 0; j < p; j++) {
                assertBits(byCols.cols[j][i], view.at(i, j), "view x[" + i + "][" + j + "]");
                assertBits(byCols.cols[j][i], buf[j], "view row " + i + " col " + j);
            }
        }
        for (int j = 0; j < p; j++) {
            assertBits(byCols.mean[j], view.mean[j], "view mean " + j);
            assertBits(byCols.sd[j], view.sd[j], "view sd " + j);
        }
        for (int i = 0; i < byCols.n; i++) {
            assertBits(byCols.wn[i], byRows.wn[i], "wn " + i);
        }
    }

    @Test
    void aRemapWithManyEnteringFeaturesSumsThemInGroupsWithTheSameBits() {
        // 28 features enter at once (as at the L1 path's second lambda): several groups of eight per pass over rows
        SplittableRandom r = new SplittableRandom(9);
        int n = 2003;
        int p = 30;
        double[][] x = data(r, n, p);
        double[] w = new double[n];
        java.util.Arrays.fill(w, 1.0);
        int[] all = new int[n];
        java.util.Arrays.setAll(all, i -> i);
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = i % 3 == 0 ? 0 : r.nextDouble() * 0.25;
        }
        int[] oldIdx = {2, 5};
        int[] newIdx = new int[p];
        java.util.Arrays.setAll(newIdx, j -> j);
        Design byCols = Design.of(x, w, all);
        Design byRows = Design.of(x, w, all, Design.Layout.DENSE);
        Design view = Design.of(x, w, all, Design.Layout.DENSE, true);
        double[] g = Kernels.gram(byRows.rowMajor, n, p, oldIdx, oldIdx.length, v, true);
        double[] fromCols = Kernels.remapGram(g, oldIdx, newIdx, byCols.cols, v, n);
        double[] fromRows = Kernels.remapGram(g, oldIdx, newIdx, byRows, v);
        double[] fromView = Kernels.remapGram(g, oldIdx, newIdx, view, v);
        for (int k = 0; k < fromCols.length; k++) {
            assertBits(fromCols[k], fromRows[k], "gram entry " + k);
            assertBits(fromCols[k], fromView[k], "view gram entry " + k);
        }
    }

    @Test
    void remappedGramFromRowsEqualsTheOneFromColumns() {
        SplittableRandom r = new SplittableRandom(5);
        int n = 1001; // not a multiple of 4: the tail rows are summed too
        int p = 12;
        double[][] x = data(r, n, p);
        double[] w = new double[n];
        java.util.Arrays.fill(w, 1.0);
        int[] all = new int[n];
        for (int i = 0; i < n; i++) {
            all[i] = i;
        }
        Design byRows = Design.of(x, w, all, Design.Layout.DENSE);
        Design byCols = Design.of(x, w, all);
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            v[i] = i % 5 == 0 ? 0 : r.nextDouble() * 0.25;
        }
        int[] oldIdx = {1, 4, 7};
        int[] newIdx = {0, 1, 3, 4, 8, 10, 11};
        double[] g = Kernels.gram(byRows.rowMajor, n, p, oldIdx, oldIdx.length, v, true);
        double[] fromRows = Kernels.remapGram(g, oldIdx, newIdx, byRows.rowMajor, p, v, n);
        double[] fromCols = Kernels.remapGram(g, oldIdx, newIdx, byCols.cols, v, n);
        Design view = Design.of(x, w, all, Design.Layout.DENSE, true);
        double[] fromView = Kernels.remapGram(Kernels.gram(view, oldIdx, oldIdx.length, v, true), oldIdx, newIdx,
                view, v);
        assertEquals(fromCols.length, fromRows.length);
        for (int k = 0; k < fromCols.length; k++) {
            assertBits(fromCols[k], fromRows[k], "gram entry " + k);
            assertBits(fromCols[k], fromView[k], "view gram entry " + k);
        }
        double[] cpStored = new double[p];
        double[] cpView = new double[p];
        Kernels.crossProduct(byRows, v, cpStored);
        Kernels.crossProduct(view, v, cpView);
        for (int j = 0; j < p; j++) {
            assertBits(cpStored[j], cpView[j], "cross product " + j);
        }
    }

    /** Gaussian columns with a constant one, a 0/1 dummy and one of large offset (so the mean correction matters). */
    private static double[][] data(SplittableRandom r, int n, int p) {
        double[][] x = new double[n][p];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < p; j++) {
                x[i][j] = r.nextGaussian() * (j + 1);
            }
            x[i][2] = 3.0;
            x[i][5] = r.nextDouble() < 0.2 ? 1 : 0;
            x[i][6] = 1e6 + r.nextGaussian();
        }
        return x;
    }

    private static void assertBits(double expected, double actual, String what) {
        assertEquals(Double.doubleToRawLongBits(expected), Double.doubleToRawLongBits(actual), what + ": "
                + expected + " vs " + actual);
    }
}
