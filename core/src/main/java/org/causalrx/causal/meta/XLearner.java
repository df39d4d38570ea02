package org.causalrx.causal.meta;

import org.causalrx.causal.CateEstimator;
import org.causalrx.causal.CateModel;
import org.causalrx.causal.CrossFit;
import org.causalrx.causal.TLearner;
import org.causalrx.learn.Classifier;
import org.causalrx.learn.ProbabilityModel;
import org.causalrx.learn.RegressionModel;
import org.causalrx.learn.Regressor;
import org.causalrx.util.Seeds;
import org.causalrx.util.Stats;

/**
 * X-learner (Künzel et al. 2019). Stage 1: arm outcome models mu0, mu1. Stage 2: imputed effects
 * D1 = y − mu0(x) on the treated and D0 = mu1(x) − y on the controls, each regressed on x giving tau1, tau0.
 * Final effect e(x)·tau0(x) + (1 − e(x))·tau1(x), e from the propensity learner (clipped).
 */
public record XLearner(String name, Regressor outcome, Regressor effect, Classifier propensity, double clip)
        implements CateEstimator {

    @Override
    public CateModel fit(double[][] x, int[] t, double[] y, long seed) {
        return fit(x, t, y, null, seed);
    }

    /** As above; every stage's internal splits keep rows of one group together. */
    @Override
    public CateModel fit(double[][] x, int[] t, double[] y, int[] groups, long seed) {
        TLearner.Fitted mu = new TLearner(name + "-stage1", outcome).fit(x, t, y, groups, Seeds.derive(seed, 0));
        int[] tr = Stats.indicesOf(t, 1);
        int[] co = Stats.indicesOf(t, 0);
        double[][] xTr = Stats.select(x, tr);
        double[][] xCo = Stats.select(x, co);
        double[] d1 = Stats.select(y, tr);
        double[] m0 = mu.mu(xTr, 0);
        for (int i = 0; i < d1.length; i++) {
            d1[i] -= m0[i];
        }
        double[] d0 = mu.mu(xCo, 1);
        double[] yCo = Stats.select(y, co);
        for (int i = 0; i < d0.length; i++) {
            d0[i] -= yCo[i];
        }
        RegressionModel tau1 = effect.fit(xTr, d1, null, CrossFit.groupsOf(groups, tr), Seeds.derive(seed, 1));
        RegressionModel tau0 = effect.fit(xCo, d0, null, CrossFit.groupsOf(groups, co), Seeds.derive(seed, 2));
        ProbabilityModel e = propensity.fit(x, t, null, groups, Seeds.derive(seed, 3));
        return new Fitted(tau0, tau1, e, clip);
    }

    /**
     * The fitted X-learner: tau(x) = g(x)·tau0(x) + (1 − g(x))·tau1(x), g the propensity clipped to [clip, 1 − clip].
     */
    public record Fitted(RegressionModel tau0, RegressionModel tau1, ProbabilityModel propensity, double clip)
            implements CateModel {
        @Override
        public double[] effect(double[][] xNew) {
            double[] p = propensity.predictProba(xNew);
            double[] a = tau0.predict(xNew);
            double[] b = tau1.predict(xNew);
            double[] out = new double[xNew.length];
            for (int i = 0; i < out.length; i++) {
                double g = Math.min(Math.max(p[i], clip), 1 - clip);
                out[i] = g * a[i] + (1 - g) * b[i];
            }
            return out;
        }
    }
}
