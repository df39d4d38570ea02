package org.causalrx.causal;

/**
 * A fitted model that predicts the outcome under each arm, mu_a(x) = E[Y | X = x, T = a] (T-learners, TARNet,
 * DragonNet, X-MultiTask's stage 1). For binary outcomes mu is a probability; that is what AUC per arm is computed
 * from.
 */
public interface ArmOutcomeModel {
    /** mu_arm(x) per row of x (n × p), arm 0 or 1. */
    double[] mu(double[][] x, int arm);

    /** mu_1(x) − mu_0(x) per row: the effect of a model with one outcome model per arm. */
    static double[] armDifference(ArmOutcomeModel m, double[][] x) {
        double[] a = m.mu(x, 1);
        double[] b = m.mu(x, 0);
        for (int i = 0; i < a.length; i++) {
            a[i] -= b[i];
        }
        return a;
    }
}
