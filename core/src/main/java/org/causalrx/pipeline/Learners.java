package org.causalrx.pipeline;

import java.util.List;

import org.causalrx.causal.TLearner;
import org.causalrx.learn.Classifier;
import org.causalrx.learn.ClassifierRegressor;
import org.causalrx.learn.Regressor;
import org.causalrx.learn.linear.Lasso;
import org.causalrx.learn.linear.LogisticRegression;
import org.causalrx.learn.linear.Ridge;
import org.causalrx.learn.xgb.XGBoostClassifier;
import org.causalrx.learn.xgb.XGBoostParams;
import org.causalrx.learn.xgb.XGBoostRegressor;

/**
 * Which learners a run uses. The first T-learner is the DR plug-in outcome model (App. D: XGBoost).
 *
 * @param propensity            propensity models compared in step 3 (L2-, L1-logistic, XGBoost)
 * @param evaluationPropensity  p*, fit on all data for held-out evaluation (L2-logistic), also used for AIPW
 * @param xgb                   gradient-boosting settings for outcome and propensity models
 */
public record Learners(List<Classifier> propensity, Classifier evaluationPropensity, XGBoostParams xgb) {

    public static Learners standard() {
        XGBoostParams xgb = XGBoostParams.defaults();
        return new Learners(List.of(LogisticRegression.l2(), LogisticRegression.l1(), new XGBoostClassifier(xgb)),
                LogisticRegression.l2(), xgb);
    }

    /** T-learners t_xgboost, t_ridge, t_lasso; for binary outcomes their logistic counterparts. */
    public List<TLearner> tLearners(boolean binaryOutcome) {
        if (binaryOutcome) {
            return List.of(
                    new TLearner("t_xgboost", new ClassifierRegressor(new XGBoostClassifier(xgb))),
                    new TLearner("t_ridge", new ClassifierRegressor(LogisticRegression.l2())),
                    new TLearner("t_lasso", new ClassifierRegressor(LogisticRegression.l1())));
        }
        return List.of(
                new TLearner("t_xgboost", new XGBoostRegressor(xgb)),
                new TLearner("t_ridge", new Ridge()),
                new TLearner("t_lasso", new Lasso()));
    }

    /** Outcome learner inside the cross-fitted AIPW: the same model family as the DR plug-in. */
    public Regressor ateOutcome(boolean binaryOutcome) {
        return tLearners(binaryOutcome).get(0).learner();
    }
}
