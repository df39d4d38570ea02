package org.causalrx.causal.uncertainty;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;

import org.causalrx.causal.EffectIntervals;
import org.causalrx.causal.TLearner;
import org.causalrx.learn.linear.Ridge;
import org.junit.jupiter.api.Test;

/** Bootstrap intervals: coverage on a known-answer simulation, same seed ⇒ same intervals. */
class BootstrapCateTest {
    /** Y = x0 + t·(1 + x1) + N(0, 1), randomised t: the T-learner with ridge is correctly specified. */
    static double[][] sim(int n, long seed, int[] t, double[] y, double[] tau) {
        SplittableRandom r = new SplittableRandom(seed);
        double[][] x = new double[n][3];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < 3; j++) {
                x[i][j] = r.nextDouble() * 2 - 1;
            }
            t[i] = r.nextDouble() < 0.5 ? 1 : 0;
            tau[i] = 1 + x[i][1];
            y[i] = x[i][0] + t[i] * tau[i] + r.nextGaussian();
        }
        return x;
    }

    @Test
    void normalBootstrapIntervalsCoverTheTrueCate() {
        int n = 600;
        int[] t = new int[n];
        double[] y = new double[n];
        double[] tau = new double[n];
        double[][] x = sim(n, 1, t, y, tau);
        TLearner est = new TLearner("t_ridge", new Ridge());
        BootstrapCateModel m = new BootstrapCate(est, 50, true).wrap(est.fit(x, t, y, 2), x, t, y, 3);
        EffectIntervals ci = m.effectInterval(x, 0.1);
        double[] point = m.effect(x);
        int covered = 0;
        for (int i = 0; i < n; i++) {
            assertTrue(ci.lo()[i] <= point[i] && point[i] <= ci.hi()[i]);
            if (ci.lo()[i] <= tau[i] && tau[i] <= ci.hi()[i]) {
                covered++;
            }
        }
        double coverage = covered / (double) n;
        // nominal 90 %; the refits' SD is itself estimated from 50 refits, so allow a margin
        assertTrue(coverage >= 0.8, "coverage " + coverage);
        // and the interval is not trivially wide: mean width well below the CATE's range (2)
        double width = 0;
        for (int i = 0; i < n; i++) {
            width += ci.hi()[i] - ci.lo()[i];
        }
        assertTrue(width / n < 1.0, "mean width " + width / n);
        // narrower at a larger alpha
        EffectIntervals wide = m.effectInterval(x, 0.01);
        assertTrue(wide.hi()[0] - wide.lo()[0] > ci.hi()[0] - ci.lo()[0]);
    }

    @Test
    void sameSeedSameIntervalsInParallelOrNot() {
        int n = 300;
        int[] t = new int[n];
        double[] y = new double[n];
        double[] tau = new double[n];
        double[][] x = sim(n, 5, t, y, tau);
        TLearner est = new TLearner("t_ridge", new Ridge());
        TLearner.Fitted point = est.fit(x, t, y, 6);
        EffectIntervals a = new BootstrapCate(est, 20, true).wrap(point, x, t, y, 7).effectInterval(x, 0.05);
        EffectIntervals b = new BootstrapCate(est, 20, false).wrap(point, x, t, y, 7).effectInterval(x, 0.05);
        EffectIntervals c = new BootstrapCate(est, 20, false).wrap(point, x, t, y, 8).effectInterval(x, 0.05);
        assertArrayEquals(a.lo(), b.lo());
        assertArrayEquals(a.hi(), b.hi());
        assertTrue(a.lo()[0] != c.lo()[0], "another seed gives other refits");
    }

    @Test
    void resamplingKeepsArmSizes() {
        int[] t = {0, 0, 0, 1, 1, 0, 1};
        int[] rows = BootstrapCate.resample(t, 9);
        int treated = 0;
        for (int r : rows) {
            treated += t[r];
        }
        assertTrue(treated == 3 && rows.length == t.length);
    }
}
