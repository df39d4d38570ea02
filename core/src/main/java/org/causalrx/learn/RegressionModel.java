package org.causalrx.learn;

/** A fitted, immutable regression model. */
public interface RegressionModel {
    /** Predictions for each row of {@code x} (n × p, same feature order as in fit). */
    double[] predict(double[][] x);
}
