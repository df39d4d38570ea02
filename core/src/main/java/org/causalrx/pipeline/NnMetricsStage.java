package org.causalrx.pipeline;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.causalrx.causal.ArmOutcomeModel;
import org.causalrx.causal.CateModel;
import org.causalrx.causal.diagnostics.ArmAuc;
import org.causalrx.causal.diagnostics.NnPehe;
import org.causalrx.util.Seeds;
import org.causalrx.util.Stats;

/**
 * Issue 4's evaluation for every estimator of a run, on the test split: NN-PEHE with a bootstrap interval, the
 * implied ATE with its interval (taken from the CATE insights, not recomputed) and, for binary outcomes and
 * models that predict the outcome per arm ({@link ArmOutcomeModel}), the AUC per arm with ROC curves. The
 * nearest-neighbour search is done once and shared by all estimators. Seeds derive from the stage seed by
 * estimator name, so adding an estimator does not change the others' intervals.
 */
final class NnMetricsStage {
    /** Bootstrap rounds behind the NN-PEHE and AUC intervals (the implied ATE's come from the insights). */
    static final int ROUNDS = 1000;

    private NnMetricsStage() {
    }

    record Output(NnMetrics metrics, List<ModelFigures.RocCurve> roc) {
    }

    /**
     * @param models    fitted CATE models by estimator name (arm models are looked for here)
     * @param testCates predicted effects on the test rows by estimator name, in the study's order
     * @param implied   the CATE insights' implied ATEs (matched by estimator name)
     * @param yTest     outcome of the test rows (0/1 when {@code binary})
     */
    static Output run(Map<String, CateModel> models, Map<String, double[]> testCates,
                      List<RunResult.ImpliedAte> implied, double[][] xTest, int[] tTest, double[] yTest,
                      boolean binary, String[] armLabels, long seed) {
        // a test split with one arm only has no neighbours to borrow from: NN-PEHE is then NaN, not an error
        boolean bothArms = Stats.indicesOf(tTest, 0).length > 0 && Stats.indicesOf(tTest, 1).length > 0;
        double[] pseudo = bothArms ? NnPehe.pseudoEffects(tTest, yTest, NnPehe.neighbours(xTest, tTest)) : null;
        int[] yInt = binary ? toBinary(yTest) : null;
        List<NnMetrics.Estimator> rows = new ArrayList<>();
        List<ModelFigures.RocCurve> roc = new ArrayList<>();
        for (Map.Entry<String, double[]> e : testCates.entrySet()) {
            String name = e.getKey();
            NnPehe.Result pehe = bothArms
                    ? NnPehe.fromPseudo(pseudo, e.getValue(), Seeds.derive(seed, "nn-pehe-" + name), ROUNDS)
                    : new NnPehe.Result(Double.NaN, Double.NaN, Double.NaN, xTest.length, 0);
            RunResult.ImpliedAte ate = implied.stream().filter(a -> a.estimator().equals(name)).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no implied ATE for estimator " + name));
            List<NnMetrics.ArmAuc> aucs = new ArrayList<>();
            if (binary && models.get(name) instanceof ArmOutcomeModel arms) {
                for (int arm = 0; arm <= 1; arm++) {
                    ArmAuc.Result a = ArmAuc.perArm(arms, xTest, tTest, yInt, arm,
                            Seeds.derive(seed, "auc-" + name + "-" + arm), ROUNDS);
                    aucs.add(new NnMetrics.ArmAuc(armLabels[arm], a.n(), a.positives(), a.auc(), a.ciLow(), a.ciHigh()));
                    int[] rowsOfArm = Stats.indicesOf(tTest, arm);
                    ArmAuc.Roc curve = ArmAuc.roc(Stats.select(yInt, rowsOfArm),
                            arms.mu(Stats.select(xTest, rowsOfArm), arm));
                    if (curve.fpr().length > 0) {
                        roc.add(new ModelFigures.RocCurve(name, armLabels[arm], a.auc(), curve.fpr(), curve.tpr()));
                    }
                }
            }
            rows.add(new NnMetrics.Estimator(name, pehe.pehe(), pehe.ciLow(), pehe.ciHigh(), ate.estimate(),
                    ate.ciLow(), ate.ciHigh(), aucs));
        }
        return new Output(new NnMetrics("test", xTest.length, ROUNDS, rows), roc);
    }

    private static int[] toBinary(double[] y) {
        int[] out = new int[y.length];
        for (int i = 0; i < y.length; i++) {
            if (y[i] != 0 && y[i] != 1) {
                throw new IllegalStateException("binary outcome has value " + y[i] + " in test row " + i);
            }
            out[i] = (int) y[i];
        }
        return out;
    }
}
