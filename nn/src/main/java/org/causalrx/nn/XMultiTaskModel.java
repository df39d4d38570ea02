package org.causalrx.nn;

import org.causalrx.causal.ArmClassProbabilities;
import org.causalrx.causal.ArmOutcomeModel;
import org.causalrx.causal.CategoricalCateModel;
import org.causalrx.learn.ProbabilityModel;
import org.causalrx.nn.NnSettings.OutcomeType;

/**
 * A fitted X-MultiTask: the propensity model, the IPW-weighted stage-1 outcome net (mu per arm) and the
 * stage-2 effect net (tau0 on the control head, tau1 on the treated head); tau(x) = e·tau0 + (1 − e)·tau1.
 * For categorical outcomes the per-class effects are projected onto "sums to zero" (subtracting their row
 * mean), which the true per-class effects satisfy. The arm predictions ({@link #mu}, {@link #classProbabilities},
 * used for the AUC per arm) are stage 1's heads; the effect is stage 2's combination above, not mu1 − mu0.
 * Immutable; holds no native memory.
 */
public final class XMultiTaskModel implements CategoricalCateModel, ArmOutcomeModel, ArmClassProbabilities {
    private final Standardizer standardizer;
    private final OutcomeCoding coding;
    private final ProbabilityModel propensity;
    private final double clip;
    private final NetEnsemble stage1;
    private final NetEnsemble stage2;

    XMultiTaskModel(Standardizer standardizer, OutcomeCoding coding, ProbabilityModel propensity, double clip,
                    NetEnsemble stage1, NetEnsemble stage2) {
        this.standardizer = standardizer;
        this.coding = coding;
        this.propensity = propensity;
        this.clip = clip;
        this.stage1 = stage1;
        this.stage2 = stage2;
    }

    /** Clipped propensity e(x) used for the final combination. */
    public double[] propensity(double[][] x) {
        return XMultiTask.clip(propensity.predictProba(x), clip);
    }

    /** Stage-1 outcome under the arm, on the outcome scale (expected class value for categorical outcomes). */
    @Override
    public double[] mu(double[][] x, int arm) {
        return ArmNetModel.armOutcome(standardizer, coding, stage1, x, arm);
    }

    /** Stage-1 class probabilities under the arm, n × K (categorical outcomes only). */
    @Override
    public double[][] classProbabilities(double[][] x, int arm) {
        ArmNetModel.requireCategorical(coding);
        return ArmNetModel.armResponse(standardizer, coding, stage1, x, arm);
    }

    /** Effects on the network's response scale, n × outputs. */
    private double[][] responseEffects(double[][] x) {
        double[][] xs = standardizer.apply(x);
        double[][] tau0 = stage2.head(xs, 0);
        double[][] tau1 = stage2.head(xs, 1);
        double[] e = propensity(x);
        double[][] out = new double[x.length][];
        for (int i = 0; i < x.length; i++) {
            int k = tau0[i].length;
            out[i] = new double[k];
            double mean = 0;
            for (int j = 0; j < k; j++) {
                out[i][j] = e[i] * tau0[i][j] + (1 - e[i]) * tau1[i][j];
                mean += out[i][j] / k;
            }
            if (coding.type() == OutcomeType.CATEGORICAL) {
                for (int j = 0; j < k; j++) {
                    out[i][j] -= mean;
                }
            }
        }
        return out;
    }

    @Override
    public double[] effect(double[][] x) {
        double[][] r = responseEffects(x);
        double[] tau = new double[r.length];
        for (int i = 0; i < r.length; i++) {
            tau[i] = coding.toEffect(r[i]);
        }
        return tau;
    }

    Standardizer standardizer() {
        return standardizer;
    }

    OutcomeCoding coding() {
        return coding;
    }

    /** The unclipped propensity model. */
    ProbabilityModel propensityModel() {
        return propensity;
    }

    double clip() {
        return clip;
    }

    NetEnsemble stage1() {
        return stage1;
    }

    NetEnsemble stage2() {
        return stage2;
    }

    @Override
    public int classes() {
        return coding.type() == OutcomeType.CATEGORICAL ? coding.classes() : 1;
    }

    @Override
    public double[][] classEffects(double[][] x) {
        ArmNetModel.requireCategorical(coding);
        return responseEffects(x);
    }
}
