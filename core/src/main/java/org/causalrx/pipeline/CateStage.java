package org.causalrx.pipeline;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.causalrx.causal.CateModel;
import org.causalrx.causal.Ensembles;
import org.causalrx.causal.TLearner;
import org.causalrx.causal.diagnostics.CateCalibration;
import org.causalrx.causal.diagnostics.Correlations;
import org.causalrx.result.PolicyKind;
import org.causalrx.util.IndexedTasks;
import org.causalrx.util.Seeds;
import org.causalrx.util.Stats;

/**
 * TRS steps 6–7 beyond the T-learners: fits the study's other CATE estimators on the training split, forms
 * the ensembles it asks for, and computes the CATE insights on the test split.
 */
final class CateStage {
    private CateStage() {
    }

    /** Checks the study's {@code estimators} list (names, params, plug-in) before any work is done. */
    static void validate(org.causalrx.study.Study study, org.causalrx.estimators.EstimatorRegistry registry) {
        EstimatorChecks.check(registry, study);
    }

    /** The single estimators of a list (no ensembles, no consensus), in order. */
    static List<String> singles(List<String> names) {
        return names.stream().filter(n -> !n.equals(PolicyKind.CONSENSUS_NAME) && !Estimators.isEnsemble(n)).toList();
    }

    /**
     * The first estimator (study order) whose fitted model carries cross-fitted nuisances that {@code usable}
     * accepts, or null: the donor another step may take them from instead of cross-fitting the same learners again
     * (the B-learner's and the ATE's, from 200,000 training rows).
     */
    static String nuisanceDonor(Map<String, CateModel> cateModels,
                                java.util.function.Predicate<org.causalrx.causal.CrossFittedNuisances> usable) {
        for (Map.Entry<String, CateModel> m : cateModels.entrySet()) {
            if (m.getValue() instanceof org.causalrx.causal.meta.FinalStageModel fs && fs.nuisances() != null
                    && usable.test(fs.nuisances())) {
                return m.getKey();
            }
        }
        return null;
    }

    /**
     * Fitted CATE models by name, in the study's order; T-learners come from {@code tModels}, the rest are fit
     * on the training rows; ensembles combine the fitted singles. "consensus" has no model (it is a policy).
     */
    static Map<String, CateModel> fit(RunEstimators estimators, List<String> names, List<TLearner.Fitted> tModels,
                                      double[][] xTrain, int[] tTrain, double[] yTrain, long seed) {
        return fit(estimators, names, tModels, xTrain, tTrain, yTrain, seed, null);
    }

    /**
     * As above; {@code kind} (null: the outcome as a number) configures estimators that model the outcome by its
     * kind; the estimators come from {@code estimators} with the study's settings.
     */
    static Map<String, CateModel> fit(RunEstimators estimators, List<String> names, List<TLearner.Fitted> tModels,
                                      double[][] xTrain,
                                      int[] tTrain, double[] yTrain, long seed,
                                      org.causalrx.causal.OutcomeAware.Kind kind) {
        // the estimators are created here, then fit on several threads (each with its own seed; same models in the
        // same order for any thread count)
        List<String> singles = singles(names);
        List<java.util.function.Supplier<CateModel>> fits = new ArrayList<>();
        for (String n : singles) {
            java.util.Optional<CateModel> done = tModels.stream().filter(f -> f.name().equals(n)).findFirst()
                    .map(f -> (CateModel) f);
            if (done.isPresent()) {
                fits.add(done::get);
            } else {
                org.causalrx.causal.CateEstimator e = estimators.estimator(n, kind);
                fits.add(() -> e.fit(xTrain, tTrain, yTrain, Seeds.derive(seed, "cate-" + n)));
            }
        }
        List<CateModel> models = IndexedTasks.map(fits.size(), i -> fits.get(i).get());
        Map<String, CateModel> fitted = new LinkedHashMap<>();
        for (int i = 0; i < singles.size(); i++) {
            fitted.put(singles.get(i), models.get(i));
        }
        List<CateModel> members = new ArrayList<>(fitted.values());
        Map<String, CateModel> out = new LinkedHashMap<>();
        for (String n : names) {
            if (Estimators.isEnsemble(n)) {
                out.put(n, Ensembles.combineFitted(members, n.equals("majority")));
            } else if (!n.equals(PolicyKind.CONSENSUS_NAME)) {
                out.put(n, fitted.get(n));
            }
        }
        return out;
    }

    /** Correlations, implied ATEs and calibration bins of the test-set CATEs. */
    static RunResult.CateInsights insights(Map<String, double[]> testCates, double[] psi, List<String> rejected,
                                           long seed) {
        List<String> names = new ArrayList<>(testCates.keySet());
        double[][] series = new double[names.size()][];
        for (int k = 0; k < names.size(); k++) {
            series[k] = testCates.get(names.get(k));
        }
        List<RunResult.ImpliedAte> implied = new ArrayList<>();
        Map<String, List<RunResult.CalibrationBin>> calibration = new LinkedHashMap<>();
        for (int k = 0; k < names.size(); k++) {
            double[] c = series[k];
            double[] boot = new double[1000];
            java.util.SplittableRandom rng = new java.util.SplittableRandom(
                    Seeds.derive(seed, "implied-" + names.get(k)));
            for (int b = 0; b < boot.length; b++) {
                double s = 0;
                for (int i = 0; i < c.length; i++) {
                    s += c[rng.nextInt(c.length)];
                }
                boot[b] = s / c.length;
            }
            implied.add(new RunResult.ImpliedAte(names.get(k), Stats.mean(c), Stats.quantile(boot, 0.025),
                    Stats.quantile(boot, 0.975)));
            List<RunResult.CalibrationBin> bins = new ArrayList<>();
            for (CateCalibration.Bin b : CateCalibration.bins(c, psi, 5)) {
                bins.add(new RunResult.CalibrationBin(b.meanPredicted(), b.aipw(), b.ciLow(), b.ciHigh(), b.n()));
            }
            calibration.put(names.get(k), bins);
        }
        return new RunResult.CateInsights(names, Correlations.matrix(series, false), Correlations.matrix(series, true),
                implied, calibration, rejected);
    }
}
