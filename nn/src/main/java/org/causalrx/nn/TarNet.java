package org.causalrx.nn;

import org.causalrx.causal.CateEstimator;

/**
 * TARNet (Shalit, Johansson &amp; Sontag 2017): a shared ELU representation trunk and one outcome head per arm,
 * trained on the factual loss only (MSE for continuous, BCE for binary, softmax cross-entropy for categorical
 * outcomes). x and continuous y are standardised inside {@code fit}. Configuration only; {@code fit} returns
 * an immutable {@link ArmNetModel}.
 */
public final class TarNet implements CateEstimator {
    private final NnSettings settings;

    public TarNet() {
        this(NnSettings.defaults());
    }

    public TarNet(NnSettings settings) {
        this.settings = settings;
    }

    @Override
    public ArmNetModel fit(double[][] x, int[] t, double[] y, long seed) {
        return ArmNets.fit(x, t, y, settings, false, 0, 0, seed);
    }

    @Override
    public String name() {
        return "tarnet";
    }
}
