package org.causalrx.nn;

import org.causalrx.causal.MultiArmCateEstimator;
import org.causalrx.causal.OutcomeAware;

/**
 * K-arm TARNet: the shared ELU representation trunk of {@link TarNet} with K outcome heads, one per arm, trained
 * on the factual loss only; tau_a(x) = mu_a(x) − mu_0(x). x and continuous y are standardised inside {@code fit}.
 * With K = 2 it trains the binary TARNet's network (same seed, same weights), so column 1 of the effects is
 * {@link TarNet}'s effect. Configuration only; {@code fit} returns an immutable {@link MultiArmNetModel}.
 */
public final class MultiArmTarNet implements MultiArmCateEstimator {
    private final NnSettings settings;

    public MultiArmTarNet() {
        this(NnSettings.defaults());
    }

    public MultiArmTarNet(NnSettings settings) {
        this.settings = settings;
    }

    /** The same estimator with the outcome modelled as {@code kind} (null: the settings' own outcome type). */
    public MultiArmTarNet forOutcome(OutcomeAware.Kind kind) {
        return kind == null ? this
                : new MultiArmTarNet(settings.withOutcome(NnSettings.OutcomeType.valueOf(kind.name())));
    }

    @Override
    public MultiArmNetModel fit(double[][] x, int[] t, int k, double[] y, long seed) {
        return MultiArmNets.fit(x, t, k, y, settings, false, 0, 0, seed);
    }

    @Override
    public String name() {
        return "tarnet";
    }
}
