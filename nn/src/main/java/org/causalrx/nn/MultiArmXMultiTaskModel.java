package org.causalrx.nn;

import org.causalrx.causal.MultiArmCateModel;
import org.causalrx.causal.MultiArmOutcomeModel;
import org.causalrx.learn.MultiProbabilityModel;
import org.causalrx.nn.NnSettings.OutcomeType;

/**
 * A fitted K-arm X-MultiTask: the K-class propensity model, the IPW-weighted stage-1 outcome net (mu per arm) and
 * the stage-2 effect net (block a − 1 of head 0: tau_a0; of head a: tau_a1);
 * tau_a(x) = g_a·tau_a0(x) + (1 − g_a)·tau_a1(x) with g_a = e_a / (e_0 + e_a) clipped to [clip, 1 − clip] (e_1 for
 * two arms). For categorical outcomes each arm's per-class effects are projected onto "sums to zero" and read as
 * the effect on the expected class value. {@link #mu} is stage 1's head. Immutable; holds no native memory.
 */
public final class MultiArmXMultiTaskModel implements MultiArmCateModel, MultiArmOutcomeModel {
    private final Standardizer standardizer;
    private final OutcomeCoding coding;
    private final MultiProbabilityModel propensity;
    private final double clip;
    private final NetEnsemble stage1;
    private final NetEnsemble stage2;

    MultiArmXMultiTaskModel(Standardizer standardizer, OutcomeCoding coding, MultiProbabilityModel propensity,
                            double clip, NetEnsemble stage1, NetEnsemble stage2) {
        this.standardizer = standardizer;
        this.coding = coding;
        this.propensity = propensity;
        this.clip = clip;
        this.stage1 = stage1;
        this.stage2 = stage2;
    }

    @Override
    public int arms() {
        return stage1.spec().heads();
    }

    /** Unclipped generalized propensities P(T = a | x), n × K. */
    public double[][] propensities(double[][] x) {
        return propensity.predictProba(x);
    }

    /** Stage-1 outcome under the arm, on the outcome scale (expected class value for categorical outcomes). */
    @Override
    public double[] mu(double[][] x, int arm) {
        return ArmNetModel.armOutcome(standardizer, coding, stage1, x, arm);
    }

    /** n × K effects against arm 0 (column 0 is 0), in outcome units. */
    @Override
    public double[][] effects(double[][] x) {
        int k = arms();
        int out = coding.outputs();
        double[][] xs = standardizer.apply(x);
        double[][] p = propensity.predictProba(x);
        double[][] tau0 = stage2.head(xs, 0);
        double[][] effects = new double[x.length][k];
        for (int a = 1; a < k; a++) {
            double[][] tau1 = stage2.head(xs, a);
            for (int i = 0; i < x.length; i++) {
                double g = Math.min(Math.max(weight(p[i], a), clip), 1 - clip);
                double[] block = new double[out];
                double mean = 0;
                for (int j = 0; j < out; j++) {
                    int c = (a - 1) * out + j;
                    block[j] = g * tau0[i][c] + (1 - g) * tau1[i][c];
                    mean += block[j] / out;
                }
                if (coding.type() == OutcomeType.CATEGORICAL) {
                    for (int j = 0; j < out; j++) {
                        block[j] -= mean;
                    }
                }
                effects[i][a] = coding.toEffect(block);
            }
        }
        return effects;
    }

    Standardizer standardizer() {
        return standardizer;
    }

    OutcomeCoding coding() {
        return coding;
    }

    /** The unclipped K-class propensity model. */
    MultiProbabilityModel propensityModel() {
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

    /** e_a / (e_0 + e_a); with two arms e_1 itself. */
    private static double weight(double[] p, int a) {
        if (p.length == 2) {
            return p[1];
        }
        double s = p[0] + p[a];
        return s > 0 ? p[a] / s : 0.5;
    }
}
