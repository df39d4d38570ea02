package org.causalrx.pipeline;

import java.util.ArrayList;
import java.util.List;

import org.causalrx.causal.MultiArmOverlap;
import org.causalrx.causal.diagnostics.PropensityArmDiagnostics;
import org.causalrx.data.SplitIndices;
import org.causalrx.learn.MultiClassifier;
import org.causalrx.learn.MultiProbabilityModel;
import org.causalrx.study.Study;
import org.causalrx.util.Seeds;
import org.causalrx.util.Stats;

/**
 * Step 2 of a K-arm run: generalized propensity models P(T = a | x) fitted on train (multinomial L2 and L1
 * logistic, XGBoost softprob; for K = 2 the two-arm run's binary models, {@link ArmPropensityLearners}), the one
 * with the lowest validation multiclass Brier score selected, and the K-arm overlap set {every e_a(x) ≥ η} with η
 * from the study ({@code overlap.eta_low}) or the generalized Crump rule on the training propensities
 * ({@link MultiArmOverlap#chosen}).
 */
final class MultiArmPropensity {
    private static final double TINY = 1e-12;

    private MultiArmPropensity() {
    }

    /**
     * @param models    every model's validation metrics
     * @param selected  the selected model's name
     * @param e         the selected model's n × K propensities for every cohort row
     * @param overlap   the overlap rule
     * @param inOverlap per cohort row: inside the overlap set
     * @param model     the selected fitted model (for the model bundle)
     */
    record Output(List<MultiArmResult.PropensityModel> models, String selected, double[][] e,
                  MultiArmOverlap overlap, boolean[] inOverlap, MultiProbabilityModel model) {
        MultiArmResult.Propensity summary() {
            return new MultiArmResult.Propensity(selected, models);
        }

        MultiArmResult.Overlap overlapSummary(int[] tTest, boolean[] inTest, int k) {
            int outside = 0;
            List<Integer> perArm = new ArrayList<>();
            int[] byArm = new int[k];
            for (int i = 0; i < tTest.length; i++) {
                if (!inTest[i]) {
                    outside++;
                    byArm[tTest[i]]++;
                }
            }
            for (int v : byArm) {
                perArm.add(v);
            }
            return new MultiArmResult.Overlap(overlap.eta(), overlap.method(), outside, perArm);
        }
    }

    static List<MultiClassifier> learners(int k) {
        return ArmPropensityLearners.compared(k);
    }

    static Output run(Study study, double[][] x, int[] t, SplitIndices split, long seed) {
        int k = study.treatment().size();
        double[][] xTrain = Stats.select(x, split.train());
        int[] tTrain = Stats.select(t, split.train());
        double[][] xVal = Stats.select(x, split.validation());
        int[] tVal = Stats.select(t, split.validation());
        List<MultiArmResult.PropensityModel> metrics = new ArrayList<>();
        String best = null;
        double bestBrier = Double.POSITIVE_INFINITY;
        MultiProbabilityModel bestModel = null;
        for (MultiClassifier learner : learners(k)) {
            MultiProbabilityModel m = learner.fit(xTrain, tTrain, k, null,
                    Seeds.derive(seed, "propensity-" + learner.name()));
            double[][] pVal = m.predictProba(xVal);
            PropensityArmDiagnostics.Result d = PropensityArmDiagnostics.compute(tVal, pVal, 10);
            double logLoss = 0;
            for (int i = 0; i < tVal.length; i++) {
                logLoss -= Math.log(Math.max(pVal[i][tVal[i]], TINY)) / tVal.length;
            }
            metrics.add(new MultiArmResult.PropensityModel(learner.name(), logLoss, d.brier(),
                    d.arms().stream().map(PropensityArmDiagnostics.ArmDiagnostics::auroc).toList()));
            if (d.brier() < bestBrier) {
                bestBrier = d.brier();
                best = learner.name();
                bestModel = m;
            }
        }
        double[][] e = bestModel.predictProba(x);
        Study.Overlap o = study.overlap();
        MultiArmOverlap overlap = o != null && o.etaLow() != null ? MultiArmOverlap.given(o.etaLow())
                : MultiArmOverlap.chosen(Stats.select(e, split.train()));
        return new Output(metrics, best, e, overlap, overlap.apply(e, t).inOverlap(), bestModel);
    }
}
