package org.causalrx.learn.linear;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/**
 * With more features than rows (a categorical covariate with many levels) the Gaussian lasso path reaches a fit
 * that interpolates y; the solver then reports itself saturated so the path stops, while with fewer features than
 * rows it never does.
 */
class GaussianSaturationTest {

    private static boolean saturatesAlongPath(int n, int levels, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[][] x = new double[n][levels];
        double[] y = new double[n];
        int[] rows = new int[n];
        for (int i = 0; i < n; i++) {
            x[i][0] = r.nextGaussian();
            x[i][1 + i % (levels - 1)] = 1;   // one-hot level, every level used
            y[i] = 0.5 * x[i][0] + r.nextGaussian();
            rows[i] = i;
        }
        double[] w = new double[n];
        java.util.Arrays.fill(w, 1.0);
        GaussianSolver s = new GaussianSolver(Design.of(x, w, rows), y, 1.0, LinearSettings.defaults());
        double[] path = PenalizedPath.logPath(s.lambdaMax(), 1e-4, 100);
        s.solve(path[0]);
        assertFalse(s.saturated(), "nothing is explained at lambda_max");
        for (double l : path) {
            s.solve(l);
            if (s.saturated()) {
                return true;
            }
        }
        return false;
    }

    @Test
    void moreLevelsThanRowsSaturates() {
        assertTrue(saturatesAlongPath(60, 80, 1));
    }

    @Test
    void fewFeaturesNeverSaturate() {
        assertFalse(saturatesAlongPath(400, 6, 2));
    }
}
