package org.causalrx.nn;

import java.util.Arrays;
import java.util.List;

/**
 * The members of a fitted network: K copies of one architecture trained with their own seeds (initial
 * weights, validation split, batch order, dropout masks), predictions averaged — a deep ensemble
 * (Lakshminarayanan et al. 2017). K = 1 is the single network. Averages are taken on the response scale
 * (class probabilities, probabilities, standardised values), so every derived quantity — expected class value,
 * effect — is the mean of the members'. Immutable; holds no native memory.
 */
final class NetEnsemble {
    private final List<NetParams> members;

    NetEnsemble(List<NetParams> members) {
        if (members.isEmpty()) {
            throw new IllegalArgumentException("an ensemble needs at least one network");
        }
        this.members = List.copyOf(members);
    }

    NetSpec spec() {
        return members.get(0).spec();
    }

    List<NetParams> members() {
        return members;
    }

    /** Mean over members of head h's raw outputs (linear heads: the effect nets of X-MultiTask), n × outputs. */
    double[][] head(double[][] xs, int h) {
        double[][] sum = null;
        for (NetParams m : members) {
            sum = add(sum, m.head(xs, h));
        }
        return scale(sum);
    }

    /** Mean over members of head h on the response scale (softmax / sigmoid / identity), n × outputs. */
    double[][] response(OutcomeCoding coding, double[][] xs, int h) {
        double[][] sum = null;
        for (NetParams m : members) {
            sum = add(sum, coding.response(m.head(xs, h)));
        }
        return scale(sum);
    }

    /** Mean over members of the propensity head (DragonNet). */
    double[] propensity(double[][] xs) {
        double[] sum = new double[xs.length];
        for (NetParams m : members) {
            double[] g = m.propensity(xs);
            for (int i = 0; i < sum.length; i++) {
                sum[i] += g[i] / members.size();
            }
        }
        return sum;
    }

    /**
     * Mean over members of the generalized propensities P(T = a | x), n × K (DragonNet); for two arms
     * {1 − e, e} with e = {@link #propensity}.
     */
    double[][] propensities(double[][] xs) {
        if (spec().heads() == 2) {
            double[] e = propensity(xs);
            double[][] out = new double[xs.length][];
            for (int i = 0; i < xs.length; i++) {
                out[i] = new double[] {1 - e[i], e[i]};
            }
            return out;
        }
        double[][] sum = null;
        for (NetParams m : members) {
            sum = add(sum, m.propensities(xs));
        }
        return scale(sum);
    }

    /** Whether any member learnt a targeted-regularisation epsilon (DragonNet with the term on). */
    boolean targeted() {
        return members.stream().anyMatch(m -> Arrays.stream(m.epsilons()).anyMatch(e -> e != 0));
    }

    /**
     * Mean over members of the targeted-regularisation shift epsilon · h(t, x) on the standardised scale, with
     * h(1, x) = 1/g(x), h(0, x) = −1/(1 − g(x)) and g clipped to [0.01, 0.99] as in training; all zeros when no
     * member learnt an epsilon. With K ≥ 3 arms, epsilon_a / g_a for arm a and −Σ_b epsilon_b / g_0 for the
     * reference (the per-arm clever covariates of {@link NetGraph}).
     */
    double[] targetedShift(double[][] xs, int arm) {
        if (spec().heads() > 2) {
            return multiArmShift(xs, arm);
        }
        double[] out = new double[xs.length];
        for (NetParams m : members) {
            double eps = m.epsilon();
            if (eps == 0) {
                continue;
            }
            double[] g = m.propensity(xs);
            for (int i = 0; i < out.length; i++) {
                double gi = 0.98 * g[i] + 0.01;
                out[i] += eps * (arm == 1 ? 1 / gi : -1 / (1 - gi)) / members.size();
            }
        }
        return out;
    }

    /**
     * The K ≥ 3-arm shift Σ_b epsilon_b · h_b(arm, x): epsilon_a / g_a for arm a ≥ 1 and −Σ_b epsilon_b / g_0 for
     * the reference, g clipped to 0.98 · g + 0.01 per arm as in training; mean over members.
     */
    private double[] multiArmShift(double[][] xs, int arm) {
        double[] out = new double[xs.length];
        for (NetParams m : members) {
            double[] eps = m.epsilons();
            double total = 0;
            for (double e : eps) {
                total += e;
            }
            double num = arm == 0 ? -total : eps[arm - 1];
            if (num == 0) {
                continue;
            }
            double[][] g = m.propensities(xs);
            for (int i = 0; i < out.length; i++) {
                out[i] += num / (0.98 * g[i][arm] + 0.01) / members.size();
            }
        }
        return out;
    }

    private static double[][] add(double[][] sum, double[][] v) {
        if (sum == null) {
            return v;
        }
        for (int i = 0; i < sum.length; i++) {
            for (int j = 0; j < sum[i].length; j++) {
                sum[i][j] += v[i][j];
            }
        }
        return sum;
    }

    private double[][] scale(double[][] sum) {
        if (members.size() > 1) {
            for (double[] row : sum) {
                for (int j = 0; j < row.length; j++) {
                    row[j] /= members.size();
                }
            }
        }
        return sum;
    }
}
