package org.causalrx.causal;

import java.util.ArrayList;
import java.util.List;

import org.causalrx.learn.RegressionModel;
import org.causalrx.learn.Regressor;
import org.causalrx.util.Seeds;
import org.causalrx.util.Stats;

/**
 * Multi-arm T-learner: one outcome model per arm, mu_a fit on the rows of arm a with seed
 * {@code Seeds.derive(seed, a)}; tau_a(x) = mu_a(x) − mu_0(x). With K = 2 it is {@link TLearner} (same models, same
 * seeds, the same effects bit for bit).
 *
 * @param name    estimator name, e.g. "t_xgboost"
 * @param learner the base regressor used for every arm
 */
public record MultiArmTLearner(String name, Regressor learner) implements MultiArmCateEstimator {

    /** Fits mu_a on the rows of each arm a (x n × p, t in 0..k−1 with every arm present, y n outcomes). */
    @Override
    public Fitted fit(double[][] x, int[] t, int k, double[] y, long seed) {
        int[][] rows = armRows(t, k);
        List<RegressionModel> mu = new ArrayList<>();
        for (int a = 0; a < k; a++) {
            mu.add(learner.fit(Stats.select(x, rows[a]), Stats.select(y, rows[a]), null, null, Seeds.derive(seed, a)));
        }
        return new Fitted(name, mu);
    }

    /**
     * Row indices of each arm 0..k−1.
     *
     * @throws IllegalArgumentException when an arm is outside 0..k−1 or has no rows
     */
    public static int[][] armRows(int[] t, int k) {
        if (k < 2) {
            throw new IllegalArgumentException("a multi-arm estimator needs at least 2 arms, got " + k);
        }
        for (int i = 0; i < t.length; i++) {
            if (t[i] < 0 || t[i] >= k) {
                throw new IllegalArgumentException("row " + i + " has arm " + t[i] + ", outside 0.." + (k - 1));
            }
        }
        int[][] rows = new int[k][];
        for (int a = 0; a < k; a++) {
            rows[a] = Stats.indicesOf(t, a);
            if (rows[a].length == 0) {
                throw new IllegalArgumentException("arm " + a + " has no rows; every arm needs patients");
            }
        }
        return rows;
    }

    /**
     * The K fitted arm models.
     *
     * @param name estimator name
     * @param mu   mu_0 … mu_{K−1}
     */
    public record Fitted(String name, List<RegressionModel> mu) implements MultiArmCateModel, MultiArmOutcomeModel {
        public Fitted {
            mu = List.copyOf(mu);
        }

        @Override
        public int arms() {
            return mu.size();
        }

        @Override
        public double[] mu(double[][] x, int arm) {
            return mu.get(arm).predict(x);
        }

        /** n × K: column a is mu_a(x) − mu_0(x), column 0 is 0. */
        @Override
        public double[][] effects(double[][] x) {
            double[] base = mu(x, 0);
            double[][] out = new double[x.length][arms()];
            for (int a = 1; a < arms(); a++) {
                double[] m = mu(x, a);
                for (int i = 0; i < x.length; i++) {
                    out[i][a] = m[i] - base[i];
                }
            }
            return out;
        }
    }
}
