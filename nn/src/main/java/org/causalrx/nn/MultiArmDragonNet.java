package org.causalrx.nn;

import org.causalrx.causal.MultiArmCateEstimator;
import org.causalrx.causal.OutcomeAware;

/**
 * K-arm DragonNet: K outcome heads and a K-class softmax propensity head on a shared representation, trained
 * jointly (loss = outcome loss + alpha · softmax cross-entropy of the arm labels). Targeted regularisation
 * ({@code beta > 0}, continuous outcomes) is generalised per arm: one learnt epsilon_a per non-reference arm
 * perturbs the factual prediction by Σ_a epsilon_a · (1{t = a}/g_a − 1{t = 0}/g_0), the clever covariate of the
 * effect of arm a against the reference, and beta · mean squared error of the perturbed prediction is added
 * (see {@link NetGraph}); predictions are then the perturbed Q̃(a, x). With K = 2 the propensity head is the binary
 * one (a single logit) and the network, losses and weights are {@link DragonNet}'s. Effects are mu_a − mu_0.
 */
public final class MultiArmDragonNet implements MultiArmCateEstimator {
    private final NnSettings settings;
    private final double alpha;
    private final double beta;

    /** Defaults of {@link DragonNet#DragonNet()}: alpha = 1, targeted regularisation off. */
    public MultiArmDragonNet() {
        this(NnSettings.defaults(), 1.0, 0.0);
    }

    /**
     * @param alpha weight of the propensity cross-entropy, &gt; 0
     * @param beta  weight of the targeted-regularisation term, ≥ 0 (0 = off; ignored for non-continuous outcomes)
     */
    public MultiArmDragonNet(NnSettings settings, double alpha, double beta) {
        if (!(alpha > 0) || !(beta >= 0)) {
            throw new IllegalArgumentException("DragonNet needs alpha > 0 and beta ≥ 0, got " + alpha + ", " + beta);
        }
        this.settings = settings;
        this.alpha = alpha;
        this.beta = beta;
    }

    /** The same estimator with the outcome modelled as {@code kind} (null: the settings' own outcome type). */
    public MultiArmDragonNet forOutcome(OutcomeAware.Kind kind) {
        return kind == null ? this : new MultiArmDragonNet(
                settings.withOutcome(NnSettings.OutcomeType.valueOf(kind.name())), alpha, beta);
    }

    @Override
    public MultiArmNetModel fit(double[][] x, int[] t, int k, double[] y, long seed) {
        return MultiArmNets.fit(x, t, k, y, settings, true, alpha, beta, seed);
    }

    @Override
    public String name() {
        return "dragonnet";
    }
}
