package org.causalrx.estimators;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.causalrx.causal.CateModel;
import org.causalrx.causal.OutcomeAware;
import org.causalrx.causal.TLearner;
import org.causalrx.learn.ClassifierRegressor;
import org.causalrx.learn.bart.BartSettings;
import org.causalrx.learn.forest.ForestSettings;
import org.causalrx.learn.linear.LinearSettings;
import org.causalrx.learn.xgb.XGBoostParams;
import org.junit.jupiter.api.Test;

/** The registry's entries: default settings, study params bound to settings, and params that change the fit. */
class EstimatorRegistryTest {
    private static final EstimatorRegistry REGISTRY = EstimatorRegistry.load();

    @Test
    void builtInNamesKindsAndDefaultsAreThoseOfTheLearners() {
        assertEquals(List.of("t_xgboost", "t_ridge", "t_lasso", "s_xgboost", "x_xgboost", "r_xgboost", "dr_xgboost",
                "t_bart", "causal_forest"), REGISTRY.names().subList(0, 9));
        assertTrue(REGISTRY.names().containsAll(EstimatorRegistry.ENSEMBLES));
        assertEquals(List.of("t_xgboost", "t_ridge", "t_lasso", "t_bart"), REGISTRY.namesOf(EstimatorKind.T_LEARNER));
        assertEquals(XGBoostParams.defaults(), REGISTRY.entry("x_xgboost").configure(Map.of()).settings());
        assertEquals(LinearSettings.defaults(), REGISTRY.entry("t_ridge").configure(Map.of()).settings());
        assertEquals(BartSettings.defaults(), REGISTRY.entry("t_bart").configure(Map.of()).settings());
        assertEquals(ForestSettings.defaults(), REGISTRY.entry("causal_forest").configure(Map.of()).settings());
        assertTrue(((TLearner) REGISTRY.create("t_ridge", OutcomeAware.Kind.BINARY)).learner()
                instanceof ClassifierRegressor, "binary outcome: L2-logistic per arm");
        assertThrows(org.causalrx.util.CausalRxException.class, () -> REGISTRY.entry("t_xgbost"));
    }

    @Test
    void paramsOverrideOnlyTheKeysGivenAndAreRecorded() {
        ConfiguredEstimator c = REGISTRY.entry("t_xgboost").configure(Map.of("max_depth", 1L, "eta", 0.1,
                "rounds", 300L));
        XGBoostParams p = (XGBoostParams) c.settings();
        assertEquals(1, p.maxDepth());
        assertEquals(0.1, p.eta());
        assertEquals(300, p.rounds());
        assertEquals(XGBoostParams.defaults().subsample(), p.subsample());
        assertEquals(1, c.params().get("max_depth"));
        assertEquals(XGBoostParams.defaults().minChildWeight(), c.params().get("min_child_weight"));
        ForestSettings f = (ForestSettings) REGISTRY.entry("causal_forest").configure(Map.of("num_trees", 4000L,
                "honesty", false, "mtry", 3L)).settings();
        assertEquals(4000, f.numTrees());
        assertFalse(f.honesty());
        assertEquals(3, f.mtry());
        assertNull(REGISTRY.entry("causal_forest").configure(Map.of()).params().get("mtry"), "automatic: null");
        assertTrue(REGISTRY.entry("causal_forest").configure(Map.of()).params().containsKey("mtry"));
        LinearSettings l = (LinearSettings) REGISTRY.entry("t_lasso").configure(Map.of("lambda", 0.5)).settings();
        assertEquals(0.5, l.fixedLambda());
    }

    @Test
    void badParamsNameTheirKey() {
        assertEquals("num_trees", key("causal_forest", Map.of("num_trees", 0L)));
        assertEquals("num_trees", key("causal_forest", Map.of("num_trees", 7L)), "odd with little bags of 2");
        assertEquals("sample_fraction", key("causal_forest", Map.of("sample_fraction", 0.0)));
        assertEquals("min_node_size", key("causal_forest", Map.of("min_node_size", 0L, "num_trees", 100L)));
        assertEquals("max_depth", key("t_xgboost", Map.of("max_depth", 0L)));
        assertEquals("eta", key("dr_xgboost", Map.of("eta", 1.5)));
        assertEquals("lambda", key("r_xgboost", Map.of("lambda", -1.0)));
        assertEquals("lambda", key("t_ridge", Map.of("lambda", -0.1)));
        assertEquals("folds", key("t_lasso", Map.of("folds", 1L)));
        assertEquals("trees", key("t_bart", Map.of("trees", 0L)));
        assertEquals("burn_in", key("t_bart", Map.of("burn_in", -1L)));
        assertEquals("max_depth", key("t_xgboost", Map.of("max_depth", "deep")), "wrong type");
        assertEquals("max_depth", key("t_xgboost", Map.of("max_depth", 2.5)), "not whole");
        assertEquals("honesty", key("causal_forest", Map.of("honesty", 1L)), "not a boolean");
        assertEquals("max_dept", key("t_xgboost", Map.of("max_dept", 2L)), "unknown");
        assertTrue(REGISTRY.entry("t_xgboost").acceptedKeys().containsAll(List.of("rounds", "max_depth", "eta",
                "subsample", "colsample", "min_child_weight", "lambda", "early_stopping")));
    }

    private static String key(String estimator, Map<String, Object> params) {
        return assertThrows(ParamException.class, () -> REGISTRY.entry(estimator).configure(params)).key();
    }

    @Test
    void depthOneBoostingFitsAnAdditiveModel() {
        Sim s = Sim.interaction(600, 3);
        TLearner shallow = (TLearner) REGISTRY.entry("t_xgboost").configure(Map.of("max_depth", 1L))
                .create(OutcomeAware.Kind.CONTINUOUS);
        TLearner deep = (TLearner) REGISTRY.create("t_xgboost", OutcomeAware.Kind.CONTINUOUS);
        double[][] corners = {{-1, -1, 0}, {1, -1, 0}, {-1, 1, 0}, {1, 1, 0}};
        double shallowInteraction = interaction(shallow.fit(s.x, s.t, s.y, 1).mu(corners, 1));
        double deepInteraction = interaction(deep.fit(s.x, s.t, s.y, 1).mu(corners, 1));
        // mu(1,1) - mu(1,-1) - mu(-1,1) + mu(-1,-1) is 0 for an additive fit; the truth is 4 (y = x0 x1 + ...)
        assertEquals(0.0, shallowInteraction, 1e-5);
        assertTrue(deepInteraction > 1.0, "depth 3 finds the interaction: " + deepInteraction);
    }

    private static double interaction(double[] mu) {
        return mu[3] - mu[1] - mu[2] + mu[0];
    }

    @Test
    void moreForestTreesGiveOtherEffectsWithLessVariance() {
        Sim s = Sim.interaction(500, 5);
        CateModel few = REGISTRY.entry("causal_forest").configure(Map.of("num_trees", 50L)).create(null)
                .fit(s.x, s.t, s.y, 11);
        CateModel many = REGISTRY.entry("causal_forest").configure(Map.of("num_trees", 500L)).create(null)
                .fit(s.x, s.t, s.y, 11);
        double[] a = few.effect(s.x);
        double[] b = many.effect(s.x);
        double diff = 0;
        for (int i = 0; i < a.length; i++) {
            diff = Math.max(diff, Math.abs(a[i] - b[i]));
        }
        assertTrue(diff > 1e-3, "50 and 500 trees give different effects: " + diff);
        assertFalse(java.util.Arrays.equals(a, REGISTRY.create("causal_forest").fit(s.x, s.t, s.y, 11).effect(s.x)),
                "50 trees differ from the default 2000");
    }

    /** y = x0·x1 + t·x2 + noise, x uniform on [-1, 1]^3, t a fair coin. */
    private record Sim(double[][] x, int[] t, double[] y) {
        static Sim interaction(int n, long seed) {
            SplittableRandom r = new SplittableRandom(seed);
            double[][] x = new double[n][3];
            int[] t = new int[n];
            double[] y = new double[n];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < 3; j++) {
                    x[i][j] = 2 * r.nextDouble() - 1;
                }
                t[i] = r.nextInt(2);
                y[i] = x[i][0] * x[i][1] + t[i] * x[i][2] + 0.1 * r.nextGaussian();
            }
            return new Sim(x, t, y);
        }
    }
}
