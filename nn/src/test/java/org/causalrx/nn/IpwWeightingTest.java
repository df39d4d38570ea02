package org.causalrx.nn;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;

import org.causalrx.learn.Classifier;
import org.causalrx.learn.ProbabilityModel;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The inverse-propensity weights enter X-MultiTask's stage-1 loss. Design: the network sees only a noise
 * covariate, so each head can learn little more than a (weighted) mean; the outcome is a hidden group g (y = g,
 * P(g = 1) = 1/2, in both arms, so the unweighted arm means are equal). A fixed propensity model gives
 * e = 0.2 where g = 1 and 0.8 where g = 0: IPW puts weight 5 on treated g = 1 rows (vs 1.25 on g = 0) and 5 on
 * control g = 0 rows (vs 1.25 on g = 1), so the weighted heads move to mu1 ≈ 0.8, mu0 ≈ 0.2; unweighted both
 * stay near 0.5.
 */
@Tag("slow")
class IpwWeightingTest {

    @Test
    void weightsMoveStageOneHeadsInTheExpectedDirection() {
        int n = 800;
        SplittableRandom r = new SplittableRandom(3);
        double[][] x = new double[n][1];
        int[] t = new int[n];
        double[] y = new double[n];
        Map<Double, Double> e = new HashMap<>();
        for (int i = 0; i < n; i++) {
            x[i][0] = Sims.gauss(r);
            int g = r.nextDouble() < 0.5 ? 1 : 0;
            t[i] = r.nextDouble() < 0.5 ? 1 : 0;
            y[i] = g + 0.1 * Sims.gauss(r);
            e.put(x[i][0], g == 1 ? 0.2 : 0.8);
        }
        Classifier fixed = new Classifier() {
            @Override
            public ProbabilityModel fit(double[][] xx, int[] tt, double[] w, long seed) {
                return rows -> {
                    double[] p = new double[rows.length];
                    for (int i = 0; i < rows.length; i++) {
                        p[i] = e.getOrDefault(rows[i][0], 0.5);
                    }
                    return p;
                };
            }

            @Override
            public String name() {
                return "fixed";
            }
        };
        NnSettings s = NnSettings.defaults().withSize(16, 1, 8, 1).withEpochs(60, 10).withMembers(1);
        XMultiTaskModel weighted = new XMultiTask(s, fixed, 0.05, true).fit(x, t, y, 1);
        XMultiTaskModel plain = new XMultiTask(s, fixed, 0.05, false).fit(x, t, y, 1);
        double gapWeighted = mean(weighted.mu(x, 1)) - mean(weighted.mu(x, 0));
        double gapPlain = mean(plain.mu(x, 1)) - mean(plain.mu(x, 0));
        System.out.printf("stage-1 mu1 - mu0: weighted %.3f, unweighted %.3f%n", gapWeighted, gapPlain);
        assertTrue(gapWeighted > 0.4, "IPW should pull mu1 up and mu0 down, gap " + gapWeighted);
        assertTrue(Math.abs(gapPlain) < 0.15, "unweighted heads should stay together, gap " + gapPlain);
    }

    private static double mean(double[] a) {
        double s = 0;
        for (double v : a) {
            s += v;
        }
        return s / a.length;
    }
}
