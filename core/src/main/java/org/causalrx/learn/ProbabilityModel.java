package org.causalrx.learn;

/** A fitted, immutable binary probability model. */
public interface ProbabilityModel {
    /** P(label = 1 | x) for each row of {@code x}. */
    double[] predictProba(double[][] x);
}
