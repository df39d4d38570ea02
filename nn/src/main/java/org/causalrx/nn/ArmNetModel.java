package org.causalrx.nn;

import org.causalrx.causal.ArmClassProbabilities;
import org.causalrx.causal.ArmOutcomeModel;
import org.causalrx.causal.CategoricalCateModel;
import org.causalrx.nn.NnSettings.OutcomeType;

/**
 * A fitted TARNet / DragonNet: one network with a head per arm (or an ensemble of such networks, averaged;
 * {@link NetEnsemble}); tau(x) = mu1(x) − mu0(x). For categorical
 * outcomes the heads give class probabilities and {@link #classEffects} their differences. Immutable; holds
 * no native memory.
 */
public final class ArmNetModel implements CategoricalCateModel, ArmOutcomeModel, ArmClassProbabilities {
    private final Standardizer standardizer;
    private final OutcomeCoding coding;
    private final NetEnsemble net;

    ArmNetModel(Standardizer standardizer, OutcomeCoding coding, NetEnsemble net) {
        this.standardizer = standardizer;
        this.coding = coding;
        this.net = net;
    }

    /**
     * The arm's expected outcome. For a DragonNet fitted with targeted regularisation (continuous outcomes, a
     * learnt epsilon ≠ 0) this is the paper's perturbed Q̃(t, x) = Q(t, x) + epsilon · h(t, x), with
     * h(1, x) = 1/g(x) and h(0, x) = −1/(1 − g(x)) and g clipped to [0.01, 0.99] as in training: the estimator
     * the targeted term was fitted for (Shi et al. 2019, §3); with K ≥ 3 arms the shift is that of
     * {@link NetEnsemble#targetedShift}. With several ensemble members, the mean of the members' values.
     */
    @Override
    public double[] mu(double[][] x, int arm) {
        double[] out = armOutcome(standardizer, coding, net, x, arm);
        if (net.targeted() && coding.type() == OutcomeType.CONTINUOUS) {
            double[] shift = net.targetedShift(standardizer.apply(x), arm);
            for (int i = 0; i < out.length; i++) {
                out[i] += coding.sd() * shift[i];
            }
        }
        return out;
    }

    /** The arm's head on the outcome scale (expected class value for categorical outcomes); shared with X-MultiTask. */
    static double[] armOutcome(Standardizer standardizer, OutcomeCoding coding, NetEnsemble net, double[][] x,
                               int arm) {
        double[][] r = armResponse(standardizer, coding, net, x, arm);
        double[] out = new double[r.length];
        for (int i = 0; i < r.length; i++) {
            out[i] = coding.toOutcome(r[i]);
        }
        return out;
    }

    /**
     * The arm's head on the network's response scale, n × outputs (class probabilities for categorical outcomes);
     * shared with X-MultiTask.
     */
    static double[][] armResponse(Standardizer standardizer, OutcomeCoding coding, NetEnsemble net, double[][] x,
                                  int arm) {
        int heads = net.spec().heads();
        if (arm < 0 || arm >= heads) {
            throw new IllegalArgumentException("arm must be in 0.." + (heads - 1) + ", got " + arm);
        }
        return net.response(coding, standardizer.apply(x), arm);
    }

    /** n × K class probabilities under the arm (categorical outcomes only). */
    @Override
    public double[][] classProbabilities(double[][] x, int arm) {
        requireCategorical(coding);
        return armResponse(standardizer, coding, net, x, arm);
    }

    @Override
    public double[] effect(double[][] x) {
        double[] m1 = mu(x, 1);
        double[] m0 = mu(x, 0);
        double[] tau = new double[m1.length];
        for (int i = 0; i < tau.length; i++) {
            tau[i] = m1[i] - m0[i];
        }
        return tau;
    }

    @Override
    public int classes() {
        return coding.type() == OutcomeType.CATEGORICAL ? coding.classes() : 1;
    }

    @Override
    public double[][] classEffects(double[][] x) {
        requireCategorical(coding);
        double[][] p1 = classProbabilities(x, 1);
        double[][] p0 = classProbabilities(x, 0);
        for (int i = 0; i < p1.length; i++) {
            for (int k = 0; k < p1[i].length; k++) {
                p1[i][k] -= p0[i][k];
            }
        }
        return p1;
    }

    /** P(T = 1 | x) from the propensity head (DragonNet only). */
    public double[] propensity(double[][] x) {
        if (!net.spec().propensity()) {
            throw new UnsupportedOperationException("this network has no propensity head (TARNet); use DragonNet");
        }
        return net.propensity(standardizer.apply(x));
    }

    NetEnsemble network() {
        return net;
    }

    Standardizer standardizer() {
        return standardizer;
    }

    OutcomeCoding coding() {
        return coding;
    }

    /** The outcome type the model was fitted for. */
    public OutcomeType outcomeType() {
        return coding.type();
    }

    /** Refuses class-level output for a model fitted to a binary or continuous outcome; shared with X-MultiTask. */
    static void requireCategorical(OutcomeCoding coding) {
        if (coding.type() != OutcomeType.CATEGORICAL) {
            throw new UnsupportedOperationException("class effects and probabilities need a categorical outcome; this "
                    + "model was fitted to a " + coding.type().name().toLowerCase() + " outcome");
        }
    }
}
