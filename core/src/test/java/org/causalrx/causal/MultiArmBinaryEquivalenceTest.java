package org.causalrx.causal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.causalrx.estimators.ConfiguredEstimator;
import org.causalrx.estimators.EstimatorRegistry;
import org.causalrx.estimators.MultiArmEstimators;
import org.causalrx.util.CausalRxException;
import org.junit.jupiter.api.Test;

/**
 * With K = 2 every multi-arm learner is its binary counterpart: column 1 of the effects equals the binary effect
 * bit for bit on the same data and seed (same models, folds, seeds and clipping), column 0 is 0.
 */
class MultiArmBinaryEquivalenceTest {
    private static final EstimatorRegistry REGISTRY = EstimatorRegistry.load();
    /** Small boosting settings keep the test fast: 60 rounds, no early stopping. */
    private static final Map<String, Object> SMALL_XGB = Map.of("rounds", 60L, "early_stopping", 0L, "eta", 0.15);

    /** Binary data: confounded assignment through x0, effect 1 + x1. */
    private record Data(double[][] x, int[] t, double[] y) {
        static Data draw(int n, long seed) {
            Random r = new Random(seed);
            double[][] x = new double[n][4];
            int[] t = new int[n];
            double[] y = new double[n];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < 4; j++) {
                    x[i][j] = r.nextGaussian();
                }
                t[i] = r.nextDouble() < 1 / (1 + Math.exp(-(0.9 * x[i][0] - 0.4 * x[i][2]))) ? 1 : 0;
                y[i] = x[i][0] + Math.sin(x[i][2]) + t[i] * (1 + x[i][1]) + 0.5 * r.nextGaussian();
            }
            return new Data(x, t, y);
        }
    }

    @Test
    void everyMultiArmVariantReproducesItsBinaryEstimatorWithTwoArms() {
        Data d = Data.draw(600, 21);
        Data test = Data.draw(200, 22);
        for (String name : List.of("t_xgboost", "t_ridge", "t_lasso", "s_xgboost", "x_xgboost", "dr_xgboost")) {
            ConfiguredEstimator c = REGISTRY.entry(name).configure(name.endsWith("xgboost") ? SMALL_XGB : Map.of());
            double[] binary = c.create(null).fit(d.x(), d.t(), d.y(), 17).effect(test.x());
            double[][] multi = MultiArmEstimators.of(c, null).fit(d.x(), d.t(), 2, d.y(), 17).effects(test.x());
            assertEquals(2, multi[0].length, name);
            assertArrayEquals(new double[test.x().length], ThreeArmSim.column(multi, 0), name + ": reference column");
            assertArrayEquals(binary, ThreeArmSim.column(multi, 1), name + ": column 1 is the binary effect");
        }
    }

    @Test
    void binaryOutcomeTLearnerUsesTheClassifierAsTheBinaryEntryDoes() {
        Data d = Data.draw(400, 5);
        double[] yb = new double[d.y().length];
        for (int i = 0; i < yb.length; i++) {
            yb[i] = d.y()[i] > 0.5 ? 1 : 0;
        }
        ConfiguredEstimator c = REGISTRY.entry("t_ridge").configure(Map.of());
        double[] binary = c.create(OutcomeAware.Kind.BINARY).fit(d.x(), d.t(), yb, 3).effect(d.x());
        MultiArmTLearner.Fitted m = (MultiArmTLearner.Fitted) MultiArmEstimators.of(c, OutcomeAware.Kind.BINARY)
                .fit(d.x(), d.t(), 2, yb, 3);
        assertArrayEquals(binary, ThreeArmSim.column(m.effects(d.x()), 1));
        double[][] po = m.potentialOutcomes(d.x());
        for (double[] row : po) {
            assertTrue(row[0] >= 0 && row[0] <= 1 && row[1] >= 0 && row[1] <= 1, "probabilities per arm");
        }
    }

    @Test
    void averageAndMajorityEnsemblesReproduceTheBinaryOnes() {
        Data d = Data.draw(500, 8);
        List<String> members = List.of("t_ridge", "s_xgboost", "t_xgboost");
        List<CateEstimator> binary = members.stream().map(n -> REGISTRY.entry(n)
                .configure(n.endsWith("xgboost") ? SMALL_XGB : Map.of()).create(null)).toList();
        List<MultiArmCateEstimator> multi = members.stream().map(n -> MultiArmEstimators.of(REGISTRY.entry(n)
                .configure(n.endsWith("xgboost") ? SMALL_XGB : Map.of()), null)).toList();
        double[] b = Ensembles.average("average", binary).fit(d.x(), d.t(), d.y(), 4).effect(d.x());
        double[][] m = MultiArmEnsembles.average("average", multi).fit(d.x(), d.t(), 2, d.y(), 4).effects(d.x());
        assertArrayEquals(b, ThreeArmSim.column(m, 1));
        double[] bm = Ensembles.majority("majority", binary).fit(d.x(), d.t(), d.y(), 4).effect(d.x());
        double[][] mm = MultiArmEnsembles.majority("majority", multi).fit(d.x(), d.t(), 2, d.y(), 4).effects(d.x());
        assertArrayEquals(bm, ThreeArmSim.column(mm, 1));
        assertFalse(Arrays.equals(b, bm), "the median is not the mean");
    }

    @Test
    void factoryNamesAndErrors() {
        assertEquals(List.of("t_xgboost", "t_ridge", "t_lasso", "s_xgboost", "x_xgboost", "dr_xgboost", "t_bart",
                        "causal_forest", "policy_tree"),
                MultiArmEstimators.names());
        for (String n : MultiArmEstimators.names()) {
            assertEquals(n, MultiArmEstimators.of(n, null).name());
            assertTrue(REGISTRY.contains(n), n + " is a binary entry too");
        }
        assertThrows(CausalRxException.class, () -> MultiArmEstimators.of("r_xgboost", null));
        assertThrows(CausalRxException.class, () -> MultiArmEstimators.of("x_xgboost",
                org.causalrx.learn.linear.LinearSettings.defaults(), null));
        Data d = Data.draw(100, 1);
        assertThrows(IllegalArgumentException.class, () -> MultiArmEstimators.of("t_ridge", null)
                .fit(d.x(), d.t(), 3, d.y(), 1), "arm 2 has no rows");
    }
}
