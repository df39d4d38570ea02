package org.causalrx.causal.meta;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

import org.causalrx.causal.CrossFitAipw;
import org.causalrx.learn.MultiClassifier;
import org.causalrx.learn.MultiProbabilityModel;
import org.causalrx.learn.RegressionModel;
import org.causalrx.learn.Regressor;
import org.causalrx.learn.linear.MultinomialModel;
import org.causalrx.learn.linear.MultinomialRegression;
import org.causalrx.learn.xgb.FixedRounds;
import org.causalrx.util.InfluenceSe;
import org.causalrx.util.Stats;

/**
 * Each arm's average effect against the reference by cross-fitted augmented IPW: the mean of the multi-arm
 * DR-learner's out-of-fold pseudo-outcomes Gamma_a − Gamma_0 ({@link MultiArmDRLearner#crossFit}, same folds,
 * seeds and clipping), with the SE of that mean ({@link InfluenceSe}: sd / sqrt(n) for independent rows,
 * cluster-robust when rows are grouped by patient) and a normal 95 % interval. With K = 2 the arm-1 estimate is the
 * two-arm cross-fitted AIPW ATE of the DR-learner's nuisances.
 *
 * @param propensity K-arm propensity learner
 * @param outcome    arm outcome regressor
 * @param folds      cross-fitting folds, ≥ 2
 * @param clip       propensity clip ({@code MultiArmNuisance.clip})
 */
public record MultiArmAipw(MultiClassifier propensity, Regressor outcome, int folds, double clip) {
    private static final double Z975 = 1.959963984540054;

    /**
     * A fit's contrasts and the fold models behind them.
     *
     * @param contrasts        arms 1..K−1 against arm 0 (entry a − 1 is arm a's; outcome units)
     * @param propensityModels fold f's propensity model at entry f
     * @param outcomeModels    fold f's arm outcome models at entry f (entry a of it: arm a's)
     */
    public record Fit(List<CrossFitAipw.Estimate> contrasts, List<MultiProbabilityModel> propensityModels,
                      List<List<RegressionModel>> outcomeModels) {
        public Fit {
            contrasts = List.copyOf(contrasts);
            propensityModels = List.copyOf(propensityModels);
            outcomeModels = outcomeModels.stream().map(List::copyOf).toList();
        }
    }

    /**
     * The learners of re-fits that keep a reference fit's tuning, per cross-fitting fold: the propensity learner of
     * fold f ({@link #tunedPropensity}) and the outcome learner of fold f's arm a ({@link #tunedOutcome}).
     */
    public record Tuning(IntFunction<MultiClassifier> propensity, CrossFitAipw.OutcomeOfFold outcome) {
    }

    /** The tuning of re-fits of {@code reference}'s data: {@link #tunedPropensity} and {@link #tunedOutcome}. */
    public Tuning tuning(Fit reference) {
        return new Tuning(tunedPropensity(reference), tunedOutcome(reference));
    }

    /** The record's own learners in every fold (each fit tunes itself). */
    public Tuning untuned() {
        return new Tuning(f -> propensity, (f, a) -> outcome);
    }

    /**
     * The contrasts of arms 1..K−1 against arm 0 (entry a − 1 is arm a's; outcome units), rows independent.
     *
     * @param t    arms 0..k−1, every arm present
     * @param seed seed of the folds and nuisance fits
     */
    public List<CrossFitAipw.Estimate> contrasts(double[][] x, int[] t, int k, double[] y, long seed) {
        return fit(x, t, k, y, null, untuned(), seed).contrasts();
    }

    /**
     * The contrasts and fold models, fold f's propensity fitted by {@code propensityOfFold.apply(f)} and every arm
     * outcome model by the record's outcome learner.
     *
     * @param groups patient id per row: folds keep a patient's rows together and the SEs are cluster-robust; null
     *               when every row is its own patient
     */
    public Fit fit(double[][] x, int[] t, int k, double[] y, int[] groups,
                   IntFunction<MultiClassifier> propensityOfFold, long seed) {
        return fit(x, t, k, y, groups, new Tuning(propensityOfFold, (f, a) -> outcome), seed);
    }

    /**
     * The contrasts and fold models, fold f's propensity and arm outcome models fitted by {@code tuning}'s learners
     * ({@link #untuned()}: exactly the plain fit).
     */
    public Fit fit(double[][] x, int[] t, int k, double[] y, int[] groups, Tuning tuning, long seed) {
        MultiArmDRLearner.CrossFitted cf = new MultiArmDRLearner("aipw", outcome, propensity, outcome, folds, clip)
                .crossFit(x, t, k, y, groups, tuning.propensity(), tuning.outcome(), seed);
        double[][] pseudo = cf.pseudo();
        List<CrossFitAipw.Estimate> out = new ArrayList<>();
        for (int a = 1; a < k; a++) {
            double mean = Stats.mean(pseudo[a]);
            double se = InfluenceSe.se(pseudo[a], groups);
            out.add(new CrossFitAipw.Estimate(mean, se, mean - Z975 * se, mean + Z975 * se, y.length, folds));
        }
        return new Fit(out, cf.propensityModels(), cf.outcomeModels());
    }

    /**
     * The propensity learner of fold f for re-fits of {@code main}'s data: when the propensity is a
     * cross-validated {@link MultinomialRegression}, the same regression at fold f's λ chosen in {@code main}
     * ({@link MultinomialRegression#atLambda}: no cross-validation); otherwise the propensity learner itself.
     */
    public IntFunction<MultiClassifier> tunedPropensity(Fit main) {
        if (!(propensity instanceof MultinomialRegression m) || m.settings().hasFixedLambda()) {
            return f -> propensity;
        }
        List<MultiClassifier> tuned = new ArrayList<>();
        for (MultiProbabilityModel fold : main.propensityModels()) {
            tuned.add(fold instanceof MultinomialModel mm ? m.atLambda(mm.lambda()) : propensity);
        }
        return f -> f < tuned.size() ? tuned.get(f) : propensity;
    }

    /**
     * The outcome learner of fold f's arm a for re-fits of {@code main}'s data: an XGBoost learner with early stopping
     * boosts the rounds that fold's arm model of {@code main} chose, without early stopping
     * ({@link FixedRounds#like}, as {@link CrossFitAipw#tunedOutcome} for two arms); any other learner, or a fold or
     * arm beyond {@code main}'s, is the outcome learner itself.
     */
    public CrossFitAipw.OutcomeOfFold tunedOutcome(Fit main) {
        List<List<Regressor>> tuned = main.outcomeModels().stream()
                .map(fold -> fold.stream().map(m -> FixedRounds.like(outcome, m)).toList()).toList();
        return (f, a) -> f < tuned.size() && a < tuned.get(f).size() ? tuned.get(f).get(a) : outcome;
    }

    /** The estimator in words. */
    public String describe() {
        return "cross-fitted AIPW per arm against the reference: propensity " + propensity.name() + ", outcome "
                + outcome.name() + ", " + folds + " folds";
    }
}
