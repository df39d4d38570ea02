package org.causalrx.causal;

/**
 * A fitted model of a categorical outcome that predicts class probabilities under each arm,
 * P(Y = k | X = x, T = a) (TARNet, DragonNet, X-MultiTask's stage 1); the AUC per arm and class is computed from
 * these.
 */
public interface ArmClassProbabilities {
    /** Number of classes K. */
    int classes();

    /** n × K class probabilities under {@code arm} (0 or 1) for each row of x (n × p). */
    double[][] classProbabilities(double[][] x, int arm);
}
