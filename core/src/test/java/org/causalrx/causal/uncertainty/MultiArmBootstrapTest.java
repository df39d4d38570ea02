package org.causalrx.causal.uncertainty;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import org.causalrx.causal.OutcomeAware;
import org.causalrx.estimators.MultiArmEstimators;
import org.junit.jupiter.api.Test;

/** Within-arm K-arm resamples keep every arm's size; draws are reproducible and thread-count independent. */
class MultiArmBootstrapTest {
    @Test
    void resampleKeepsEveryArmsSizeAndDrawsWithinTheArm() {
        int[] t = {0, 1, 2, 2, 1, 0, 2, 2, 1, 0, 0, 2};
        int[] rows = MultiArmBootstrap.resample(t, 3, 7);
        assertEquals(t.length, rows.length);
        int[] count = new int[3];
        for (int r : rows) {
            count[t[r]]++;
        }
        assertArrayEquals(new int[] {4, 3, 5}, count);
        assertArrayEquals(rows, MultiArmBootstrap.resample(t, 3, 7));
        assertFalse(Arrays.equals(rows, MultiArmBootstrap.resample(t, 3, 8)), "another seed, another resample");
        assertThrows(IllegalArgumentException.class, () -> MultiArmBootstrap.resample(t, 2, 7));
    }

    @Test
    void sameSeedsSameDrawsInParallelOrNot() {
        SplittableRandom r = new SplittableRandom(1);
        int n = 240;
        double[][] x = new double[n][2];
        int[] t = new int[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i][0] = r.nextGaussian();
            x[i][1] = r.nextGaussian();
            t[i] = i % 3;
            y[i] = x[i][0] + (t[i] == 1 ? x[i][1] : t[i] == 2 ? -1 : 0) + 0.3 * r.nextGaussian();
        }
        double[][] xNew = {{0, 0}, {1, -1}, {-1, 2}};
        MultiArmBootstrap seq = new MultiArmBootstrap(MultiArmEstimators.of("t_ridge",
                OutcomeAware.Kind.CONTINUOUS), 4, false);
        MultiArmBootstrap par = new MultiArmBootstrap(seq.estimator(), 4, true);
        double[][][][] a = seq.draws(x, t, 3, y, List.of(xNew, x), 11, 12);
        double[][][][] b = par.draws(x, t, 3, y, List.of(xNew, x), 11, 12);
        assertEquals(2, a.length);
        assertEquals(4, a[0].length);
        assertEquals(3, a[0][0].length);
        assertEquals(n, a[1][0].length);
        assertEquals(Arrays.deepToString(a), Arrays.deepToString(b));
        assertFalse(Arrays.deepEquals(a[0][0], a[0][1]), "refits differ");
        for (double[][][] draw : a) {
            for (double[][] eff : draw) {
                for (double[] row : eff) {
                    assertEquals(0.0, row[0], 0.0, "reference column");
                }
            }
        }
    }
}
