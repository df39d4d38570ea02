package org.causalrx.causal.forest;

import org.causalrx.util.Normal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.causalrx.learn.forest.ForestSettings;
import org.junit.jupiter.api.Test;

class CausalForestVarianceTest {

    @Test
    void variancesArePositiveAndIntervalsCoverOnALinearDesign() {
        CausalSim train = CausalSim.draw(2000, 4, 21, 1.0, x -> 0.5 + 0.3 * x[0]);
        CausalSim test = CausalSim.draw(400, 4, 22, 1.0, x -> 0.5 + 0.3 * x[0]);
        ForestSettings s = ForestSettings.defaults().withNumTrees(1000);
        CausalForestModel m = new CausalForest(s).fit(train.x, train.y, train.w, null, null, 23);
        Estimate est = m.effectWithVariance(test.x);
        Estimate.Interval ci = est.interval(0.05);
        org.causalrx.causal.EffectIntervals same = m.effectInterval(test.x, 0.05);
        assertEquals(ci.lower()[0], same.lo()[0], 1e-12);
        assertEquals(ci.upper()[0], same.hi()[0], 1e-12);
        double covered = 0;
        for (int i = 0; i < test.tau.length; i++) {
            assertTrue(est.variance()[i] > 0 && Double.isFinite(est.variance()[i]));
            assertEquals(est.tau()[i] - ci.lower()[i], ci.upper()[i] - est.tau()[i], 1e-12);
            if (ci.lower()[i] <= test.tau[i] && test.tau[i] <= ci.upper()[i]) {
                covered++;
            }
        }
        double coverage = covered / test.tau.length;
        assertTrue(coverage >= 0.8 && coverage <= 1.0, "coverage " + coverage);
        // effect() and effectWithVariance() agree on the point estimate
        double[] tau = m.effect(test.x);
        for (int i = 0; i < tau.length; i++) {
            assertEquals(tau[i], est.tau()[i], 1e-12);
        }
    }

    @Test
    void onePassVarianceMatchesThePerTreeDefinition() {
        CausalSim d = CausalSim.draw(400, 3, 31, 1.0, x -> x[0]);
        CausalForestModel m = new CausalForest(ForestSettings.defaults().withNumTrees(100))
                .fit(d.x, d.y, d.w, null, d.e, 32);
        double[][] probe = {d.x[0], d.x[1], d.x[2], {0.0, 0.0, 0.0}};
        Estimate est = m.effectWithVariance(probe);
        double[] yHat = m.yHat();
        double[] yt = new double[d.y.length];
        double[] wt = new double[d.y.length];
        for (int i = 0; i < yt.length; i++) {
            yt[i] = d.y[i] - yHat[i];
            wt[i] = d.w[i] - d.e[i];
        }
        for (int q = 0; q < probe.length; q++) {
            double[] per = new double[m.numTrees() * CausalPredictionStrategy.STATS];
            for (int b = 0; b < m.numTrees(); b++) {
                double[] ls = CausalPredictionStrategy.leafStats(m.tree(b), yt, wt);
                int leaf = m.tree(b).leafOf(probe[q]);
                System.arraycopy(ls, leaf * 4, per, b * 4, 4);
            }
            double v = CausalPredictionStrategy.variance(per, m.numTrees(), 2);
            assertEquals(v, est.variance()[q], 1e-8 * v);
        }
    }

    @Test
    void debiasingKeepsVariancePositiveAndLeavesClearCasesAlone() {
        assertTrue(CausalPredictionStrategy.debias(1.0, 2.0, 500) > 0);
        assertEquals(1.0, CausalPredictionStrategy.debias(2.0, 1.0, 100000), 1e-6);
        assertEquals(1.959964, Normal.quantile(0.975), 1e-6);
        assertEquals(0.975, Normal.cdf(1.959964), 1e-6);
    }
}
