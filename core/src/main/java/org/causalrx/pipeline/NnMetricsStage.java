package org.causalrx.pipeline;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.causalrx.causal.ArmClassProbabilities;
import org.causalrx.causal.ArmOutcomeModel;
import org.causalrx.causal.CategoricalCateModel;
import org.causalrx.causal.CateModel;
import org.causalrx.causal.diagnostics.ArmAuc;
import org.causalrx.causal.diagnostics.NnPehe;
import org.causalrx.util.Seeds;
import org.causalrx.util.Stats;

/**
 * Evaluation without counterfactual truth of every estimator of a run, on the test split: NN-PEHE with a
 * bootstrap interval, the implied ATE with its interval (taken from the CATE insights, not recomputed) and, for
 * binary outcomes and models that predict the outcome per arm ({@link ArmOutcomeModel}), the AUC per arm with
 * ROC curves. The
 * nearest-neighbour search is done once and shared by all estimators. Seeds derive from the stage seed by
 * estimator name, so adding an estimator does not change the others' intervals.
 */
final class NnMetricsStage {
    /** Bootstrap rounds behind the NN-PEHE and AUC intervals (the implied ATE's come from the insights). */
    static final int ROUNDS = 1000;
    /**
     * Test patients NN-PEHE is scored on at most: a larger test split is scored on a seeded sample of this many
     * (neighbours still searched among the whole split), which keeps the neighbour search at most
     * {@code MAX_SCORED × n} distances instead of n².
     */
    static final int MAX_SCORED = 10_000;

    private NnMetricsStage() {
    }

    record Output(NnMetrics metrics, List<ModelFigures.RocCurve> roc) {
    }

    /**
     * A categorical outcome on the test rows.
     *
     * @param labels class labels in code order (K of them)
     * @param codes  class code 0..K−1 of each test row
     */
    record Classes(List<String> labels, int[] codes) {
        Classes {
            labels = List.copyOf(labels);
        }

        /** For a categorical study outcome: labels (declared, else the codes 0..K−1 seen) and test codes; else null. */
        static Classes of(org.causalrx.study.Study.Outcome outcome, double[] y, int[] test) {
            if (outcome.type() != org.causalrx.study.Study.OutcomeType.CATEGORICAL) {
                return null;
            }
            int k = outcome.classes().size();
            for (double v : y) {
                k = Math.max(k, (int) v + 1);
            }
            List<String> labels = new ArrayList<>(outcome.classes());
            for (int c = labels.size(); c < k; c++) {
                labels.add(Integer.toString(c));
            }
            int[] codes = new int[test.length];
            for (int i = 0; i < test.length; i++) {
                codes[i] = (int) y[test[i]];
            }
            return new Classes(labels, codes);
        }
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
        return run(models, testCates, implied, xTest, tTest, yTest, binary, armLabels, seed, null);
    }

    /**
     * As above; for a categorical outcome ({@code classes} not null) also per-class NN-PEHE and mean effects for
     * {@link CategoricalCateModel}s and AUC per arm and class for {@link ArmClassProbabilities} models.
     */
    static Output run(Map<String, CateModel> models, Map<String, double[]> testCates,
                      List<RunResult.ImpliedAte> implied, double[][] xTest, int[] tTest, double[] yTest,
                      boolean binary, String[] armLabels, long seed, Classes classes) {
        return run(models, testCates, implied, xTest, tTest, yTest, binary, armLabels, seed, classes, MAX_SCORED);
    }

    /**
     * As above, scoring NN-PEHE on a seeded sample of {@code maxScored} test patients when the split is larger
     * (their pseudo-effects are those of the full split: neighbours are searched among all test patients; the
     * bootstrap interval resamples the sampled patients). At most {@code maxScored} test patients: all are scored,
     * exactly as without sampling.
     */
    static Output run(Map<String, CateModel> models, Map<String, double[]> testCates,
                      List<RunResult.ImpliedAte> implied, double[][] xTest, int[] tTest, double[] yTest,
                      boolean binary, String[] armLabels, long seed, Classes classes, int maxScored) {
        // a test split with one arm only has no neighbours to borrow from: NN-PEHE is then NaN, not an error
        boolean bothArms = Stats.indicesOf(tTest, 0).length > 0 && Stats.indicesOf(tTest, 1).length > 0;
        NnPehe.Matches matches = bothArms
                ? NnPehe.matches(xTest, tTest, maxScored, Seeds.derive(seed, "nn-pehe-sample")) : null;
        double[] pseudo = bothArms ? NnPehe.pseudoEffects(tTest, yTest, matches) : null;
        int[] yInt = binary ? toBinary(yTest) : null;
        List<NnMetrics.Estimator> rows = new ArrayList<>();
        List<ModelFigures.RocCurve> roc = new ArrayList<>();
        for (Map.Entry<String, double[]> e : testCates.entrySet()) {
            String name = e.getKey();
            NnPehe.Result pehe = bothArms
                    ? NnPehe.fromPseudo(pseudo, scored(e.getValue(), matches), Seeds.derive(seed, "nn-pehe-" + name),
                    ROUNDS)
                    : new NnPehe.Result(Double.NaN, Double.NaN, Double.NaN, xTest.length, 0);
            RunResult.ImpliedAte ate = implied.stream().filter(a -> a.estimator().equals(name)).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no implied ATE for estimator " + name));
            List<NnMetrics.ArmAuc> aucs = new ArrayList<>();
            if (binary && models.get(name) instanceof ArmOutcomeModel arms) {
                for (int arm = 0; arm <= 1; arm++) {
                    // the arm's patients are scored once, for the AUC with its interval and for the ROC curve
                    int[] rowsOfArm = Stats.indicesOf(tTest, arm);
                    int[] yArm = Stats.select(yInt, rowsOfArm);
                    double[] score = arms.mu(Stats.select(xTest, rowsOfArm), arm);
                    ArmAuc.Result a = ArmAuc.compute(yArm, score, Seeds.derive(seed, "auc-" + name + "-" + arm),
                            ROUNDS);
                    aucs.add(new NnMetrics.ArmAuc(armLabels[arm], a.n(), a.positives(), a.auc(), a.ciLow(),
                            a.ciHigh()));
                    ArmAuc.Roc curve = ArmAuc.roc(yArm, score);
                    if (curve.fpr().length > 0) {
                        roc.add(new ModelFigures.RocCurve(name, armLabels[arm], a.auc(), curve.fpr(), curve.tpr()));
                    }
                }
            }
            List<NnMetrics.ClassEffect> byClass = classes != null && bothArms
                    ? ClassMetrics.classEffects(models.get(name), classes, xTest, tTest, matches, seed, name)
                    : List.of();
            List<NnMetrics.ArmClassAuc> classAuc = classes != null
                    ? ClassMetrics.armClassAucs(models.get(name), classes, xTest, tTest, armLabels, seed, name)
                    : List.of();
            rows.add(new NnMetrics.Estimator(name, pehe.pehe(), pehe.ciLow(), pehe.ciHigh(), ate.estimate(),
                    ate.ciLow(), ate.ciHigh(), aucs, byClass, classAuc));
        }
        Integer sample = matches != null && matches.sampled() ? matches.rows().length : null;
        return new Output(new NnMetrics("test", xTest.length, ROUNDS, rows,
                classes == null ? List.of() : classes.labels(), sample), roc);
    }

    /** The values of the scored rows (all of them, unchanged, when none were sampled out). */
    private static double[] scored(double[] all, NnPehe.Matches m) {
        return m.sampled() ? Stats.select(all, m.rows()) : all;
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
