package org.causalrx.nn;

import org.causalrx.causal.CateEstimator;
import org.causalrx.causal.OutcomeAware;

/**
 * TARNet (Shalit, Johansson &amp; Sontag 2017): a shared ELU representation trunk and one outcome head per arm,
 * trained on the factual loss only (MSE for continuous, BCE for binary, softmax cross-entropy for categorical
 * outcomes). x and continuous y are standardised inside {@code fit}. Configuration only; {@code fit} returns
 * an immutable {@link ArmNetModel}.
 */
public final class TarNet implements CateEstimator, OutcomeAware {
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

    /** The same estimator with the outcome modelled as {@code kind} (the study's outcome type). */
    @Override
    public TarNet forOutcome(Kind kind) {
        return new TarNet(settings.withOutcome(NnSettings.OutcomeType.valueOf(kind.name())));
    }

    @Override
    public String name() {
        return "tarnet";
    }
}
