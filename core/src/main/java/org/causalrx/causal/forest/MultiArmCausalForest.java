package org.causalrx.causal.forest;

import org.causalrx.causal.MultiArmCateEstimator;
import org.causalrx.learn.forest.ForestData;
import org.causalrx.learn.forest.ForestSettings;
import org.causalrx.learn.forest.ForestTrainer;
import org.causalrx.learn.forest.RegressionForest;
import org.causalrx.learn.forest.Tree;
import org.causalrx.util.Seeds;

/**
 * Multi-arm causal forest after GRF (Athey, Tibshirani &amp; Wager 2019), the K-arm form of {@link CausalForest}:
 * centre Y by Ŷ = E[Y|x] and the arm indicators 1[T = a], a = 1..K−1, by ê_a(x) = P(T = a|x) (out-of-bag
 * regression forests, one per non-reference arm, when not supplied), grow honest subsampled trees on the
 * (K − 1)-dimensional gradient pseudo-outcomes of {@link MultiArmGradientRelabeling} split by
 * {@link MultiArmSplittingRule}, and estimate τ(x) = (τ_1(x), …, τ_{K−1}(x)) by the forest-weighted multivariate
 * residual-on-residual regression. With K = 2 every step, seed included, is that of {@link CausalForest}: its
 * column 1 equals {@code CausalForest.effect} bit for bit. A configuration: {@code fit} returns a new model.
 */
public final class MultiArmCausalForest implements MultiArmCateEstimator {
    private final ForestSettings settings;

    public MultiArmCausalForest(ForestSettings settings) {
        this.settings = settings;
    }

    public MultiArmCausalForest() {
        this(ForestSettings.defaults());
    }

    public ForestSettings settings() {
        return settings;
    }

    @Override
    public String name() {
        return "causal_forest";
    }

    @Override
    public MultiArmCausalForestModel fit(double[][] x, int[] t, int k, double[] y, long seed) {
        return fit(x, t, k, y, null, null, seed);
    }

    /**
     * @param x    n × p features (row-major, not modified)
     * @param t    n arms in {0, …, k − 1}; every arm must occur
     * @param k    number of arms K ≥ 2
     * @param y    n outcomes
     * @param yHat E[Y|x] for the training rows (n values, ideally out-of-fold); null to fit an OOB regression forest
     * @param eHat propensities for the training rows (n × K, column a = P(T = a|x), column 0 unused); null to fit
     *             one OOB regression forest per non-reference arm indicator
     * @param seed seed of every random step (arm a's propensity forest: "w.hat" for a = 1, "w.hat.a" after)
     */
    public MultiArmCausalForestModel fit(double[][] x, int[] t, int k, double[] y, double[] yHat, double[][] eHat,
                                         long seed) {
        ForestData data = ForestData.of(x);
        int n = data.rows();
        checkArms(t, k, n);
        CausalForest.check("y", y, n);
        if (yHat != null) {
            CausalForest.check("yHat", yHat, n);
        }
        double[][] e = eHat != null ? copyPropensities(eHat, n, k) : null;
        ForestSettings nuisance = CausalForest.nuisanceSettings(settings);
        double[] my = yHat != null ? yHat.clone()
                : new RegressionForest(nuisance).fit(x, y, null, Seeds.derive(seed, "y.hat")).predictOob();
        if (e == null) {
            e = new double[n][k];
            for (int a = 1; a < k; a++) {
                double[] ind = new double[n];
                for (int i = 0; i < n; i++) {
                    ind[i] = t[i] == a ? 1 : 0;
                }
                long s = Seeds.derive(seed, a == 1 ? "w.hat" : "w.hat." + a);
                double[] ea = new RegressionForest(nuisance).fit(x, ind, null, s).predictOob();
                for (int i = 0; i < n; i++) {
                    e[i][a] = ea[i];
                }
            }
            for (int i = 0; i < n; i++) {
                double rest = 1;
                for (int a = 1; a < k; a++) {
                    rest -= e[i][a];
                }
                e[i][0] = rest;
            }
        }
        int d = k - 1;
        double[] yt = new double[n];
        double[] wt = new double[n * d];
        for (int i = 0; i < n; i++) {
            if (!Double.isFinite(my[i])) {
                throw new IllegalArgumentException("nuisance estimate for row " + i
                        + " is not finite (too few trees for out-of-bag predictions?)");
            }
            yt[i] = y[i] - my[i];
            for (int a = 1; a < k; a++) {
                if (!Double.isFinite(e[i][a])) {
                    throw new IllegalArgumentException("propensity of arm " + a + " for row " + i
                            + " is not finite (too few trees for out-of-bag predictions?)");
                }
                wt[i * d + a - 1] = (t[i] == a ? 1 : 0) - e[i][a];
            }
        }
        Tree[] trees = ForestTrainer.train(data, settings, Seeds.derive(seed, "causal"),
                MultiArmCausalForestFactory.strategies(yt, wt, d, settings));
        return new MultiArmCausalForestModel(trees, data, k, yt, wt, my, e, settings.threads());
    }

    private static void checkArms(int[] t, int k, int n) {
        if (k < 2) {
            throw new IllegalArgumentException("a multi-arm forest needs K >= 2 arms, got " + k);
        }
        if (t == null || t.length != n) {
            throw new IllegalArgumentException("t must have " + n + " values");
        }
        boolean[] seen = new boolean[k];
        for (int i = 0; i < n; i++) {
            if (t[i] < 0 || t[i] >= k) {
                throw new IllegalArgumentException("t[" + i + "] = " + t[i] + " is not an arm in 0.." + (k - 1));
            }
            seen[t[i]] = true;
        }
        for (int a = 0; a < k; a++) {
            if (!seen[a]) {
                throw new IllegalArgumentException("arm " + a + " has no rows");
            }
        }
    }

    private static double[][] copyPropensities(double[][] eHat, int n, int k) {
        if (eHat.length != n) {
            throw new IllegalArgumentException("eHat must have " + n + " rows");
        }
        double[][] out = new double[n][];
        for (int i = 0; i < n; i++) {
            if (eHat[i] == null || eHat[i].length != k) {
                throw new IllegalArgumentException("eHat row " + i + " must have " + k + " columns");
            }
            out[i] = eHat[i].clone();
        }
        return out;
    }
}
