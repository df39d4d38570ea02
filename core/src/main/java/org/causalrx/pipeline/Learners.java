package org.causalrx.pipeline;

import java.util.List;

import org.causalrx.causal.TLearner;
import org.causalrx.estimators.EstimatorRegistry;
import org.causalrx.learn.Classifier;
import org.causalrx.learn.Regressor;
import org.causalrx.learn.linear.LogisticRegression;
import org.causalrx.learn.xgb.XGBoostClassifier;
import org.causalrx.learn.xgb.XGBoostParams;
import org.causalrx.study.Study;

/**
 * Which learners a run uses. The CATE estimators come from {@code estimators}: the registry, the study's settings
 * and the named DR plug-in T-learner (App. D; XGBoost per arm unless the study names another).
 *
 * @param propensity            propensity models compared in step 3 (L2-, L1-logistic, XGBoost)
 * @param evaluationPropensity  p*, fit on all data for held-out evaluation (L2-logistic), also used for AIPW
 * @param xgb                   gradient-boosting settings for the propensity model and the B-learner
 * @param estimators            the estimator registry with the study's settings (defaults until
 *                              {@link #forStudy} binds a study)
 */
public record Learners(List<Classifier> propensity, Classifier evaluationPropensity, XGBoostParams xgb,
                       RunEstimators estimators) {

    /** The standard learners with a freshly loaded registry (built-ins and providers), default settings. */
    public static Learners standard() {
        XGBoostParams xgb = XGBoostParams.defaults();
        return new Learners(List.of(LogisticRegression.l2(), LogisticRegression.l1(), new XGBoostClassifier(xgb)),
                LogisticRegression.l2(), xgb, RunEstimators.defaults(EstimatorRegistry.load()));
    }

    /** The run's estimator registry. */
    public EstimatorRegistry registry() {
        return estimators.registry();
    }

    /**
     * The same learners with {@code study}'s estimator settings and DR plug-in; checks the study's estimators
     * list (unknown names, params, plug-in) with one-line errors naming the study file.
     */
    public Learners forStudy(Study study) {
        return new Learners(propensity, evaluationPropensity, xgb, RunEstimators.of(registry(), study));
    }

    /** T-learners t_xgboost, t_ridge, t_lasso (and the plug-in if another); binary outcomes: their classifiers. */
    public List<TLearner> tLearners(boolean binaryOutcome) {
        return estimators.tLearners(binaryOutcome);
    }

    /** The DR plug-in T-learner. */
    public TLearner plugIn(boolean binaryOutcome) {
        return estimators.plugIn(binaryOutcome);
    }

    /** Outcome learner inside the cross-fitted AIPW and the B-learner: the DR plug-in's learner. */
    public Regressor ateOutcome(boolean binaryOutcome) {
        return plugIn(binaryOutcome).learner();
    }
}
