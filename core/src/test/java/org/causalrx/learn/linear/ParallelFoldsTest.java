package org.causalrx.learn.linear;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/** Cross-validation folds fitted on several threads choose the same λ and give the same coefficients as on one. */
class ParallelFoldsTest {
    @Test
    void severalThreadsGiveTheSameFit() {
        SplittableRandom r = new SplittableRandom(17);
        int n = 3000;
        int p = 8;
        double[][] x = new double[n][p];
        double[] y = new double[n];
        double[] t = new double[n];
        double[] w = new double[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < p; j++) {
                x[i][j] = r.nextGaussian();
            }
            y[i] = x[i][0] - 0.5 * x[i][1] + r.nextGaussian();
            t[i] = r.nextDouble() < 1 / (1 + Math.exp(-(x[i][0] + 0.3 * x[i][2]))) ? 1 : 0;
            w[i] = 1;
        }
        LinearSettings s = LinearSettings.defaults();
        for (double alpha : new double[] {0.0, 1.0}) {
            for (PenalizedPath.Family family : PenalizedPath.Family.values()) {
                double[] target = family == PenalizedPath.Family.GAUSSIAN ? y : t;
                PenalizedPath.Result one = PenalizedPath.fit(family, x, target, w, null, 5, alpha, s,
                        Design.Layout.DENSE, false);
                PenalizedPath.Result many = PenalizedPath.fit(family, x, target, w, null, 5, alpha, s,
                        Design.Layout.DENSE, true);
                assertEquals(one.lambda(), many.lambda(), family + " alpha " + alpha);
                assertEquals(one.intercept(), many.intercept(), family + " alpha " + alpha);
                assertArrayEquals(one.coefficients(), many.coefficients(), family + " alpha " + alpha);
            }
        }
    }
}
