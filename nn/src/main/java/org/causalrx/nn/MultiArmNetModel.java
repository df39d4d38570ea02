package org.causalrx.nn;

import org.causalrx.causal.MultiArmCateModel;
import org.causalrx.causal.MultiArmOutcomeModel;

/**
 * A fitted K-arm TARNet / DragonNet: one network (or a deep ensemble) with an outcome head per arm;
 * tau_a(x) = mu_a(x) − mu_0(x), where mu_a is the head of arm a on the outcome scale (expected class value for
 * categorical outcomes; with targeted regularisation the perturbed Q̃ of {@link ArmNetModel#mu}). With K = 2,
 * column 1 of {@link #effects} is the binary {@link ArmNetModel#effect}. Immutable; holds no native memory.
 */
public final class MultiArmNetModel implements MultiArmCateModel, MultiArmOutcomeModel {
    private final ArmNetModel net;

    MultiArmNetModel(ArmNetModel net) {
        this.net = net;
    }

    @Override
    public int arms() {
        return net.network().spec().heads();
    }

    /** mu_arm(x) per row of x (n × p), arm in 0..K−1, in outcome units. */
    @Override
    public double[] mu(double[][] x, int arm) {
        return net.mu(x, arm);
    }

    /** n × K effects against arm 0 (column 0 is 0), in outcome units. */
    @Override
    public double[][] effects(double[][] x) {
        int k = arms();
        double[] m0 = mu(x, 0);
        double[][] out = new double[x.length][k];
        for (int a = 1; a < k; a++) {
            double[] ma = mu(x, a);
            for (int i = 0; i < x.length; i++) {
                out[i][a] = ma[i] - m0[i];
            }
        }
        return out;
    }

    /** n × K generalized propensities P(T = a | x) from the softmax propensity head (DragonNet only). */
    public double[][] propensities(double[][] x) {
        if (!net.network().spec().propensity()) {
            throw new UnsupportedOperationException("this network has no propensity head (TARNet); use DragonNet");
        }
        return net.network().propensities(net.standardizer().apply(x));
    }

    /** The underlying network model (arm heads, standardiser, outcome coding). */
    ArmNetModel network() {
        return net;
    }
}
