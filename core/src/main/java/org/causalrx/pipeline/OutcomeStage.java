package org.causalrx.pipeline;

import java.util.ArrayList;
import java.util.List;

import org.causalrx.causal.TLearner;
import org.causalrx.learn.Metrics;
import org.causalrx.util.IndexedTasks;
import org.causalrx.util.Seeds;
import org.causalrx.util.Stats;

/**
 * TRS step 6: T-learners fit on the training split; fit quality per arm on train and validation next to
 * the outcome's SD (paper Table 2), so that models no better than the mean can be rejected.
 */
final class OutcomeStage {
    /** A model is rejected when its validation MSE is at least this share of the outcome variance (§3.6). */
    static final double REJECT_SHARE = RunResult.OutcomeModelMetric.REJECT_SHARE;

    private OutcomeStage() {
    }

    record Output(List<TLearner.Fitted> models, List<RunResult.OutcomeModelMetric> metrics) {
    }

    static Output run(List<TLearner> learners, double[][] x, int[] t, double[] y, int[] train, int[] validation,
                      String[] armLabels, long seed) {
        double[][] xTrain = Stats.select(x, train);
        int[] tTrain = Stats.select(t, train);
        double[] yTrain = Stats.select(y, train);
        List<TLearner.Fitted> models = new ArrayList<>();
        List<RunResult.OutcomeModelMetric> metrics = new ArrayList<>();
        // independent fits with their own seeds, on several threads; the metrics follow in the learners' order
        List<TLearner.Fitted> fits = IndexedTasks.map(learners.size(), k -> learners.get(k).fit(xTrain, tTrain, yTrain,
                Seeds.derive(seed, "outcome-" + learners.get(k).name())));
        for (int k = 0; k < learners.size(); k++) {
            TLearner learner = learners.get(k);
            TLearner.Fitted fitted = fits.get(k);
            models.add(fitted);
            for (String split : List.of("train", "validation")) {
                int[] rows = split.equals("train") ? train : validation;
                for (int arm = 0; arm <= 1; arm++) {
                    final int a = arm;
                    int[] armRows = java.util.Arrays.stream(rows).filter(i -> t[i] == a).toArray();
                    if (armRows.length == 0) {
                        continue;
                    }
                    double[] yArm = Stats.select(y, armRows);
                    double[] pred = fitted.mu(Stats.select(x, armRows), arm);
                    double rmse = Metrics.rmse(yArm, pred);
                    double sd = Stats.sd(yArm);
                    boolean rejected = split.equals("validation") && rmse * rmse >= REJECT_SHARE * sd * sd;
                    metrics.add(new RunResult.OutcomeModelMetric(learner.name(), armLabels[arm], split, armRows.length,
                            rmse, Metrics.mae(yArm, pred), Metrics.r2(yArm, pred), sd, rejected));
                }
            }
        }
        return new Output(models, metrics);
    }
}
