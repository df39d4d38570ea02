package org.causalrx.pipeline;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.causalrx.causal.CateEstimator;
import org.causalrx.causal.CateModel;
import org.causalrx.causal.Ensembles;
import org.causalrx.causal.IntervalCateModel;
import org.causalrx.causal.OutcomeAware;
import org.causalrx.causal.TLearner;
import org.causalrx.causal.meta.DRLearner;
import org.causalrx.causal.meta.FinalStageModel;
import org.causalrx.causal.policytree.PolicyTree;
import org.causalrx.causal.uncertainty.BootstrapCate;
import org.causalrx.causal.uncertainty.BootstrapCateModel;
import org.causalrx.causal.uncertainty.FinalStageBootstrap;
import org.causalrx.causal.uncertainty.PosteriorCateModel;
import org.causalrx.causal.uncertainty.Subsample;
import org.causalrx.learn.bart.BartModel;
import org.causalrx.util.Seeds;

/**
 * The statistical interval model (alpha_stat) of each sign-rule estimator, as the run's deferral uses it: t_bart from
 * its posterior draws, causal_forest from its variance, ensembles from their members' bootstrap refits combined refit
 * by refit, the DR-learner from bootstrap refits of its final stage on its fixed cross-fitted pseudo-outcomes, every
 * other estimator from B seeded full bootstrap refits (normal intervals). Every bootstrapped estimator uses the same
 * B resamples of the training rows (one resample seed per run), so an ensemble's refit b combines members fit on one
 * resample; each refit keeps a patient's copies together in its internal splits. policy_tree gives its leaf's mean
 * DR contrast ± z × its standard error. On training splits of at least twice the refit rows m (the study's
 * {@code deferral.refit_rows}, {@link Subsample#rowsFor}) the refits are fit on within-arm subsamples of m rows
 * without replacement and their spread and bias rescaled to the split's size ({@link Subsample}): half the refits
 * on m rows and half on m/4, the estimator's convergence rate estimated from how their spread shrinks between the two
 * sizes and used for the rescaling ({@link Subsample.Rate#ESTIMATED}; an ensemble's rate from its combined refits).
 */
public final class StatisticalIntervals {
    private StatisticalIntervals() {
    }

    /**
     * @param models  estimator name → its statistical interval model, in the order asked
     * @param methods estimator name → how its interval is computed, in words
     */
    public record Fitted(Map<String, IntervalCateModel> models, Map<String, String> methods) {
    }

    /**
     * @param estimators the run's estimators with the study's settings (those not in {@code tLearners})
     * @param names      the estimators to give intervals (no "consensus"), in order
     * @param singles    the study's single estimators (the ensembles' members)
     * @param cateModels the run's point models by name (every name in {@code names} and {@code singles})
     * @param tLearners  the run's T-learner configurations (their point models are in {@code cateModels})
     * @param refits     B bootstrap refits
     * @param refitRows  the study's refit rows setting (0: automatic), see {@link Subsample#rowsFor}
     * @param gTr        patient id per training row (the bootstrap draws whole patients), or null: rows
     * @param seed       the run's seed; the point models were fit with {@code Seeds.derive(seed, "cate-" + name)}
     */
    public static Fitted fit(RunEstimators estimators, List<String> names, List<String> singles,
                      Map<String, CateModel> cateModels,
                      List<TLearner> tLearners, OutcomeAware.Kind kind, int refits, int refitRows, double[][] xTr,
                      int[] tTr, double[] yTr, int[] gTr, long seed, boolean parallel) {
        return fit(estimators, names, singles, cateModels, tLearners, kind, refits, refitRows,
                Subsample.Rate.ESTIMATED, xTr, tTr, yTr, gTr, seed, parallel);
    }

    /**
     * As {@link #fit(RunEstimators, List, List, Map, List, OutcomeAware.Kind, int, int, double[][], int[], double[],
     * int[], long, boolean)} with the subsample refits' rate scheme {@code rate} (the run's: estimated; root-n for
     * comparison in {@code bench refits}).
     */
    public static Fitted fit(RunEstimators estimators, List<String> names, List<String> singles,
                      Map<String, CateModel> cateModels, List<TLearner> tLearners, OutcomeAware.Kind kind,
                      int refits, int refitRows, Subsample.Rate rate, double[][] xTr, int[] tTr, double[] yTr,
                      int[] gTr, long seed, boolean parallel) {
        int subRows = Subsample.rowsFor(refitRows, xTr.length);
        Map<String, IntervalCateModel> stat = new LinkedHashMap<>();
        Map<String, String> methods = new LinkedHashMap<>();
        Map<String, BootstrapCateModel> boots = new LinkedHashMap<>();
        long resampleSeed = Seeds.derive(seed, "refit-resamples");
        for (String n : names) {
            if (Estimators.isEnsemble(n)) {
                continue;
            }
            CateModel m = cateModels.get(n);
            if (m instanceof IntervalCateModel im) {
                stat.put(n, im);
                methods.put(n, m instanceof PolicyTree ? PolicyTree.INTERVAL_METHOD
                        : "forest variance (normal interval)");
            } else if (m instanceof TLearner.Fitted f && f.mu0() instanceof BartModel b0
                    && f.mu1() instanceof BartModel b1) {
                stat.put(n, new PosteriorCateModel(b0, b1));
                methods.put(n, "BART posterior draws of mu1 - mu0 (equal-tailed credible interval)");
            } else {
                BootstrapCateModel bm = bootstrap(estimators, n, m, tLearners, kind, refits, subRows, rate, xTr,
                        tTr, yTr, gTr, seed, resampleSeed, parallel);
                boots.put(n, bm);
                stat.put(n, bm);
                boolean finalStage = bm.refits().get(0) instanceof FinalStageBootstrap.Refit;
                methods.put(n, bm.subsample() != null ? bm.subsample().describe(refits, finalStage
                        ? " of the final stage on fixed cross-fitted pseudo-outcomes" : "") + " (normal interval)"
                        : refits + (finalStage
                        ? " bootstrap refits of the final stage on fixed cross-fitted pseudo-outcomes (normal interval)"
                        : " bootstrap refits (normal interval)"));
            }
        }
        for (String n : names) {
            if (!Estimators.isEnsemble(n)) {
                continue;
            }
            List<BootstrapCateModel> members = new ArrayList<>();
            for (String s : singles) {
                BootstrapCateModel bm = boots.get(s);
                if (bm == null) {
                    bm = bootstrap(estimators, s, cateModels.get(s), tLearners, kind, refits, subRows, rate, xTr,
                            tTr, yTr, gTr, seed, resampleSeed, parallel);
                    boots.put(s, bm);
                }
                members.add(bm);
            }
            List<CateModel> combined = new ArrayList<>();
            for (int b = 0; b < refits; b++) {
                final int k = b;
                combined.add(Ensembles.combineFitted(members.stream().map(x -> x.refits().get(k)).toList(),
                        n.equals("majority")));
            }
            Subsample sub = members.get(0).subsample();
            if (sub != null && sub.twoSizes()) {
                sub = sub.withEstimatedRate(combined, xTr);
            }
            stat.put(n, new BootstrapCateModel(cateModels.get(n), combined, sub));
            methods.put(n, sub != null ? "members' " + sub.describe(refits, " on shared subsamples")
                    + ", combined refit by refit (normal interval)"
                    : "members' " + refits + " bootstrap refits on shared resamples, combined refit by refit"
                    + " (normal interval)");
        }
        return new Fitted(stat, methods);
    }

    private static BootstrapCateModel bootstrap(RunEstimators estimators, String n, CateModel point,
                                                List<TLearner> tLearners, OutcomeAware.Kind kind, int refits,
                                                int m, Subsample.Rate rate, double[][] xTr, int[] tTr, double[] yTr,
                                                int[] gTr, long seed, long resampleSeed, boolean parallel) {
        CateEstimator est = tLearners.stream().filter(t -> t.name().equals(n)).findFirst()
                .map(t -> (CateEstimator) t).orElseGet(() -> estimators.estimator(n, kind));
        long fitSeed = Seeds.derive(seed, "refits-" + n);
        if (est instanceof DRLearner dr) {
            // the point model's own pseudo-outcomes (same seed as CateStage.fit), final stage refit only
            double[] pseudo = point instanceof FinalStageModel fs && fs.pseudoOutcomes() != null
                    && fs.pseudoOutcomes().length == yTr.length ? fs.pseudoOutcomes()
                    : dr.pseudoOutcomes(xTr, tTr, yTr, Seeds.derive(seed, "cate-" + n));
            return new FinalStageBootstrap(dr.finalStage(), refits, parallel, m, rate).wrap(point, xTr, tTr, pseudo,
                    gTr, resampleSeed, fitSeed);
        }
        return new BootstrapCate(est, refits, parallel, m, rate).wrap(point, xTr, tTr, yTr, gTr, resampleSeed,
                fitSeed);
    }
}
