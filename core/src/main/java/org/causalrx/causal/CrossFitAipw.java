package org.causalrx.causal;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

import org.causalrx.learn.Classifier;
import org.causalrx.learn.Folds;
import org.causalrx.learn.ProbabilityModel;
import org.causalrx.learn.Regressor;
import org.causalrx.learn.linear.LogisticModel;
import org.causalrx.learn.linear.LogisticRegression;
import org.causalrx.learn.xgb.FixedRounds;
import org.causalrx.util.IndexedTasks;
import org.causalrx.util.Seeds;
import org.causalrx.util.Stats;

/**
 * Average treatment effect by cross-fitted augmented IPW (doubly robust). The cohort is cut into k folds
 * (stratified by treatment); for each fold the propensity and the two arm outcome models are fit on the
 * other folds and evaluated on it, so every patient contributes an out-of-fold influence value
 * psi_i = mu1 − mu0 + t(y − mu1)/e − (1 − t)(y − mu0)/(1 − e). ATE = mean psi; SE = sd(psi)/sqrt(n) (cluster-robust
 * by patient when rows are grouped, see {@link AipwEstimands}). The same
 * out-of-fold nuisances give the ATT and ATC ({@link AipwEstimands}).
 *
 * @param propensity learner for e(x)
 * @param outcome    learner for mu0 and mu1 (a T-learner inside each fold)
 * @param folds      k ≥ 2
 * @param clip       propensities are clipped to [clip, 1 − clip]
 */
public record CrossFitAipw(Classifier propensity, Regressor outcome, int folds, double clip) {

    /** The estimate with its 95 % normal interval. */
    public record Estimate(double ate, double se, double ciLow, double ciHigh, int n, int folds) {
    }

    public Estimate estimate(double[][] x, int[] t, double[] y, long seed) {
        return estimate(x, t, y, null, seed);
    }

    /**
     * As above, with folds that keep each group's rows (a patient's stays) in one fold and a cluster-robust standard
     * error by group; null groups: exactly {@link #estimate(double[][], int[], double[], long)}.
     *
     * @param groups group id per row (any ints), or null
     */
    public Estimate estimate(double[][] x, int[] t, double[] y, int[] groups, long seed) {
        AipwEstimands.Estimate a = nuisances(x, t, y, seed, groups).estimate(Estimand.ATE, folds);
        return new Estimate(a.estimate(), a.se(), a.ciLow(), a.ciHigh(), a.n(), folds);
    }

    /**
     * Several estimands from one set of cross-fitted nuisances (the ATE among them equals {@link #estimate}).
     *
     * @param estimands what to estimate, in the order returned
     */
    public List<AipwEstimands.Estimate> estimates(double[][] x, int[] t, double[] y, long seed,
                                                  List<Estimand> estimands) {
        return estimates(x, t, y, seed, estimands, null);
    }

    /** As above, with folds that keep each group's rows (a patient's stays) in one fold; null groups: rows. */
    public List<AipwEstimands.Estimate> estimates(double[][] x, int[] t, double[] y, long seed,
                                                  List<Estimand> estimands, int[] groups) {
        AipwEstimands nuisances = nuisances(x, t, y, seed, groups);
        return estimands.stream().map(e -> nuisances.estimate(e, folds)).toList();
    }

    /** Out-of-fold propensities (clipped) and arm outcome predictions for every patient. */
    public AipwEstimands nuisances(double[][] x, int[] t, double[] y, long seed) {
        return nuisances(x, t, y, seed, null);
    }

    /**
     * As above, with folds that keep each group's rows in one fold ({@link Folds#assignGrouped}) and cluster-robust
     * standard errors by group ({@link AipwEstimands}); null: rows.
     */
    public AipwEstimands nuisances(double[][] x, int[] t, double[] y, long seed, int[] groups) {
        return fit(x, t, y, seed, groups, f -> propensity).nuisances();
    }

    /**
     * Out-of-fold nuisances and the fold models behind them.
     *
     * @param nuisances        as {@link #nuisances(double[][], int[], double[], long, int[])}
     * @param propensityModels fold f's propensity model at entry f
     * @param outcomeModels    fold f's two arm outcome models at entry f (empty when not kept)
     */
    public record Fit(AipwEstimands nuisances, List<ProbabilityModel> propensityModels,
                      List<TLearner.Fitted> outcomeModels) {
        public Fit {
            propensityModels = List.copyOf(propensityModels);
            outcomeModels = List.copyOf(outcomeModels);
        }

        /** Without outcome models. */
        public Fit(AipwEstimands nuisances, List<ProbabilityModel> propensityModels) {
            this(nuisances, propensityModels, List.of());
        }

        /** The ATE of these nuisances with its normal interval ({@code folds}: the cross-fitting folds behind them). */
        public Estimate ate(int folds) {
            AipwEstimands.Estimate a = nuisances.estimate(Estimand.ATE, folds);
            return new Estimate(a.estimate(), a.se(), a.ciLow(), a.ciHigh(), a.n(), folds);
        }
    }

    /** The outcome learner of fold f's arm a (0 or 1). */
    @FunctionalInterface
    public interface OutcomeOfFold {
        Regressor learner(int fold, int arm);
    }

    /**
     * The learners of re-fits that keep a reference fit's tuning, per cross-fitting fold: the propensity learner of
     * fold f ({@link #tunedPropensity}) and the outcome learner of fold f's arm a ({@link #tunedOutcome}).
     */
    public record Tuning(IntFunction<Classifier> propensity, OutcomeOfFold outcome) {
    }

    /** The tuning of re-fits of {@code reference}'s data: {@link #tunedPropensity} and {@link #tunedOutcome}. */
    public Tuning tuning(Fit reference) {
        return new Tuning(tunedPropensity(reference.propensityModels()), tunedOutcome(reference.outcomeModels()));
    }

    /** The record's own learners in every fold (each fit tunes itself). */
    public Tuning untuned() {
        return new Tuning(f -> propensity, (f, a) -> outcome);
    }

    /**
     * The outcome learner of fold f's arm a for re-fits of {@code main}'s data: an XGBoost learner with early stopping
     * boosts the rounds that fold's arm model of {@code main} chose, without early stopping
     * ({@link FixedRounds#like}); any other learner, or a fold beyond {@code mainFoldModels}, is the outcome learner
     * itself. Per fold and arm: the arms' response surfaces differ (so do their sizes), and in the random common
     * cause check (same treatment, rows and seed) fold f of a re-fit holds exactly fold f's rows of the reference.
     */
    public OutcomeOfFold tunedOutcome(List<TLearner.Fitted> mainFoldModels) {
        List<Regressor[]> tuned = new ArrayList<>();
        for (TLearner.Fitted m : mainFoldModels) {
            tuned.add(new Regressor[] {FixedRounds.like(outcome, m.mu0()), FixedRounds.like(outcome, m.mu1())});
        }
        return (f, a) -> f < tuned.size() ? tuned.get(f)[a] : outcome;
    }

    /**
     * As {@link #nuisances(double[][], int[], double[], long, int[])} with fold f's propensity fitted by
     * {@code propensityOfFold.apply(f)} (the record's propensity learner for every fold gives exactly those
     * nuisances), and the fold propensity models.
     */
    public Fit fit(double[][] x, int[] t, double[] y, long seed, int[] groups,
                   IntFunction<Classifier> propensityOfFold) {
        return fit(x, t, y, seed, groups, new Tuning(propensityOfFold, (f, a) -> outcome));
    }

    /**
     * As {@link #fit(double[][], int[], double[], long, int[], IntFunction)} with fold f's propensity and arm outcome
     * models fitted by {@code tuning}'s learners ({@link #untuned()}: exactly the plain fit), and the fold models.
     */
    public Fit fit(double[][] x, int[] t, double[] y, long seed, int[] groups, Tuning tuning) {
        int n = y.length;
        List<ProbabilityModel> models = new ArrayList<>();
        List<TLearner.Fitted> outcomes = new ArrayList<>();
        int[] fold = Folds.assignGrouped(n, folds, t, groups, Seeds.derive(seed, "aipw-folds"));
        double[] eAll = new double[n];
        double[] m0All = new double[n];
        double[] m1All = new double[n];
        TLearner tl = new TLearner("aipw-outcome", outcome);
        // fold f's propensity and outcome models are fit with their own seeds: the folds run on several threads and
        // are placed by fold, so the nuisances do not depend on the thread count
        List<FoldFit> fits = IndexedTasks.map(folds, f -> {
            int[] train = Folds.rows(fold, f, false);
            double[][] xTrain = Stats.select(x, train);
            int[] tTrain = Stats.select(t, train);
            double[][] xTest = Stats.select(x, Folds.rows(fold, f, true));
            ProbabilityModel pm = tuning.propensity().apply(f).fit(xTrain, tTrain, null, Seeds.derive(seed, 2L * f));
            double[] e = pm.predictProba(xTest);
            TLearner.Fitted mu = tl.fit(xTrain, tTrain, Stats.select(y, train), null, Seeds.derive(seed, 2L * f + 1),
                    arm -> tuning.outcome().learner(f, arm));
            return new FoldFit(pm, mu, e, mu.mu(xTest, 0), mu.mu(xTest, 1));
        });
        for (int f = 0; f < folds; f++) {
            int[] test = Folds.rows(fold, f, true);
            FoldFit ff = fits.get(f);
            models.add(ff.propensity());
            outcomes.add(ff.outcome());
            for (int j = 0; j < test.length; j++) {
                int i = test[j];
                eAll[i] = Math.min(Math.max(ff.e()[j], clip), 1 - clip);
                m0All[i] = ff.m0()[j];
                m1All[i] = ff.m1()[j];
            }
        }
        return new Fit(new AipwEstimands(t, y, eAll, m0All, m1All, groups), models, outcomes);
    }

    /** One fold's propensity model and its held-out propensities and arm outcome predictions. */
    private record FoldFit(ProbabilityModel propensity, TLearner.Fitted outcome, double[] e, double[] m0,
                           double[] m1) {
    }

    /**
     * The ATE as {@link #estimate(double[][], int[], double[], int[], long)} with fold f's propensity fitted by
     * {@code propensityOfFold.apply(f)}.
     */
    public Estimate estimate(double[][] x, int[] t, double[] y, int[] groups, long seed,
                             IntFunction<Classifier> propensityOfFold) {
        return fit(x, t, y, seed, groups, propensityOfFold).ate(folds);
    }

    /** The ATE as above with fold f's models fitted by {@code tuning}'s learners. */
    public Estimate estimate(double[][] x, int[] t, double[] y, int[] groups, long seed, Tuning tuning) {
        return fit(x, t, y, seed, groups, tuning).ate(folds);
    }

    /**
     * The propensity learner of fold f for re-fits of {@code main}'s data: when the propensity is a
     * cross-validated {@link LogisticRegression}, the same regression at fold f's λ chosen in {@code main}
     * ({@link LogisticRegression#atLambda}: no cross-validation); otherwise the propensity learner itself.
     */
    public IntFunction<Classifier> tunedPropensity(List<ProbabilityModel> mainFoldModels) {
        if (!(propensity instanceof LogisticRegression lr) || lr.settings().hasFixedLambda()) {
            return f -> propensity;
        }
        List<Classifier> tuned = new ArrayList<>();
        for (ProbabilityModel m : mainFoldModels) {
            tuned.add(m instanceof LogisticModel lm ? lr.atLambda(lm.lambda()) : propensity);
        }
        return f -> f < tuned.size() ? tuned.get(f) : propensity;
    }
}
