package org.causalrx.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.causalrx.causal.ArmOutcomeModel;
import org.causalrx.causal.CateModel;
import org.causalrx.causal.diagnostics.NnPehe;
import org.junit.jupiter.api.Test;

/** Every estimator gets NN-PEHE and the insights' implied ATE; only arm-outcome models get AUC and ROC. */
class NnMetricsStageTest {
    /** Knows the true outcome probabilities per arm. */
    record Oracle() implements CateModel, ArmOutcomeModel {
        @Override
        public double[] mu(double[][] x, int arm) {
            double[] p = new double[x.length];
            for (int i = 0; i < x.length; i++) {
                p[i] = 1 / (1 + Math.exp(-(2 * x[i][0] + (arm == 1 ? 1 : -1))));
            }
            return p;
        }

        @Override
        public double[] effect(double[][] x) {
            double[] a = mu(x, 1);
            double[] b = mu(x, 0);
            for (int i = 0; i < a.length; i++) {
                a[i] -= b[i];
            }
            return a;
        }
    }

    @Test
    void metricsForEveryEstimatorAucOnlyForArmModels() {
        Random rng = new Random(8);
        int n = 400;
        double[][] x = new double[n][2];
        int[] t = new int[n];
        double[] y = new double[n];
        Oracle oracle = new Oracle();
        for (int i = 0; i < n; i++) {
            x[i][0] = rng.nextGaussian();
            x[i][1] = rng.nextGaussian();
            t[i] = rng.nextDouble() < 0.4 ? 1 : 0;
        }
        double[] p1 = oracle.mu(x, 1);
        double[] p0 = oracle.mu(x, 0);
        for (int i = 0; i < n; i++) {
            y[i] = rng.nextDouble() < (t[i] == 1 ? p1[i] : p0[i]) ? 1 : 0;
        }
        CateModel zero = xs -> new double[xs.length];
        Map<String, CateModel> models = new LinkedHashMap<>();
        models.put("oracle", oracle);
        models.put("zero", zero);
        Map<String, double[]> cates = new LinkedHashMap<>();
        models.forEach((k, m) -> cates.put(k, m.effect(x)));
        List<RunResult.ImpliedAte> implied = List.of(new RunResult.ImpliedAte("oracle", 0.3, 0.2, 0.4),
                new RunResult.ImpliedAte("zero", 0, 0, 0));
        String[] arms = {"control", "treated"};
        NnMetricsStage.Output out = NnMetricsStage.run(models, cates, implied, x, t, y, true, arms, 5L);
        NnMetrics m = out.metrics();
        assertEquals(null, m.nnPeheSample(), "a test split of at most MAX_SCORED patients is scored in full");
        assertEquals(n, m.nnPeheScored());
        assertEquals(List.of("oracle", "zero"), m.estimators().stream().map(NnMetrics.Estimator::estimator).toList());
        NnMetrics.Estimator o = m.estimators().get(0);
        assertEquals(0.3, o.impliedAte());
        assertEquals(NnPehe.compute(x, t, y, cates.get("oracle"), 0L, 0).pehe(), o.nnPehe(), 1e-12);
        assertEquals(2, o.aucByArm().size());
        for (NnMetrics.ArmAuc a : o.aucByArm()) {
            assertTrue(a.auc() > 0.7 && a.ciLow() <= a.auc() && a.auc() <= a.ciHigh(), a.toString());
        }
        assertEquals(n, o.aucByArm().get(0).n() + o.aucByArm().get(1).n());
        assertTrue(m.estimators().get(1).aucByArm().isEmpty());
        assertEquals(2, out.roc().size());
        // continuous outcome: no AUC at all; same seed, same result
        NnMetricsStage.Output cont = NnMetricsStage.run(models, cates, implied, x, t, y, false, arms, 5L);
        assertTrue(cont.roc().isEmpty() && cont.metrics().estimators().get(0).aucByArm().isEmpty());
        assertEquals(m, NnMetricsStage.run(models, cates, implied, x, t, y, true, arms, 5L).metrics());
        // one arm only in the test split: NaN, not a failed run
        int[] allTreated = new int[n];
        java.util.Arrays.fill(allTreated, 1);
        assertTrue(Double.isNaN(NnMetricsStage.run(models, cates, implied, x, allTreated, y, false, arms, 5L)
                .metrics().estimators().get(0).nnPehe()));
    }
}
