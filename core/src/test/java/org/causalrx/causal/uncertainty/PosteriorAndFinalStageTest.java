package org.causalrx.causal.uncertainty;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.causalrx.causal.EffectIntervals;
import org.causalrx.causal.TLearner;
import org.causalrx.learn.bart.Bart;
import org.causalrx.learn.bart.BartModel;
import org.causalrx.learn.bart.BartSettings;
import org.causalrx.learn.linear.Ridge;
import org.junit.jupiter.api.Test;

/** BART credible intervals of the CATE and the final-stage bootstrap: coverage, nesting, same seed. */
class PosteriorAndFinalStageTest {

    @Test
    void bartCredibleIntervalsCoverTheTrueCateAndNestInAlpha() {
        int n = 400;
        int[] t = new int[n];
        double[] y = new double[n];
        double[] tau = new double[n];
        double[][] x = BootstrapCateTest.sim(n, 11, t, y, tau);
        BartSettings s = BartSettings.defaults().withTrees(50).withBurnIn(200).withDraws(300);
        TLearner.Fitted f = new TLearner("t_bart", new Bart(s)).fit(x, t, y, 12);
        PosteriorCateModel m = new PosteriorCateModel((BartModel) f.mu0(), (BartModel) f.mu1());
        assertArrayEquals(f.effect(x), m.effect(x), 1e-12);
        EffectIntervals ci = m.effectInterval(x, 0.1);
        EffectIntervals wide = m.effectInterval(x, 0.01);
        double[] point = m.effect(x);
        int covered = 0;
        for (int i = 0; i < n; i++) {
            assertTrue(ci.lo()[i] <= point[i] && point[i] <= ci.hi()[i]);
            assertTrue(wide.lo()[i] <= ci.lo()[i] && wide.hi()[i] >= ci.hi()[i]);
            if (ci.lo()[i] <= tau[i] && tau[i] <= ci.hi()[i]) {
                covered++;
            }
        }
        assertTrue(covered / (double) n >= 0.75, "coverage " + covered / (double) n);
    }

    @Test
    void finalStageBootstrapIsSeededAndWidensWithNoise() {
        int n = 500;
        int[] t = new int[n];
        double[] y = new double[n];
        double[] tau = new double[n];
        double[][] x = BootstrapCateTest.sim(n, 13, t, y, tau);
        java.util.SplittableRandom r = new java.util.SplittableRandom(14);
        double[] quiet = new double[n];
        double[] noisy = new double[n];
        for (int i = 0; i < n; i++) {
            double e = r.nextGaussian();
            quiet[i] = tau[i] + 0.2 * e;
            noisy[i] = tau[i] + 2.0 * e;
        }
        FinalStageBootstrap fs = new FinalStageBootstrap(new Ridge(), 30, true);
        FinalStageBootstrap.Refit pq = new FinalStageBootstrap.Refit(new Ridge().fit(x, quiet, null, 1));
        FinalStageBootstrap.Refit pn = new FinalStageBootstrap.Refit(new Ridge().fit(x, noisy, null, 1));
        EffectIntervals a = fs.wrap(pq, x, t, quiet, 15).effectInterval(x, 0.05);
        EffectIntervals b = new FinalStageBootstrap(new Ridge(), 30, false).wrap(pq, x, t, quiet, 15)
                .effectInterval(x, 0.05);
        assertArrayEquals(a.lo(), b.lo());
        assertArrayEquals(a.hi(), b.hi());
        EffectIntervals c = fs.wrap(pn, x, t, noisy, 15).effectInterval(x, 0.05);
        double wq = 0;
        double wn = 0;
        for (int i = 0; i < n; i++) {
            wq += a.hi()[i] - a.lo()[i];
            wn += c.hi()[i] - c.lo()[i];
        }
        assertTrue(wn > 5 * wq, "10x noise gives much wider intervals: " + wq / n + " vs " + wn / n);
    }
}
