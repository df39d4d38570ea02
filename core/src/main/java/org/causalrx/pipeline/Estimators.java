package org.causalrx.pipeline;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.function.Supplier;

import org.causalrx.causal.CateEstimator;
import org.causalrx.causal.CateModel;
import org.causalrx.causal.OutcomeAware;
import org.causalrx.causal.forest.CausalForest;
import org.causalrx.learn.bart.Bart;
import org.causalrx.causal.TLearner;
import org.causalrx.causal.meta.DRLearner;
import org.causalrx.causal.meta.RLearner;
import org.causalrx.causal.meta.SLearner;
import org.causalrx.causal.meta.XLearner;
import org.causalrx.learn.linear.Lasso;
import org.causalrx.learn.linear.LogisticRegression;
import org.causalrx.learn.linear.Ridge;
import org.causalrx.learn.xgb.XGBoostParams;
import org.causalrx.learn.xgb.XGBoostRegressor;
import org.causalrx.util.CausalRxException;

/**
 * The named CATE estimators usable from a study's estimator list and from {@code bench}. Ensembles
 * ("average", "majority") are formed from {@link #ENSEMBLE_MEMBERS}.
 */
public final class Estimators {
    /** Members of the average / majority ensembles (an odd number, so the majority vote is defined). */
    public static final List<String> ENSEMBLE_MEMBERS = List.of("t_xgboost", "s_xgboost", "x_xgboost", "r_xgboost",
            "dr_xgboost");

    /** Propensities inside meta-learners are clipped to [CLIP, 1 − CLIP]. */
    public static final double META_CLIP = 0.05;

    private Estimators() {
    }

    private static Map<String, Supplier<CateEstimator>> catalog() {
        XGBoostParams p = XGBoostParams.defaults();
        Map<String, Supplier<CateEstimator>> m = new LinkedHashMap<>();
        m.put("t_xgboost", () -> new TLearner("t_xgboost", new XGBoostRegressor(p)));
        m.put("t_ridge", () -> new TLearner("t_ridge", new Ridge()));
        m.put("t_lasso", () -> new TLearner("t_lasso", new Lasso()));
        m.put("s_xgboost", () -> new SLearner("s_xgboost", new XGBoostRegressor(p)));
        m.put("x_xgboost", () -> new XLearner("x_xgboost", new XGBoostRegressor(p), new XGBoostRegressor(p),
                LogisticRegression.l2(), META_CLIP));
        m.put("r_xgboost", () -> new RLearner("r_xgboost", new XGBoostRegressor(p), LogisticRegression.l2(),
                new XGBoostRegressor(p), 5, META_CLIP));
        m.put("dr_xgboost", () -> new DRLearner("dr_xgboost", new XGBoostRegressor(p), LogisticRegression.l2(),
                new XGBoostRegressor(p), 5, META_CLIP));
        m.put("t_bart", () -> new TLearner("t_bart", new Bart()));
        m.put("causal_forest", () -> new CateEstimator() {
            @Override
            public CateModel fit(double[][] x, int[] t, double[] y, long seed) {
                double[] w = new double[t.length];
                for (int i = 0; i < w.length; i++) {
                    w[i] = t[i];
                }
                return new CausalForest().fit(x, y, w, null, null, seed);
            }

            @Override
            public String name() {
                return "causal_forest";
            }
        });
        for (EstimatorProvider provider : ServiceLoader.load(EstimatorProvider.class)) {
            provider.estimators().forEach((name, supplier) -> {
                if (m.putIfAbsent(name, supplier) != null) {
                    throw new CausalRxException("estimator '" + name + "' is defined twice (by "
                            + provider.getClass().getName() + " and by an earlier provider)");
                }
            });
        }
        return m;
    }

    /** All single (non-ensemble) estimator names, in catalogue order. */
    public static List<String> names() {
        List<String> n = new ArrayList<>(catalog().keySet());
        n.add("average");
        n.add("majority");
        return n;
    }

    public static boolean isEnsemble(String name) {
        return name.equals("average") || name.equals("majority");
    }

    /**
     * A single estimator by name, configured for the outcome's kind when it is {@link OutcomeAware} (the neural
     * estimators); others model the outcome as a number.
     */
    public static CateEstimator byName(String name, OutcomeAware.Kind kind) {
        CateEstimator e = byName(name);
        return e instanceof OutcomeAware a ? a.forOutcome(kind) : e;
    }

    /** A single estimator by name; ensembles are built by the caller from member predictions. */
    public static CateEstimator byName(String name) {
        Supplier<CateEstimator> s = catalog().get(name);
        if (s == null) {
            throw new CausalRxException("unknown estimator '" + name + "'; available: " + String.join(", ", names()));
        }
        return s.get();
    }
}
