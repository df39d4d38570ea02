package org.causalrx.causal.forest;

import org.causalrx.learn.forest.ForestData;
import org.causalrx.learn.forest.ForestSettings;
import org.causalrx.learn.forest.ForestTrainer;
import org.causalrx.learn.forest.RegressionForest;
import org.causalrx.learn.forest.Tree;
import org.causalrx.util.Seeds;

/**
 * Causal forest after GRF (Athey, Tibshirani &amp; Wager 2019; Wager &amp; Athey 2018): centre Y and W by
 * Ŷ = E[Y|x] and Ŵ = E[W|x] (out-of-bag regression forests when not supplied), grow honest subsampled trees
 * on gradient pseudo-outcomes in little bags, and estimate τ(x) by the forest-weighted residual-on-residual
 * slope, with little-bag variance estimates.
 */
public final class CausalForest {
    private final ForestSettings settings;

    public CausalForest(ForestSettings settings) {
        this.settings = settings;
    }

    public CausalForest() {
        this(ForestSettings.defaults());
    }

    public ForestSettings settings() {
        return settings;
    }

    /**
     * @param x    n × p features (row-major)
     * @param y    outcomes
     * @param w    treatment (0/1 or real)
     * @param yHat E[Y|x] for the training rows, ideally out-of-fold; null to fit an OOB regression forest
     * @param wHat E[W|x] for the training rows; null to fit an OOB regression forest
     * @param seed seed of every random step
     */
    public CausalForestModel fit(double[][] x, double[] y, double[] w, double[] yHat, double[] wHat, long seed) {
        ForestData data = ForestData.of(x);
        int n = data.rows();
        check("y", y, n);
        check("w", w, n);
        if (yHat != null) {
            check("yHat", yHat, n);
        }
        if (wHat != null) {
            check("wHat", wHat, n);
        }
        ForestSettings nuisance = nuisanceSettings(settings);
        double[] my = yHat != null ? yHat.clone()
                : new RegressionForest(nuisance).fit(x, y, null, Seeds.derive(seed, "y.hat")).predictOob();
        double[] mw = wHat != null ? wHat.clone()
                : new RegressionForest(nuisance).fit(x, w, null, Seeds.derive(seed, "w.hat")).predictOob();
        double[] yt = new double[n];
        double[] wt = new double[n];
        for (int i = 0; i < n; i++) {
            if (!Double.isFinite(my[i]) || !Double.isFinite(mw[i])) {
                throw new IllegalArgumentException("nuisance estimate for row " + i
                        + " is not finite (too few trees for out-of-bag predictions?)");
            }
            yt[i] = y[i] - my[i];
            wt[i] = w[i] - mw[i];
        }
        Tree[] trees = ForestTrainer.train(data, settings, Seeds.derive(seed, "causal"),
                CausalForestFactory.strategies(yt, wt, settings));
        return new CausalForestModel(trees, data, yt, wt, my, mw, settings);
    }

    /** Settings of the nuisance regression forests: a quarter of the trees (at least 50), no little bags. */
    static ForestSettings nuisanceSettings(ForestSettings settings) {
        return settings.withNumTrees(Math.max(50, settings.numTrees() / 4)).withCiGroupSize(1);
    }

    static void check(String name, double[] v, int n) {
        if (v == null || v.length != n) {
            throw new IllegalArgumentException(name + " must have " + n + " values");
        }
        for (int i = 0; i < n; i++) {
            if (!Double.isFinite(v[i])) {
                throw new IllegalArgumentException(name + "[" + i + "] is not finite: " + v[i]);
            }
        }
    }
}
