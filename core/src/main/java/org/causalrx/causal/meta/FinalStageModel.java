package org.causalrx.causal.meta;

import org.causalrx.causal.CateModel;
import org.causalrx.causal.CrossFittedNuisances;
import org.causalrx.learn.RegressionModel;
import org.causalrx.learn.Regressor;

/**
 * The fitted CATE model of the R- and DR-learners: tau(x) is the final-stage regression of the pseudo-outcomes on x.
 * A plain record (rather than a function) so that it can be saved in a model bundle (the regression only).
 *
 * @param tau            the fitted final-stage regression
 * @param pseudoOutcomes the pseudo-outcomes it was fit to, one per training row (read only; kept so that a
 *                       final-stage bootstrap need not cross-fit them again), or null (a model read from a bundle)
 * @param nuisances      the cross-fitted nuisances behind them (DR-learner; kept so that the B-learner on the same
 *                       rows may reuse them), or null
 * @param finalStage     the learner that fit {@code tau}, or null (not known: a model read from a bundle)
 */
public record FinalStageModel(RegressionModel tau, double[] pseudoOutcomes, CrossFittedNuisances nuisances,
                              Regressor finalStage) implements CateModel {

    /** A model without its pseudo-outcomes. */
    public FinalStageModel(RegressionModel tau) {
        this(tau, null, null, null);
    }

    @Override
    public double[] effect(double[][] x) {
        return tau.predict(x);
    }
}
