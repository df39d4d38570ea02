package org.causalrx.causal.meta;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

import org.causalrx.causal.CrossFit;
import org.causalrx.causal.CrossFitAipw;
import org.causalrx.causal.MultiArmCateEstimator;
import org.causalrx.causal.MultiArmCateModel;
import org.causalrx.causal.MultiArmNuisance;
import org.causalrx.causal.MultiArmTLearner;
import org.causalrx.learn.MultiClassifier;
import org.causalrx.learn.MultiProbabilityModel;
import org.causalrx.learn.RegressionModel;
import org.causalrx.learn.Regressor;
import org.causalrx.util.Seeds;

/**
 * Multi-arm DR-learner (Kennedy 2020, per arm against the reference): cross-fitted K-arm propensities e_a and arm
 * outcomes mu_a; per arm a ≥ 1 the AIPW pseudo-outcome Gamma_a − Gamma_0 with
 * Gamma_a = mu_a + 1{t = a}(y − mu_a)/e_a, regressed on x (one final-stage model per arm). Propensities are clipped
 * by {@link MultiArmNuisance#clip}. With K = 2 it is {@link DRLearner} bit for bit when the propensity model is
 * {@code OneVsRest} over the binary learner's classifier (same folds, seeds and clipping).
 *
 * @param name       estimator name, e.g. "dr_xgboost"
 * @param outcome    arm outcome regressor
 * @param propensity K-arm propensity model
 * @param finalStage final-stage regressor
 * @param folds      cross-fitting folds
 * @param clip       propensity clip
 */
public record MultiArmDRLearner(String name, Regressor outcome, MultiClassifier propensity, Regressor finalStage,
                                int folds, double clip) implements MultiArmCateEstimator {

    @Override
    public MultiArmCateModel fit(double[][] x, int[] t, int k, double[] y, long seed) {
        double[][] pseudo = pseudoOutcomes(x, t, k, y, seed);
        long finalSeed = Seeds.derive(seed, "dr-final");
        List<RegressionModel> tau = new ArrayList<>();
        for (int a = 1; a < k; a++) {
            tau.add(finalStage.fit(x, pseudo[a], null, null, MultiArmNuisance.armSeed(finalSeed, a)));
        }
        return new Fitted(tau);
    }

    /**
     * Cross-fitted pseudo-outcomes, K × n: row a ≥ 1 is Gamma_a − Gamma_0 per patient (its mean is the AIPW
     * estimate of the arm's average effect against the reference); row 0 is 0.
     */
    public double[][] pseudoOutcomes(double[][] x, int[] t, int k, double[] y, long seed) {
        return crossFit(x, t, k, y, null, f -> propensity, seed).pseudo();
    }

    /**
     * The cross-fitted pseudo-outcomes of {@link #pseudoOutcomes} with fold f's propensity fitted by
     * {@code propensityOfFold.apply(f)} (this learner's own propensity: the same values), and the fold
     * propensity models.
     *
     * @param groups patient id per row: the folds keep a patient's rows together; null: rows are patients (the
     *               folds of {@link #pseudoOutcomes})
     */
    public CrossFitted crossFit(double[][] x, int[] t, int k, double[] y, int[] groups,
                                IntFunction<MultiClassifier> propensityOfFold, long seed) {
        return crossFit(x, t, k, y, groups, propensityOfFold, (f, a) -> outcome, seed);
    }

    /**
     * As above with the outcome model of fold f's arm a fitted by {@code outcomeOf.learner(f, a)} (this learner's
     * own outcome learner in every fold and arm: the same values), and the fold outcome models.
     */
    public CrossFitted crossFit(double[][] x, int[] t, int k, double[] y, int[] groups,
                                IntFunction<MultiClassifier> propensityOfFold, CrossFitAipw.OutcomeOfFold outcomeOf,
                                long seed) {
        MultiArmTLearner.armRows(t, k);
        CrossFit cf = CrossFit.stratified(t, folds, groups, Seeds.derive(seed, "dr-folds"));
        MultiArmNuisance.Propensities fits = MultiArmNuisance.propensityFits(propensityOfFold, x, t, k, cf, clip,
                Seeds.derive(seed, "dr-e"));
        double[][] e = fits.e();
        MultiArmNuisance.ArmOutcomes outcomes = MultiArmNuisance.armOutcomeFits(outcomeOf, x, t, k, y, cf,
                Seeds.derive(seed, "dr-mu"));
        double[][] mu = outcomes.mu();
        double[][] pseudo = new double[k][y.length];
        for (int a = 1; a < k; a++) {
            for (int i = 0; i < y.length; i++) {
                int ta = t[i] == a ? 1 : 0;
                int t0 = t[i] == 0 ? 1 : 0;
                pseudo[a][i] = mu[a][i] - mu[0][i] + ta * (y[i] - mu[a][i]) / e[i][a]
                        - t0 * (y[i] - mu[0][i]) / e[i][0];
            }
        }
        return new CrossFitted(pseudo, fits.models(), outcomes.models());
    }

    /**
     * @param pseudo           K × n pseudo-outcomes (row 0 is 0)
     * @param propensityModels fold f's propensity model at entry f
     * @param outcomeModels    fold f's arm outcome models at entry f (entry a of it: arm a's)
     */
    public record CrossFitted(double[][] pseudo, List<MultiProbabilityModel> propensityModels,
                              List<List<RegressionModel>> outcomeModels) {
        public CrossFitted {
            propensityModels = List.copyOf(propensityModels);
            outcomeModels = outcomeModels.stream().map(List::copyOf).toList();
        }
    }

    /**
     * The fitted final stages: column a of the effects is tau_a(x).
     *
     * @param tau the final-stage regressions of arms 1..K−1 (entry a − 1 is arm a's)
     */
    public record Fitted(List<RegressionModel> tau) implements MultiArmCateModel {
        public Fitted {
            tau = List.copyOf(tau);
        }

        @Override
        public int arms() {
            return tau.size() + 1;
        }

        /** n × K effects; column 0 is 0. */
        @Override
        public double[][] effects(double[][] x) {
            double[][] out = new double[x.length][arms()];
            for (int a = 1; a < arms(); a++) {
                double[] p = tau.get(a - 1).predict(x);
                for (int i = 0; i < x.length; i++) {
                    out[i][a] = p[i];
                }
            }
            return out;
        }
    }
}
