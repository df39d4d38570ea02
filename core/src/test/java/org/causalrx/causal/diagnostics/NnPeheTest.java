package org.causalrx.causal.diagnostics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.junit.jupiter.api.Test;

class NnPeheTest {
    // 1-D: treated at 0 and 3, control at 1 and 4 -> neighbours 0<->1, 2<->3
    private static final double[][] X = {{0}, {1}, {3}, {4}};
    private static final int[] T = {1, 0, 1, 0};

    @Test
    void handComputedContinuous() {
        assertArrayEquals(new int[] {1, 0, 3, 2}, NnPehe.neighbours(X, T));
        double[] y = {5, 2, 10, 4};
        // pseudo: 5-2, 5-2, 10-4, 10-4 = 3, 3, 6, 6; tauHat errors 0, 1, 2, 0 -> mean square 5/4
        NnPehe.Result r = NnPehe.compute(X, T, y, new double[] {3, 4, 4, 6}, 1L, 0);
        assertEquals(Math.sqrt(1.25), r.pehe(), 1e-12);
        assertEquals(r.pehe(), r.ciLow());
        assertEquals(4, r.n());
    }

    @Test
    void tiesGoToLowerIndexAndConstantColumnsIgnored() {
        // treated rows 1 and 3 at 0 are equidistant from controls at -1 (row 0) and 1 (row 2) (mean 0, so the
        // standardised distances are exactly equal); the constant column is ignored
        double[][] x = {{-1, 7}, {0, 7}, {1, 7}, {0, 7}};
        int[] t = {0, 1, 0, 1};
        int[] nn = NnPehe.neighbours(x, t);
        assertEquals(0, nn[1]);
        assertEquals(0, nn[3]);
        assertEquals(1, nn[2]);
    }

    @Test
    void standardisationMatchesBruteForce() {
        Random rng = new Random(3);
        int n = 40;
        double[][] x = new double[n][3];
        int[] t = new int[n];
        double[] y = new double[n];
        double[] tau = new double[n];
        for (int i = 0; i < n; i++) {
            x[i][0] = 1000 * rng.nextGaussian(); // without standardisation this column would dominate
            x[i][1] = rng.nextGaussian();
            x[i][2] = 0.01 * rng.nextGaussian();
            t[i] = i % 3 == 0 ? 1 : 0;
            y[i] = rng.nextGaussian();
            tau[i] = rng.nextGaussian();
        }
        double[] sd = new double[3];
        double[] mean = new double[3];
        for (int c = 0; c < 3; c++) {
            for (double[] row : x) {
                mean[c] += row[c] / n;
            }
            for (double[] row : x) {
                sd[c] += (row[c] - mean[c]) * (row[c] - mean[c]) / n;
            }
            sd[c] = Math.sqrt(sd[c]);
        }
        double sse = 0;
        for (int i = 0; i < n; i++) {
            int best = -1;
            double bd = Double.MAX_VALUE;
            for (int j = 0; j < n; j++) {
                if (t[j] == t[i]) {
                    continue;
                }
                double d = 0;
                for (int c = 0; c < 3; c++) {
                    d += Math.pow((x[i][c] - x[j][c]) / sd[c], 2);
                }
                if (d < bd) {
                    bd = d;
                    best = j;
                }
            }
            double pseudo = t[i] == 1 ? y[i] - y[best] : y[best] - y[i];
            sse += (tau[i] - pseudo) * (tau[i] - pseudo);
        }
        assertEquals(Math.sqrt(sse / n), NnPehe.compute(x, t, y, tau, 9L, 0).pehe(), 1e-12);
    }

    @Test
    void handComputedByClass() {
        int[] yClass = {2, 0, 1, 1};
        double[][] effects = {{-0.5, 0, 0.5}, {0, 0, 0}, {0, 0, 0}, {0, 0, 0}};
        NnPehe.ClassResult r = NnPehe.computeByClass(X, T, yClass, 3, effects, 5L, 0);
        // class 0 pseudo -1,-1,0,0; class 1 all 0; class 2 pseudo 1,1,0,0; value pseudo 2,2,0,0
        assertEquals(Math.sqrt(1.25 / 4), r.perClass().get(0).pehe(), 1e-12);
        assertEquals(0.0, r.perClass().get(1).pehe(), 1e-12);
        assertEquals(Math.sqrt(1.25 / 4), r.perClass().get(2).pehe(), 1e-12);
        // expected-value effect of row 0 is 0*(-0.5) + 1*0 + 2*0.5 = 1 against pseudo 2; row 1: 0 against 2
        assertEquals(Math.sqrt(5.0 / 4), r.overall().pehe(), 1e-12);
        assertThrows(IllegalArgumentException.class,
                () -> NnPehe.computeByClass(X, T, new int[] {3, 0, 1, 1}, 3, effects, 5L, 0));
    }

    @Test
    void simulationNnPeheExceedsTruePeheByTheNoise() {
        Random rng = new Random(11);
        int n = 3000;
        double sigma = 1.0;
        double[][] x = new double[n][2];
        int[] t = new int[n];
        double[] y = new double[n];
        double[] tauHat = new double[n];
        double truePeheSq = 0;
        for (int i = 0; i < n; i++) {
            x[i][0] = rng.nextGaussian();
            x[i][1] = rng.nextGaussian();
            t[i] = rng.nextDouble() < 0.5 ? 1 : 0;
            double tau = 1 + x[i][0];
            y[i] = 2 * x[i][1] + t[i] * tau + sigma * rng.nextGaussian();
            tauHat[i] = tau + 0.5 * rng.nextGaussian();
            truePeheSq += (tauHat[i] - tau) * (tauHat[i] - tau) / n;
        }
        NnPehe.Result r = NnPehe.compute(x, t, y, tauHat, 17L, 300);
        double truePehe = Math.sqrt(truePeheSq);
        double expected = Math.sqrt(truePeheSq + 2 * sigma * sigma);
        assertTrue(r.pehe() > truePehe + 0.5, "NN-PEHE " + r.pehe() + " vs true " + truePehe);
        assertEquals(expected, r.pehe(), 0.12 * expected, "NN-PEHE ~ sqrt(PEHE^2 + 2 sigma^2)");
        assertTrue(r.ciLow() < r.pehe() && r.pehe() < r.ciHigh());
        assertTrue(r.ciHigh() - r.ciLow() < 0.3);
        // a better estimator has a lower NN-PEHE on the same rows
        double[] worse = tauHat.clone();
        for (int i = 0; i < n; i++) {
            worse[i] += 1.5 * rng.nextGaussian();
        }
        assertTrue(NnPehe.compute(x, t, y, worse, 17L, 0).pehe() > r.pehe());
        assertEquals(r, NnPehe.compute(x, t, y, tauHat, 17L, 300));
    }

    /** The pairwise search as it was before the early-abandon search: every distance in full, ascending index. */
    private static int[] bruteForce(double[][] x, int[] t) {
        int[] all = new int[x.length];
        java.util.Arrays.setAll(all, i -> i);
        return pairwise(x, t, all, new int[1]);
    }

    @Test
    void fastSearchEqualsPairwiseSearchWithTiesQueriesAndAnyThreadCount() throws Exception {
        Random rng = new Random(21);
        int n = 700;
        double[][] x = new double[n][6];
        int[] t = new int[n];
        for (int i = 0; i < n; i++) {
            // coarse grid: many duplicate rows and equal distances; column 4 constant; column 5 continuous
            for (int c = 0; c < 4; c++) {
                x[i][c] = rng.nextInt(3);
            }
            x[i][4] = 2.5;
            x[i][5] = i % 5 == 0 ? rng.nextGaussian() : 0;
            t[i] = rng.nextDouble() < 0.3 ? 1 : 0;
        }
        int[] expected = bruteForce(x, t);
        int[] got = NnPehe.neighbours(x, t);
        assertArrayEquals(expected, got);
        long ties = 0;
        for (int i = 0; i < n; i++) {
            ties += java.util.Arrays.equals(x[i], x[expected[i]]) ? 1 : 0;
        }
        assertTrue(ties > n / 2, "the data must have exact ties to test the tie rule, got " + ties);
        // a subset of queries gets the same neighbours (searched among all rows)
        int[] rows = NnPehe.queryRows(n, 100, 4L);
        int[] sub = NnPehe.neighbours(x, t, rows);
        for (int k = 0; k < rows.length; k++) {
            assertEquals(expected[rows[k]], sub[k]);
        }
        // one worker thread gives the same as the common pool
        java.util.concurrent.ForkJoinPool one = new java.util.concurrent.ForkJoinPool(1);
        try {
            assertArrayEquals(expected, one.submit(() -> NnPehe.neighbours(x, t)).get());
        } finally {
            one.shutdown();
        }
    }

    @Test
    void theTiledSearchEqualsThePairwiseSearchAcrossManyTiles() {
        // arms of about 1,500 and 1,000 rows: several candidate tiles of 256 and a last one not a multiple of 4
        Random rng = new Random(33);
        int n = 2_503;
        double[][] x = new double[n][12];
        int[] t = new int[n];
        for (int i = 0; i < n; i++) {
            for (int c = 0; c < 12; c++) {
                x[i][c] = c < 3 ? rng.nextInt(4) : rng.nextGaussian();
            }
            t[i] = rng.nextDouble() < 0.4 ? 1 : 0;
        }
        assertArrayEquals(bruteForce(x, t), NnPehe.neighbours(x, t));
    }

    /**
     * The plain search for the given queries, written out: standardise each column by all rows' mean and SD (constant
     * columns dropped), then for each query scan every row of the other arm in ascending index order, sum the squared
     * differences over the kept columns in column order and keep the first strictly smaller sum. {@code ties[0]}
     * counts the queries whose smallest sum is reached by more than one row.
     */
    private static int[] pairwise(double[][] x, int[] t, int[] queries, int[] ties) {
        int n = x.length;
        int p = x[0].length;
        java.util.List<double[]> cols = new java.util.ArrayList<>();
        for (int c = 0; c < p; c++) {
            double[] col = new double[n];
            for (int i = 0; i < n; i++) {
                col[i] = x[i][c];
            }
            double mean = org.causalrx.util.Stats.mean(col);
            double sd = org.causalrx.util.Stats.sd(col);
            if (sd > 0) {
                for (int i = 0; i < n; i++) {
                    col[i] = (x[i][c] - mean) / sd;
                }
                cols.add(col);
            }
        }
        int[] nn = new int[queries.length];
        for (int k = 0; k < queries.length; k++) {
            int i = queries[k];
            double best = Double.POSITIVE_INFINITY;
            int arg = -1;
            int equal = 0;
            for (int j = 0; j < n; j++) {
                if (t[j] == t[i]) {
                    continue;
                }
                double d = 0;
                for (double[] z : cols) {
                    double diff = z[i] - z[j];
                    d += diff * diff;
                }
                if (d < best) {
                    best = d;
                    arg = j;
                    equal = 0;
                } else if (d == best) {
                    equal++;
                }
            }
            nn[k] = arg;
            ties[0] += equal > 0 ? 1 : 0;
        }
        return nn;
    }

    /**
     * Queries: {@code count} rows drawn with replacement in random order (so repeats and any order), plus the first
     * and last rows.
     */
    private static int[] someQueries(Random rng, int n, int count) {
        int[] queries = new int[count + 2];
        for (int k = 0; k < count; k++) {
            queries[k] = rng.nextInt(n);
        }
        queries[count] = 0;
        queries[count + 1] = n - 1;
        return queries;
    }

    /** The search on both kernels, the public entry point and one worker thread all give the pairwise neighbours. */
    private static void assertPairwise(double[][] x, int[] t, int[] queries, int minTies) throws Exception {
        int[] ties = new int[1];
        int[] expected = pairwise(x, t, queries, ties);
        assertTrue(ties[0] >= minTies, "the design must have " + minTies + " queries with tied nearest rows, got "
                + ties[0]);
        assertArrayEquals(expected, NnPehe.neighbours(x, t, queries));
        assertArrayEquals(expected, NnPehe.neighbours(x, t, queries, false), "plain-loop kernel");
        if (NnPehe.vectorKernel()) {
            assertArrayEquals(expected, NnPehe.neighbours(x, t, queries, true), "Vector API kernel");
        }
        java.util.concurrent.ForkJoinPool one = new java.util.concurrent.ForkJoinPool(1);
        try {
            assertArrayEquals(expected, one.submit(() -> NnPehe.neighbours(x, t, queries)).get(), "one thread");
        } finally {
            one.shutdown();
        }
    }

    @Test
    void vectorisedSearchEqualsThePairwiseSearchBitForBitOnAwkwardDesigns() throws Exception {
        Random rng = new Random(44);
        // Gaussian columns of very different scales, 13 kept (not a multiple of 4 or 8) and 2 constant ones
        // between them; about 1,500 treated against 1,000 controls; 203 + 2 queries (not a multiple of 64)
        int n = 2_500;
        double[][] x = new double[n][15];
        int[] t = new int[n];
        for (int i = 0; i < n; i++) {
            for (int c = 0; c < 15; c++) {
                x[i][c] = c == 4 ? 3.5 : c == 11 ? -1 : Math.pow(10, c % 5 - 2) * rng.nextGaussian();
            }
            t[i] = rng.nextDouble() < 0.6 ? 1 : 0;
        }
        assertPairwise(x, t, someQueries(rng, n, 203), 0);

        // tight clusters (40 columns around 25 centres, noise 0.01): a query's best soon becomes small, so most
        // tiles are given up part-way, which the search must do only when no candidate of the tile can still win
        n = 3_000;
        x = new double[n][40];
        t = new int[n];
        double[][] centre = new double[25][40];
        for (double[] ce : centre) {
            for (int c = 0; c < 40; c++) {
                ce[c] = rng.nextGaussian();
            }
        }
        for (int i = 0; i < n; i++) {
            double[] ce = centre[rng.nextInt(centre.length)];
            for (int c = 0; c < 40; c++) {
                x[i][c] = ce[c] + 0.01 * rng.nextGaussian();
            }
            t[i] = rng.nextDouble() < 0.5 ? 1 : 0;
        }
        assertPairwise(x, t, someQueries(rng, n, 600), 0);

        // integer covariates with duplicated rows (exact ties everywhere), 7 columns, one of them constant;
        // about 10 % treated, so one arm spans many tiles and the other a few, the last one partial
        n = 1_300;
        x = new double[n][7];
        t = new int[n];
        for (int i = 0; i < n; i++) {
            if (i > 10 && rng.nextDouble() < 0.3) {
                x[i] = x[rng.nextInt(i)].clone();
            } else {
                for (int c = 0; c < 7; c++) {
                    x[i][c] = c == 2 ? 1 : rng.nextInt(c < 5 ? 2 : 3);
                }
            }
            t[i] = rng.nextDouble() < 0.1 ? 1 : 0;
        }
        t[0] = 1;
        assertPairwise(x, t, someQueries(rng, n, 317), 100);

        // 3 treated rows against 397 controls, one integer and 30 Gaussian columns (31 kept), every row queried
        n = 400;
        x = new double[n][31];
        t = new int[n];
        for (int i = 0; i < n; i++) {
            for (int c = 0; c < 31; c++) {
                x[i][c] = c == 0 ? rng.nextInt(5) : rng.nextGaussian();
            }
        }
        t[5] = 1;
        t[200] = 1;
        t[399] = 1;
        int[] all = NnPehe.queryRows(n, n, 0L);
        assertPairwise(x, t, all, 0);

        // a single kept column of few values (many exact ties), arms of 1 and 99 rows
        n = 100;
        x = new double[n][2];
        t = new int[n];
        for (int i = 0; i < n; i++) {
            x[i][0] = rng.nextInt(6);
            x[i][1] = 8;
        }
        t[37] = 1;
        assertPairwise(x, t, NnPehe.queryRows(n, n, 0L), 1);
        assertPairwise(x, t, new int[] {37, 37, 36, 99}, 0);

        // every column constant: all distances are 0 and each query gets the first row of the other arm (the
        // treated row ties all 99 controls)
        for (double[] r : x) {
            r[0] = 2;
        }
        assertPairwise(x, t, NnPehe.queryRows(n, n, 0L), 1);
    }

    @Test
    void queryRowsAreAllRowsUpToTheMaximumElseASeededSortedSample() {
        assertArrayEquals(new int[] {0, 1, 2, 3, 4}, NnPehe.queryRows(5, 5, 1L));
        int[] s = NnPehe.queryRows(1000, 50, 9L);
        assertEquals(50, s.length);
        for (int k = 1; k < s.length; k++) {
            assertTrue(s[k] > s[k - 1], "ascending and without repeats");
        }
        assertArrayEquals(s, NnPehe.queryRows(1000, 50, 9L));
        assertTrue(!java.util.Arrays.equals(s, NnPehe.queryRows(1000, 50, 10L)));
        assertThrows(IllegalArgumentException.class, () -> NnPehe.queryRows(10, 0, 1L));
    }

    @Test
    void oneArmOnlyIsAnError() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> NnPehe.neighbours(X, new int[] {1, 1, 1, 1}));
        assertTrue(e.getMessage().contains("both present"));
    }
}
