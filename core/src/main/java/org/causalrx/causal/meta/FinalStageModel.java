package org.causalrx.causal.meta;

import org.causalrx.causal.CateModel;
import org.causalrx.learn.RegressionModel;

/**
 * The fitted CATE model of the R- and DR-learners: tau(x) is the final-stage regression of the pseudo-outcomes on x.
 * A plain record (rather than a function) so that it can be saved in a model bundle (the regression only).
 *
 * @param tau            the fitted final-stage regression
 * @param pseudoOutcomes the pseudo-outcomes it was fit to, one per training row (read only; kept so that a
 *                       final-stage bootstrap need not cross-fit them again), or null (a model read from a bundle)
 */
public record FinalStageModel(RegressionModel tau, double[] pseudoOutcomes) implements CateModel {

    /** A model without its pseudo-outcomes. */
    public FinalStageModel(RegressionModel tau) {
        this(tau, null);
    }

    @Override
    public double[] effect(double[][] x) {
        return tau.predict(x);
    }
}
