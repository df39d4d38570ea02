package org.causalrx.learn;

/** A fitted, immutable K-class probability model. */
public interface MultiProbabilityModel {
    /** Number of classes K. */
    int classes();

    /** n × K probabilities P(label = a | x) for each row of {@code x}; each row sums to 1. */
    double[][] predictProba(double[][] x);
}
