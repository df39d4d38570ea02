package org.causalrx.estimators;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;

import org.causalrx.causal.DirectionAware;
import org.causalrx.causal.MultiArmCateEstimator;
import org.causalrx.causal.MultiArmTLearner;
import org.causalrx.causal.OutcomeAware;
import org.causalrx.causal.forest.MultiArmCausalForest;
import org.causalrx.causal.meta.MultiArmDRLearner;
import org.causalrx.causal.meta.MultiArmSLearner;
import org.causalrx.causal.meta.MultiArmXLearner;
import org.causalrx.causal.policytree.MultiArmPolicyTreeEstimator;
import org.causalrx.causal.policytree.PolicyTreeSettings;
import org.causalrx.learn.ClassifierRegressor;
import org.causalrx.learn.MultiClassifier;
import org.causalrx.learn.OneVsRest;
import org.causalrx.learn.Regressor;
import org.causalrx.learn.bart.Bart;
import org.causalrx.learn.bart.BartSettings;
import org.causalrx.learn.forest.ForestSettings;
import org.causalrx.learn.linear.Lasso;
import org.causalrx.learn.linear.LinearSettings;
import org.causalrx.learn.linear.LogisticRegression;
import org.causalrx.learn.linear.Ridge;
import org.causalrx.learn.xgb.XGBoostClassifier;
import org.causalrx.learn.xgb.XGBoostParams;
import org.causalrx.learn.xgb.XGBoostRegressor;
import org.causalrx.util.CausalRxException;

/**
 * The K-arm variants of the built-in meta-learners, under the names of {@link BuiltinEstimators} and built from the
 * same settings records, learners, clip and folds: t_xgboost, t_ridge, t_lasso, t_bart, s_xgboost, x_xgboost,
 * dr_xgboost, causal_forest (the multi-arm generalized random forest) and policy_tree (the K-action policy tree on
 * the multi-arm DR-learner's scores, dr_xgboost's default learners; its leaves' actions follow the study's direction,
 * {@link #of(String, OutcomeAware.Kind, int)}). The X- and DR-learners' propensity
 * model is {@link OneVsRest} over the binary entries' L2 logistic regression, so with K = 2 every variant gives the
 * binary estimator's effect as its column 1. Names without a built-in variant are looked up in the
 * {@link EstimatorProvider}s on the class path ({@link EstimatorProvider#multiArm}, e.g. the neural estimators of
 * the nn module), listed after the built-in names.
 */
public final class MultiArmEstimators {
    private static final Map<String, Variant<?>> VARIANTS = variants();

    private MultiArmEstimators() {
    }

    /** Names that have a K-arm variant: the built-in ones in catalogue order, then those of the providers. */
    public static List<String> names() {
        List<String> out = new ArrayList<>(VARIANTS.keySet());
        for (EstimatorProvider p : ServiceLoader.load(EstimatorProvider.class)) {
            for (EstimatorEntry<?> e : p.entries()) {
                if (!out.contains(e.name()) && p.multiArm(e.name(), e.defaults(), null).isPresent()) {
                    out.add(e.name());
                }
            }
        }
        return List.copyOf(out);
    }

    /** Whether {@code name} has a K-arm variant, built in or from a provider on the class path. */
    public static boolean supports(String name) {
        return VARIANTS.containsKey(name) || fromProvider(name, null, false, null).isPresent();
    }

    /** The K-arm variant of a configured entry (the study's settings) for outcomes of {@code outcome}. */
    public static MultiArmCateEstimator of(ConfiguredEstimator configured, OutcomeAware.Kind outcome) {
        return of(configured.name(), configured.settings(), outcome);
    }

    /** The K-arm variant of {@code name} at its entry's default settings (built in, else the provider's). */
    public static MultiArmCateEstimator of(String name, OutcomeAware.Kind outcome) {
        if (VARIANTS.containsKey(name)) {
            for (EstimatorEntry<?> e : BuiltinEstimators.entries()) {
                if (e.name().equals(name)) {
                    return of(name, e.defaults(), outcome);
                }
            }
        }
        return fromProvider(name, null, false, outcome).orElseThrow(() -> unsupported(name));
    }

    /**
     * The K-arm variant of {@code name} at its default settings, told the study's outcome direction when its fit
     * depends on it ({@link DirectionAware}).
     *
     * @param betterSign +1 when higher outcomes are better, −1 when lower are
     */
    public static MultiArmCateEstimator of(String name, OutcomeAware.Kind outcome, int betterSign) {
        MultiArmCateEstimator e = of(name, outcome);
        return e instanceof DirectionAware d ? d.forDirection(betterSign) : e;
    }

    /**
     * As {@link #of(String, OutcomeAware.Kind, int)}, also told the decision rule's default arm and margin when its
     * fit depends on them (the K-action policy tree).
     *
     * @param defaultArm the rule's default arm, 0..K−1
     * @param margin     the rule's margin δ ≥ 0 (outcome units)
     */
    public static MultiArmCateEstimator of(String name, OutcomeAware.Kind outcome, int betterSign, int defaultArm,
                                           double margin) {
        MultiArmCateEstimator e = of(name, outcome);
        return e instanceof DirectionAware d ? d.forRule(betterSign, defaultArm, margin) : e;
    }

    /**
     * The K-arm variant of {@code name} built from {@code settings}, the settings record of the binary entry (e.g.
     * {@link XGBoostParams} for "x_xgboost").
     *
     * @param outcome outcome kind (null: the outcome as a number); T-learners model a binary outcome with the
     *                classifier of their family, as the binary entries do
     * @throws CausalRxException when the name has no K-arm variant or the settings are of another type
     */
    public static MultiArmCateEstimator of(String name, Object settings, OutcomeAware.Kind outcome) {
        Variant<?> v = VARIANTS.get(name);
        if (v == null) {
            return fromProvider(name, settings, true, outcome).orElseThrow(() -> unsupported(name));
        }
        return v.create(settings, outcome);
    }

    /**
     * The first provider variant of {@code name}, built from {@code settings} when {@code given}, else from the
     * provider entry's defaults.
     */
    private static Optional<MultiArmCateEstimator> fromProvider(String name, Object settings, boolean given,
                                                                OutcomeAware.Kind outcome) {
        for (EstimatorProvider p : ServiceLoader.load(EstimatorProvider.class)) {
            for (EstimatorEntry<?> e : p.entries()) {
                if (e.name().equals(name)) {
                    Optional<MultiArmCateEstimator> m = p.multiArm(name, given ? settings : e.defaults(), outcome);
                    if (m.isPresent()) {
                        return m;
                    }
                }
            }
        }
        return Optional.empty();
    }

    private static CausalRxException unsupported(String name) {
        return new CausalRxException("estimator '" + name + "' has no K-arm variant; available: "
                + String.join(", ", names()));
    }

    /** A name's settings type and factory. */
    private record Variant<S>(String name, Class<S> settings, Factory<S> factory) {
        MultiArmCateEstimator create(Object s, OutcomeAware.Kind outcome) {
            if (!settings.isInstance(s)) {
                throw new CausalRxException("estimator '" + name + "' takes " + settings.getSimpleName()
                        + " settings, got " + (s == null ? "none" : s.getClass().getSimpleName()));
            }
            return factory.create(settings.cast(s), outcome);
        }
    }

    @FunctionalInterface
    private interface Factory<S> {
        MultiArmCateEstimator create(S settings, OutcomeAware.Kind outcome);
    }

    private static Map<String, Variant<?>> variants() {
        double clip = BuiltinEstimators.META_CLIP;
        int folds = BuiltinEstimators.META_FOLDS;
        Map<String, Variant<?>> m = new LinkedHashMap<>();
        add(m, new Variant<>("t_xgboost", XGBoostParams.class, (p, k) -> new MultiArmTLearner("t_xgboost",
                binary(k) ? new ClassifierRegressor(new XGBoostClassifier(p)) : new XGBoostRegressor(p))));
        add(m, new Variant<>("t_ridge", LinearSettings.class, (s, k) -> new MultiArmTLearner("t_ridge",
                binary(k) ? new ClassifierRegressor(LogisticRegression.l2(s)) : new Ridge(s))));
        add(m, new Variant<>("t_lasso", LinearSettings.class, (s, k) -> new MultiArmTLearner("t_lasso",
                binary(k) ? new ClassifierRegressor(LogisticRegression.l1(s)) : new Lasso(s))));
        add(m, new Variant<>("s_xgboost", XGBoostParams.class,
                (p, k) -> new MultiArmSLearner("s_xgboost", regressor(p))));
        add(m, new Variant<>("x_xgboost", XGBoostParams.class, (p, k) -> new MultiArmXLearner("x_xgboost",
                regressor(p), regressor(p), propensity(), clip)));
        add(m, new Variant<>("dr_xgboost", XGBoostParams.class, (p, k) -> new MultiArmDRLearner("dr_xgboost",
                regressor(p), propensity(), regressor(p), folds, clip)));
        add(m, new Variant<>("t_bart", BartSettings.class, (s, k) -> new MultiArmTLearner("t_bart", new Bart(s))));
        add(m, new Variant<>("causal_forest", ForestSettings.class, (s, k) -> new MultiArmCausalForest(s)));
        XGBoostParams xgb = XGBoostParams.defaults();
        add(m, new Variant<>("policy_tree", PolicyTreeSettings.class, (s, k) -> new MultiArmPolicyTreeEstimator(
                "policy_tree", new MultiArmDRLearner("policy_tree", regressor(xgb), propensity(), regressor(xgb),
                folds, clip), s, 1)));
        return java.util.Collections.unmodifiableMap(m);
    }

    private static void add(Map<String, Variant<?>> m, Variant<?> v) {
        m.put(v.name(), v);
    }

    private static boolean binary(OutcomeAware.Kind k) {
        return k == OutcomeAware.Kind.BINARY;
    }

    private static Regressor regressor(XGBoostParams p) {
        return new XGBoostRegressor(p);
    }

    /** The K-arm propensity model inside the X- and DR-learners. */
    private static MultiClassifier propensity() {
        return new OneVsRest(LogisticRegression.l2());
    }
}
