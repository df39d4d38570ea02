package org.causalrx.pipeline;

import java.util.ArrayList;
import java.util.List;

import org.causalrx.causal.ArmClassProbabilities;
import org.causalrx.causal.CateModel;
import org.causalrx.causal.CategoricalCateModel;
import org.causalrx.causal.diagnostics.ArmAuc;
import org.causalrx.causal.diagnostics.NnPehe;
import org.causalrx.util.Seeds;
import org.causalrx.util.Stats;

/**
 * The per-class part of {@link NnMetricsStage} for categorical outcomes: per-class NN-PEHE and mean class
 * effects of models with class effects, AUC per arm and class of models with class probabilities per arm.
 * Models without them get empty lists (their overall NN-PEHE, on the class code, is in the main row).
 */
final class ClassMetrics {
    private ClassMetrics() {
    }

    static List<NnMetrics.ClassEffect> classEffects(CateModel model, NnMetricsStage.Classes classes,
                                                    double[][] xTest, int[] tTest, NnPehe.Matches matches,
                                                    long seed, String name) {
        if (!(model instanceof CategoricalCateModel cat) || cat.classes() != classes.labels().size()) {
            return List.of();
        }
        int k = cat.classes();
        double[][] effects = cat.classEffects(xTest);
        NnPehe.ClassResult r = NnPehe.computeByClass(tTest, matches, classes.codes(), k, effects,
                Seeds.derive(seed, "nn-pehe-class-" + name), NnMetricsStage.ROUNDS);
        List<NnMetrics.ClassEffect> out = new ArrayList<>();
        for (int c = 0; c < k; c++) {
            double[] col = new double[effects.length];
            for (int i = 0; i < col.length; i++) {
                col[i] = effects[i][c];
            }
            NnPehe.Result p = r.perClass().get(c);
            out.add(new NnMetrics.ClassEffect(classes.labels().get(c), p.pehe(), p.ciLow(), p.ciHigh(),
                    Stats.mean(col)));
        }
        return out;
    }

    static List<NnMetrics.ArmClassAuc> armClassAucs(CateModel model, NnMetricsStage.Classes classes,
                                                    double[][] xTest, int[] tTest, String[] armLabels, long seed,
                                                    String name) {
        if (!(model instanceof ArmClassProbabilities probs) || probs.classes() != classes.labels().size()) {
            return List.of();
        }
        int k = probs.classes();
        List<NnMetrics.ArmClassAuc> out = new ArrayList<>();
        for (int arm = 0; arm <= 1; arm++) {
            int[] rows = Stats.indicesOf(tTest, arm);
            if (rows.length == 0) {
                continue;
            }
            int[] y = Stats.select(classes.codes(), rows);
            List<ArmAuc.Result> res = ArmAuc.perClass(y, probs.classProbabilities(Stats.select(xTest, rows), arm), k,
                    Seeds.derive(seed, "auc-class-" + name + "-" + arm), NnMetricsStage.ROUNDS);
            for (int c = 0; c < k; c++) {
                ArmAuc.Result a = res.get(c);
                out.add(new NnMetrics.ArmClassAuc(armLabels[arm], classes.labels().get(c), a.n(), a.positives(),
                        a.auc(), a.ciLow(), a.ciHigh()));
            }
        }
        return out;
    }
}
