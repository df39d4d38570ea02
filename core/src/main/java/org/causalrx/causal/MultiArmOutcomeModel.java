package org.causalrx.causal;

/**
 * A fitted model that predicts the outcome under each of K arms, mu_a(x) = E[Y | X = x, T = a] (the multi-arm
 * T-learner): the potential-outcome plug-ins of K-arm doubly robust values. For binary outcomes mu is a probability.
 */
public interface MultiArmOutcomeModel {
    /** Number of arms K. */
    int arms();

    /** mu_arm(x) per row of x (n × p), arm in 0..K−1, in outcome units. */
    double[] mu(double[][] x, int arm);

    /** n × K predicted potential outcomes: column a is mu_a(x). */
    default double[][] potentialOutcomes(double[][] x) {
        double[][] out = new double[x.length][arms()];
        for (int a = 0; a < arms(); a++) {
            double[] m = mu(x, a);
            for (int i = 0; i < x.length; i++) {
                out[i][a] = m[i];
            }
        }
        return out;
    }
}
