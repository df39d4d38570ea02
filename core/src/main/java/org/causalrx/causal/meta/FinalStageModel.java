package org.causalrx.causal.meta;

import org.causalrx.causal.CateModel;
import org.causalrx.learn.RegressionModel;

/**
 * The fitted CATE model of the R- and DR-learners: tau(x) is the final-stage regression of the pseudo-outcomes on x.
 * A plain record (rather than a function) so that it can be saved in a model bundle.
 *
 * @param tau the fitted final-stage regression
 */
public record FinalStageModel(RegressionModel tau) implements CateModel {
    @Override
    public double[] effect(double[][] x) {
        return tau.predict(x);
    }
}
