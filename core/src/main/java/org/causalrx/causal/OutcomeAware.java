package org.causalrx.causal;

/**
 * A CATE estimator that models the outcome according to its declared kind (the neural estimators: MSE,
 * logit or softmax heads). The pipeline asks for the study's kind before fitting, so an estimator in another
 * module learns it without core depending on that module. Estimators that do not implement this treat the
 * outcome as a number (for categorical outcomes: the class code, an ordinal score).
 */
public interface OutcomeAware {
    /** How an outcome is measured. CATEGORICAL outcomes hold class codes 0..K−1. */
    enum Kind { CONTINUOUS, BINARY, CATEGORICAL }

    /** A configured estimator for outcomes of this kind (a new instance; this one is not changed). */
    CateEstimator forOutcome(Kind kind);
}
