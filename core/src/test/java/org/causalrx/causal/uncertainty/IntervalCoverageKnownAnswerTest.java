package org.causalrx.causal.uncertainty;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;

import org.causalrx.causal.EffectIntervals;
import org.causalrx.causal.TLearner;
import org.causalrx.learn.linear.LinearSettings;
import org.causalrx.learn.linear.Ridge;
import org.junit.jupiter.api.Test;

/**
 * Known answer: on a linear design with a known linear CATE, the 95 % bootstrap interval (B = 10 refits, Student-t
 * quantile) of an unpenalised linear T-learner covers the true CATE of 90–99 % of new patients, pooled over 20
 * simulated data sets. (The cross-validated ridge T-learner covers about 80 % on this design: its penalty shrinks
 * the effect, a bias no bootstrap of the estimator can see.)
 */
class IntervalCoverageKnownAnswerTest {
    @Test
    void linearTLearnerIntervalCoversTheTrueCate() {
        int reps = 20;
        int n = 1000;
        int m = 300;
        int p = 6;
        int covered = 0;
        for (int r = 0; r < reps; r++) {
            SplittableRandom rng = new SplittableRandom(100 + r);
            double[][] x = new double[n][p];
            int[] t = new int[n];
            double[] y = new double[n];
            double[][] xt = new double[m][p];
            double[] tau = new double[m];
            for (int i = 0; i < n + m; i++) {
                double[] row = new double[p];
                for (int j = 0; j < p; j++) {
                    row[j] = rng.nextGaussian();
                }
                double effect = 0.5 + 0.5 * row[0] - 0.3 * row[1];
                if (i < n) {
                    double e = 1 / (1 + Math.exp(-(0.6 * row[0] + 0.4 * row[2])));
                    t[i] = rng.nextDouble() < e ? 1 : 0;
                    y[i] = row[0] + 0.5 * row[2] - 0.5 * row[3] + t[i] * effect + rng.nextGaussian();
                    x[i] = row;
                } else {
                    xt[i - n] = row;
                    tau[i - n] = effect;
                }
            }
            TLearner est = new TLearner("t_ols", new Ridge(LinearSettings.nearlyUnpenalized()));
            EffectIntervals iv = new BootstrapCate(est, 10, true).wrap(est.fit(x, t, y, 11), x, t, y, 12, 13)
                    .effectInterval(xt, 0.05);
            for (int i = 0; i < m; i++) {
                if (iv.lo()[i] <= tau[i] && tau[i] <= iv.hi()[i]) {
                    covered++;
                }
            }
        }
        double coverage = covered / (double) (reps * m);
        assertTrue(coverage >= 0.90 && coverage <= 0.99, "coverage " + coverage + " for nominal 0.95");
    }
}
