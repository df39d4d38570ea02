package org.causalrx.estimators;

import java.util.List;

import org.causalrx.causal.CateEstimator;
import org.causalrx.causal.CateModel;
import org.causalrx.causal.CrossFit;
import org.causalrx.causal.OutcomeAware;
import org.causalrx.causal.TLearner;
import org.causalrx.causal.forest.CausalForest;
import org.causalrx.causal.policytree.PolicyTreeEstimator;
import org.causalrx.causal.policytree.PolicyTreeSettings;
import org.causalrx.causal.meta.DRLearner;
import org.causalrx.causal.meta.RLearner;
import org.causalrx.causal.meta.SLearner;
import org.causalrx.causal.meta.XLearner;
import org.causalrx.learn.ClassifierRegressor;
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

/**
 * The estimators core provides, in catalogue order, with their study-file keys. T-learners model a binary outcome
 * with the classifier of their family (XGBoost classifier, L2- / L1-logistic) and any other outcome as a number;
 * the other built-ins always model the outcome as a number. {@code policy_tree} is a depth-1 or -2 policy tree on the
 * DR-learner's cross-fitted scores (its CATE: the mean DR contrast of the patient's leaf).
 */
public final class BuiltinEstimators {
    /** Propensities inside meta-learners are clipped to [CLIP, 1 − CLIP]. */
    public static final double META_CLIP = 0.05;
    /** Cross-fitting folds of the R-learner's nuisance models (and the K-arm meta-learners'). */
    public static final int META_FOLDS = 5;
    /**
     * Cross-fitting folds of the DR-learner's nuisance models ({@code dr_xgboost}, the policy tree's scores): 5, or 2
     * from {@link CrossFit#LARGE_ROWS} training rows ({@link CrossFit#AUTO}).
     */
    public static final int DR_FOLDS = CrossFit.AUTO;

    private BuiltinEstimators() {
    }

    /** The built-in entries. */
    public static List<EstimatorEntry<?>> entries() {
        XGBoostParams xgb = XGBoostParams.defaults();
        LinearSettings lin = LinearSettings.defaults();
        return List.of(
                new EstimatorEntry<>("t_xgboost", EstimatorKind.T_LEARNER, xgb, BuiltinEstimators::xgboost,
                        (p, k) -> new TLearner("t_xgboost", k == OutcomeAware.Kind.BINARY
                                ? new ClassifierRegressor(new XGBoostClassifier(p)) : new XGBoostRegressor(p))),
                new EstimatorEntry<>("t_ridge", EstimatorKind.T_LEARNER, lin, BuiltinEstimators::linear,
                        (s, k) -> new TLearner("t_ridge", k == OutcomeAware.Kind.BINARY
                                ? new ClassifierRegressor(LogisticRegression.l2(s)) : new Ridge(s))),
                new EstimatorEntry<>("t_lasso", EstimatorKind.T_LEARNER, lin, BuiltinEstimators::linear,
                        (s, k) -> new TLearner("t_lasso", k == OutcomeAware.Kind.BINARY
                                ? new ClassifierRegressor(LogisticRegression.l1(s)) : new Lasso(s))),
                new EstimatorEntry<>("s_xgboost", EstimatorKind.S_LEARNER, xgb, BuiltinEstimators::xgboost,
                        (p, k) -> new SLearner("s_xgboost", regressor(p))),
                new EstimatorEntry<>("x_xgboost", EstimatorKind.X_LEARNER, xgb, BuiltinEstimators::xgboost,
                        (p, k) -> new XLearner("x_xgboost", regressor(p), regressor(p), LogisticRegression.l2(),
                                META_CLIP)),
                new EstimatorEntry<>("r_xgboost", EstimatorKind.R_LEARNER, xgb, BuiltinEstimators::xgboost,
                        (p, k) -> new RLearner("r_xgboost", regressor(p), LogisticRegression.l2(), regressor(p),
                                META_FOLDS, META_CLIP)),
                new EstimatorEntry<>("dr_xgboost", EstimatorKind.DR_LEARNER, xgb, BuiltinEstimators::xgboost,
                        (p, k) -> new DRLearner("dr_xgboost", regressor(p), LogisticRegression.l2(), regressor(p),
                                DR_FOLDS, META_CLIP)),
                new EstimatorEntry<>("t_bart", EstimatorKind.T_LEARNER, BartSettings.defaults(),
                        BuiltinEstimators::bart, (s, k) -> new TLearner("t_bart", new Bart(s))),
                new EstimatorEntry<>("causal_forest", EstimatorKind.CAUSAL_FOREST, ForestSettings.defaults(),
                        BuiltinEstimators::forest, (s, k) -> new CausalForestEstimator(new CausalForest(s))),
                new EstimatorEntry<>("policy_tree", EstimatorKind.POLICY_TREE, PolicyTreeSettings.defaults(),
                        BuiltinEstimators::policyTree, (s, k) -> new PolicyTreeEstimator("policy_tree",
                                new DRLearner("policy_tree", regressor(xgb), LogisticRegression.l2(), regressor(xgb),
                                        DR_FOLDS, META_CLIP), s)));
    }

    private static Regressor regressor(XGBoostParams p) {
        return new XGBoostRegressor(p);
    }

    /** Keys of the gradient-boosting learners (XGBoost names); threads stay at the default. */
    static XGBoostParams xgboost(XGBoostParams d, EstimatorParams p) {
        return new XGBoostParams(p.integer("rounds", d.rounds()), p.integer("max_depth", d.maxDepth()),
                p.real("eta", d.eta()), p.real("subsample", d.subsample()), p.real("colsample", d.colsample()),
                p.real("min_child_weight", d.minChildWeight()), p.real("lambda", d.lambda()), d.threads(),
                p.integer("early_stopping", d.earlyStopping()));
    }

    /** Keys of the penalised linear learners: λ fixed ({@code lambda}) or chosen by cross-validation. */
    static LinearSettings linear(LinearSettings d, EstimatorParams p) {
        return new LinearSettings(p.integer("folds", d.folds()), p.integer("n_lambda", d.nLambda()),
                d.lambdaMinRatio(), p.bool("one_standard_error_rule", d.oneStandardErrorRule()),
                p.realOrAuto("lambda", d.fixedLambda()), d.tolerance(), d.maxPasses(), d.extendPath());
    }

    static BartSettings bart(BartSettings d, EstimatorParams p) {
        return new BartSettings(p.integer("trees", d.trees()), p.integer("burn_in", d.burnIn()),
                p.integer("draws", d.draws()), p.integer("thin", d.thin()), p.real("alpha", d.alpha()),
                p.real("beta", d.beta()), p.real("k", d.k()), p.real("nu", d.nu()), p.real("q", d.q()),
                p.integer("max_cuts", d.maxCuts()));
    }

    static ForestSettings forest(ForestSettings d, EstimatorParams p) {
        ForestSettings s = new ForestSettings(p.integer("num_trees", d.numTrees()),
                p.real("sample_fraction", d.sampleFraction()),
                p.integerOrAuto("mtry", d.mtry(), ForestSettings.MTRY_DEFAULT),
                p.integer("min_node_size", d.minNodeSize()), p.bool("honesty", d.honesty()),
                p.real("honesty_fraction", d.honestyFraction()), p.real("alpha", d.alpha()),
                p.real("imbalance_penalty", d.imbalancePenalty()), p.integer("ci_group_size", d.ciGroupSize()),
                d.threads());
        s.checkLittleBags();
        return s;
    }

    /** Keys of the policy tree; its DR scores use dr_xgboost's default learners, folds and clip. */
    static PolicyTreeSettings policyTree(PolicyTreeSettings d, EstimatorParams p) {
        return new PolicyTreeSettings(p.integer("depth", d.depth()), p.integer("min_node_size", d.minNodeSize()),
                p.integer("max_thresholds", d.maxThresholds()));
    }

    /** The causal forest as a CATE estimator (treatment as a 0/1 number, no sample weights or clusters). */
    private record CausalForestEstimator(CausalForest forest) implements CateEstimator {
        @Override
        public CateModel fit(double[][] x, int[] t, double[] y, long seed) {
            double[] w = new double[t.length];
            for (int i = 0; i < w.length; i++) {
                w[i] = t[i];
            }
            return forest.fit(x, y, w, null, null, seed);
        }

        @Override
        public String name() {
            return "causal_forest";
        }
    }
}
