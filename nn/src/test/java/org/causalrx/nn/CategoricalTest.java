package org.causalrx.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;

import org.causalrx.causal.ArmClassProbabilities;
import org.causalrx.causal.ArmOutcomeModel;
import org.causalrx.causal.CategoricalCateModel;
import org.causalrx.learn.linear.LogisticRegression;
import org.causalrx.nn.NnSettings.OutcomeType;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Categorical outcomes (4 classes): per-class effects sum to 0 across classes, the overall effect is the
 * difference in expected class value, and the per-class effects track the simulated truth. Every estimator
 * (X-MultiTask through its stage-1 heads) gives class probabilities per arm whose expected class value is its mu.
 */
@Tag("slow")
class CategoricalTest {
    private static final NnSettings S = NnSettings.defaults().withSize(32, 2, 16, 1).withEpochs(80, 10).withMembers(1)
            .withOutcome(OutcomeType.CATEGORICAL);

    @Test
    void classEffectsSumToZeroAndTrackTruth() {
        int n = 1200;
        SplittableRandom r = new SplittableRandom(21);
        double[][] x = new double[n][4];
        for (double[] row : x) {
            for (int j = 0; j < row.length; j++) {
                row[j] = Sims.gauss(r);
            }
        }
        CategoricalSimulation.Data d = CategoricalSimulation.simulate(x, 4, 5);
        double[][] truth = d.classEffects();
        for (var est : List.of(new TarNet(S), new DragonNet(S, 1, 1),
                new XMultiTask(S, LogisticRegression.l2(), 0.05, true))) {
            CategoricalCateModel m = (CategoricalCateModel) est.fit(x, d.t(), d.y(), 2);
            assertEquals(4, m.classes());
            double[][] ce = m.classEffects(x);
            double[] overall = m.effect(x);
            double se = 0;
            double seZero = 0;
            for (int i = 0; i < n; i++) {
                double sum = 0;
                double expected = 0;
                for (int k = 0; k < 4; k++) {
                    sum += ce[i][k];
                    expected += k * ce[i][k];
                    se += (ce[i][k] - truth[i][k]) * (ce[i][k] - truth[i][k]);
                    seZero += truth[i][k] * truth[i][k];
                }
                assertEquals(0, sum, 1e-9, est.name() + ": class effects of row " + i + " must sum to 0");
                assertEquals(expected, overall[i], 1e-9, est.name() + ": overall = Σ k · class effect");
            }
            for (int arm = 0; arm <= 1; arm++) {
                double[][] p = assertInstanceOf(ArmClassProbabilities.class, m).classProbabilities(x, arm);
                double[] mu = assertInstanceOf(ArmOutcomeModel.class, m).mu(x, arm);
                for (int i = 0; i < n; i++) {
                    assertEquals(4, p[i].length);
                    assertEquals(1, p[i][0] + p[i][1] + p[i][2] + p[i][3], 1e-9, est.name() + ": a distribution");
                    assertEquals(mu[i], p[i][1] + 2 * p[i][2] + 3 * p[i][3], 1e-9, est.name() + ": mu = E[class]");
                }
            }
            double rmse = Math.sqrt(se / (4.0 * n));
            double rmsTruth = Math.sqrt(seZero / (4.0 * n));
            System.out.printf("%s per-class sqrt-PEHE %.4f (truth RMS %.4f)%n", est.name(), rmse, rmsTruth);
            assertTrue(rmse < 0.7 * rmsTruth, est.name() + ": per-class effects should beat predicting 0");
        }
    }
}
