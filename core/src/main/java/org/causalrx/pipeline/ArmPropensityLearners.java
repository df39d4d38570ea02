package org.causalrx.pipeline;

import java.util.List;

import org.causalrx.learn.Classifier;
import org.causalrx.learn.MultiClassifier;
import org.causalrx.learn.MultiProbabilityModel;
import org.causalrx.learn.OneVsRest;
import org.causalrx.learn.linear.LogisticRegression;
import org.causalrx.learn.linear.MultinomialRegression;
import org.causalrx.learn.xgb.XGBoostClassifier;
import org.causalrx.learn.xgb.XGBoostParams;
import org.causalrx.learn.xgb.XGBoostSoftprobClassifier;

/**
 * The generalized propensity learners of a K-arm run. For K ≥ 3: multinomial L2 and L1 logistic regression and
 * XGBoost softprob. For K = 2: the two-arm pipeline's own binary learners (L2 and L1 logistic regression, XGBoost,
 * {@link Learners#standard}) under their own names, each giving P(1 | x) exactly as in a two-arm run and
 * P(0 | x) = 1 − P(1 | x) ({@link OneVsRest} at K = 2). The multinomial fits at K = 2 agree with the binary ones only
 * approximately (their cross-validation walks another λ path), so a two-arm study run through the K-arm stages would
 * otherwise get other propensities, overlap set, weights and policy values than its two-arm run.
 */
final class ArmPropensityLearners {
    private ArmPropensityLearners() {
    }

    /** The models compared for the propensity of a K-arm study, in order. */
    static List<MultiClassifier> compared(int k) {
        if (k == 2) {
            return List.of(new TwoArms(LogisticRegression.l2()), new TwoArms(LogisticRegression.l1()),
                    new TwoArms(new XGBoostClassifier(XGBoostParams.defaults())));
        }
        return List.of(MultinomialRegression.l2(), MultinomialRegression.l1(),
                new XGBoostSoftprobClassifier(XGBoostParams.defaults()));
    }

    /** The evaluation propensity p*(a | x) fitted on all data: L2 logistic for K = 2, multinomial L2 beyond. */
    static MultiClassifier evaluation(int k) {
        return k == 2 ? new TwoArms(LogisticRegression.l2()) : MultinomialRegression.l2();
    }

    /**
     * A binary classifier as a two-class {@link MultiClassifier} under the binary learner's name (so a fit takes the
     * seed a two-arm run derives from that name).
     *
     * @param binary the binary learner
     */
    record TwoArms(Classifier binary) implements MultiClassifier {
        @Override
        public MultiProbabilityModel fit(double[][] x, int[] t, int k, double[] w, long seed) {
            if (k != 2) {
                throw new IllegalArgumentException(binary.name() + " handles two arms, got " + k);
            }
            return new OneVsRest(binary).fit(x, t, k, w, seed);
        }

        @Override
        public String name() {
            return binary.name();
        }
    }
}
