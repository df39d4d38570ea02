package org.causalrx.causal.diagnostics;

import java.util.ArrayList;
import java.util.List;

/**
 * Covariate balance of one arm against the reference arm of a K-arm study under inverse generalized-propensity
 * weighting: the patients given arm a or the reference (index 0) are compared, each weighted by 1 / e_t(x), the
 * generalized propensity P(T = t | x) of the arm t the patient was given, clipped to [clip, 1 − clip]. Weighted so,
 * each arm stands for the whole population, and the SMD (definition in {@link Balance}) is that of the pair
 * (a, reference): arm a's mean minus the reference's, over the pooled SD of the unweighted arms. With two arms and
 * e_0 = 1 − e_1 the weights are {@link Balance#weights}'s. Pure function of its arrays.
 */
public final class ArmBalance {
    private ArmBalance() {
    }

    /**
     * Balance of arm {@code arm} against the reference.
     *
     * @param x         n × p covariates (not modified)
     * @param t         n arms in 0..K−1
     * @param e         n × K generalized propensities
     * @param arm       the arm compared with the reference, 1..K−1; it and the reference need a patient each
     * @param names     p feature names
     * @param clip      e is clipped to [clip, 1 − clip] before weighting, 0 ≤ clip &lt; 0.5
     * @param threshold the bound on |SMD| after weighting above which a feature is listed as imbalanced
     * @return the balance with weight summaries {@code arm} 0 (the reference) then {@code arm}
     */
    public static Balance.Result against(double[][] x, int[] t, double[][] e, int arm, List<String> names,
                                         double clip, double threshold) {
        if (x.length != t.length || e.length != t.length) {
            throw new IllegalArgumentException("balance: " + x.length + " rows of x, " + t.length + " arms and "
                    + e.length + " propensity rows");
        }
        if (arm < 1 || !(clip >= 0 && clip < 0.5)) {
            throw new IllegalArgumentException("balance: arm " + arm + " (needs ≥ 1), clip " + clip
                    + " (needs [0, 0.5))");
        }
        List<Integer> rows = new ArrayList<>();
        for (int i = 0; i < t.length; i++) {
            if (t[i] == 0 || t[i] == arm) {
                rows.add(i);
            }
        }
        int m = rows.size();
        double[][] xp = new double[m][];
        int[] tp = new int[m];
        double[] w = new double[m];
        for (int r = 0; r < m; r++) {
            int i = rows.get(r);
            xp[r] = x[i];
            tp[r] = t[i] == arm ? 1 : 0;
            w[r] = 1 / Math.min(1 - clip, Math.max(clip, e[i][t[i]]));
        }
        Balance.Result res = Balance.fromWeights(xp, tp, w, names, threshold);
        List<Balance.WeightSummary> ws = List.of(res.weights().get(0), relabel(res.weights().get(1), arm));
        return new Balance.Result(res.features(), ws, res.maxAbsUnweighted(), res.maxAbsWeighted(),
                res.imbalanced(), res.threshold());
    }

    private static Balance.WeightSummary relabel(Balance.WeightSummary s, int arm) {
        return new Balance.WeightSummary(arm, s.n(), s.sum(), s.min(), s.q1(), s.median(), s.q3(), s.max(),
                s.ess());
    }
}
