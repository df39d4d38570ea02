package org.causalrx.causal.meta;

import org.causalrx.causal.CateEstimator;
import org.causalrx.causal.CateModel;
import org.causalrx.causal.CrossFit;
import org.causalrx.causal.Nuisance;
import org.causalrx.learn.Classifier;
import org.causalrx.learn.RegressionModel;
import org.causalrx.learn.Regressor;
import org.causalrx.util.Seeds;

/**
 * R-learner (Nie & Wager 2021): cross-fitted m(x) = E[Y|x] and e(x); minimise
 * Σ (t − e)² ((y − m)/(t − e) − tau(x))², i.e. a weighted regression of the pseudo-outcome (y − m)/(t − e)
 * with weights (t − e)² — the final learner must honour sample weights.
 */
public record RLearner(String name, Regressor outcome, Classifier propensity, Regressor finalStage, int folds,
                       double clip) implements CateEstimator {

    @Override
    public CateModel fit(double[][] x, int[] t, double[] y, long seed) {
        return fit(x, t, y, null, seed);
    }

    /** As above; cross-fitting folds and every learner's internal splits keep rows of one group together. */
    @Override
    public CateModel fit(double[][] x, int[] t, double[] y, int[] groups, long seed) {
        CrossFit cf = CrossFit.stratified(t, folds, groups, Seeds.derive(seed, "r-folds"));
        double[] m = Nuisance.marginal(outcome, x, y, cf, groups, Seeds.derive(seed, "r-m"));
        double[] e = Nuisance.propensity(propensity, x, t, cf, clip, groups, Seeds.derive(seed, "r-e"));
        double[] pseudo = new double[y.length];
        double[] w = new double[y.length];
        for (int i = 0; i < y.length; i++) {
            double r = t[i] - e[i];
            pseudo[i] = (y[i] - m[i]) / r;
            w[i] = r * r;
        }
        RegressionModel tau = finalStage.fit(x, pseudo, w, groups, Seeds.derive(seed, "r-final"));
        return new FinalStageModel(tau);
    }
}
