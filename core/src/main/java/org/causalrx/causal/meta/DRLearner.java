package org.causalrx.causal.meta;

import org.causalrx.causal.CateEstimator;
import org.causalrx.causal.CateModel;
import org.causalrx.causal.CrossFit;
import org.causalrx.causal.CrossFittedNuisances;
import org.causalrx.causal.Nuisance;
import org.causalrx.learn.Classifier;
import org.causalrx.learn.RegressionModel;
import org.causalrx.learn.Regressor;
import org.causalrx.util.Seeds;

/**
 * DR-learner (Kennedy 2020): cross-fitted e, mu0, mu1; the doubly robust pseudo-outcome
 * mu1 − mu0 + t(y − mu1)/e − (1 − t)(y − mu0)/(1 − e) regressed on x. Propensities are clipped to
 * [clip, 1 − clip]: with small propensities the pseudo-outcomes explode, so the clip is a
 * stated part of the method, not a tuning knob. {@code folds} is a number of folds (≥ 2) or {@link CrossFit#AUTO}:
 * 5, or 2 from {@link CrossFit#LARGE_ROWS} rows (on 300,000 training rows × 50 the CATE's RMSE was the same with 2
 * as with 5 at half the CPU time: docs/BENCHMARKS.md).
 */
public record DRLearner(String name, Regressor outcome, Classifier propensity, Regressor finalStage, int folds,
                        double clip) implements CateEstimator {

    @Override
    public CateModel fit(double[][] x, int[] t, double[] y, long seed) {
        return fit(x, t, y, null, seed);
    }

    /** As above; cross-fitting folds and every learner's internal splits keep rows of one group together. */
    @Override
    public CateModel fit(double[][] x, int[] t, double[] y, int[] groups, long seed) {
        CrossFittedNuisances nu = nuisances(x, t, y, groups, seed);
        double[] pseudo = pseudoOutcomes(t, y, nu);
        RegressionModel tau = finalStage.fit(x, pseudo, null, groups, Seeds.derive(seed, "dr-final"));
        return new FinalStageModel(tau, pseudo, nu, finalStage);
    }

    /** Cross-fitted doubly robust pseudo-outcomes (their mean is the AIPW ATE). */
    public double[] pseudoOutcomes(double[][] x, int[] t, double[] y, long seed) {
        return pseudoOutcomes(x, t, y, null, seed);
    }

    /** As above with folds that keep rows of one group (copies of one patient) together; groups may be null. */
    public double[] pseudoOutcomes(double[][] x, int[] t, double[] y, int[] groups, long seed) {
        return pseudoOutcomes(t, y, nuisances(x, t, y, groups, seed));
    }

    /** The cross-fitted e (clipped), mu_0 and mu_1 behind the pseudo-outcomes, with their folds. */
    private CrossFittedNuisances nuisances(double[][] x, int[] t, double[] y, int[] groups, long seed) {
        CrossFit cf = CrossFit.stratified(t, CrossFit.folds(folds, y.length), groups,
                Seeds.derive(seed, "dr-folds"));
        Nuisance.PropensityFit e = Nuisance.propensityFit(propensity, x, t, cf, groups, Seeds.derive(seed, "dr-e"));
        Nuisance.ArmOutcomeFit mu = Nuisance.armOutcomeFit(outcome, x, t, y, cf, groups, Seeds.derive(seed, "dr-mu"));
        // the fold models are kept: the run's ATE may take these nuisances and predict its other patients with them
        return new CrossFittedNuisances(cf, Nuisance.clipped(e.e(), clip), mu.mu(), propensity, outcome, clip,
                CrossFittedNuisances.fingerprint(x, t, y), new CrossFittedNuisances.FoldModels(e.e(), e.models(),
                mu.models()));
    }

    private static double[] pseudoOutcomes(int[] t, double[] y, CrossFittedNuisances nu) {
        double[] e = nu.e();
        double[][] mu = nu.mu();
        double[] pseudo = new double[y.length];
        for (int i = 0; i < y.length; i++) {
            pseudo[i] = mu[1][i] - mu[0][i] + t[i] * (y[i] - mu[1][i]) / e[i]
                    - (1 - t[i]) * (y[i] - mu[0][i]) / (1 - e[i]);
        }
        return pseudo;
    }
}
