package org.causalrx.pipeline;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

import org.causalrx.causal.diagnostics.PropensityArmDiagnostics;
import org.causalrx.learn.Classifier;
import org.causalrx.learn.Metrics;
import org.causalrx.learn.ProbabilityModel;
import org.causalrx.util.Seeds;
import org.causalrx.util.Stats;

/**
 * TRS steps 3–4: fits several propensity models on the training split, scores them on train and validation
 * (Brier, AUROC, accuracy, precision, recall, F1), draws calibration bins on validation, and selects the
 * model with the lowest validation Brier score.
 */
final class PropensityStage {
    private PropensityStage() {
    }

    /**
     * Stage output: metrics, calibration bins, the selected model's name and e(x) for every cohort row, and
     * every fitted model by name (for the linear models' coefficients).
     */
    record Output(List<RunResult.PropensityMetric> metrics, Map<String, List<RunFigures.CalibrationBin>> calibration,
                  String selected, double[] e, ProbabilityModel model, Map<String, ProbabilityModel> models) {
    }

    static Output run(List<Classifier> learners, double[][] x, int[] t, int[] train, int[] validation, long seed) {
        return run(learners, x, t, train, validation, seed, false);
    }

    /** As above; {@code parallel} fits the models on several threads (each with its own seed: same models). */
    static Output run(List<Classifier> learners, double[][] x, int[] t, int[] train, int[] validation, long seed,
                      boolean parallel) {
        double[][] xTrain = Stats.select(x, train);
        int[] tTrain = Stats.select(t, train);
        double[][] xVal = Stats.select(x, validation);
        int[] tVal = Stats.select(t, validation);
        List<RunResult.PropensityMetric> metrics = new ArrayList<>();
        Map<String, List<RunFigures.CalibrationBin>> calibration = new LinkedHashMap<>();
        String best = null;
        double bestBrier = Double.POSITIVE_INFINITY;
        double[] bestE = null;
        ProbabilityModel bestModel = null;
        Map<String, ProbabilityModel> all = new LinkedHashMap<>();
        ProbabilityModel[] fits = new ProbabilityModel[learners.size()];
        IntStream jobs = IntStream.range(0, fits.length);
        (parallel ? jobs.parallel() : jobs).forEach(k -> fits[k] = learners.get(k).fit(xTrain, tTrain, null,
                Seeds.derive(seed, "propensity-" + learners.get(k).name())));
        for (int k = 0; k < fits.length; k++) {
            Classifier learner = learners.get(k);
            ProbabilityModel m = fits[k];
            all.put(learner.name(), m);
            double[] pTrain = m.predictProba(xTrain);
            double[] pVal = m.predictProba(xVal);
            metrics.add(metric(learner.name(), "train", tTrain, pTrain));
            RunResult.PropensityMetric val = metric(learner.name(), "validation", tVal, pVal);
            metrics.add(val);
            calibration.put(learner.name(), calibrationBins(tVal, pVal, 10));
            if (val.brier() < bestBrier) {
                bestBrier = val.brier();
                best = learner.name();
                bestE = m.predictProba(x);
                bestModel = m;
            }
        }
        return new Output(metrics, calibration, best, bestE, bestModel, all);
    }

    static RunResult.PropensityMetric metric(String model, String split, int[] t, double[] p) {
        Metrics.Classification c = Metrics.classification(t, p);
        return new RunResult.PropensityMetric(model, split, Metrics.brier(t, p), Metrics.auroc(t, p),
                c.accuracy(), c.precision(), c.recall(), c.f1());
    }

    /** Equal-count bins of predicted probability: mean prediction vs observed treated share. */
    static List<RunFigures.CalibrationBin> calibrationBins(int[] t, double[] p, int bins) {
        return PropensityArmDiagnostics.calibration(t, p, bins).stream()
                .map(c -> new RunFigures.CalibrationBin(c.meanPredicted(), c.observedShare(), c.n())).toList();
    }
}
