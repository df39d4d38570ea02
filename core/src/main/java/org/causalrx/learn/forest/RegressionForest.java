package org.causalrx.learn.forest;

import org.causalrx.learn.Regressor;

/**
 * Honest regression forest (grf's regression_forest): subsampled CART trees on variance reduction, leaves
 * filled with held-out rows, prediction = average of leaf means = the forest-weighted mean of y.
 * Out-of-bag predictions for the training rows come from {@link RegressionForestModel#predictOob()}.
 */
public final class RegressionForest implements Regressor {
    private final ForestSettings settings;

    public RegressionForest(ForestSettings settings) {
        this.settings = settings;
    }

    /** grf defaults, but little bags off (no variance estimates needed for a base learner). */
    public RegressionForest() {
        this(ForestSettings.defaults().withCiGroupSize(1));
    }

    public ForestSettings settings() {
        return settings;
    }

    @Override
    public RegressionForestModel fit(double[][] x, double[] y, double[] w, long seed) {
        ForestData data = ForestData.of(x);
        int n = data.n;
        if (y == null || y.length != n) {
            throw new IllegalArgumentException("y must have " + n + " values");
        }
        for (int i = 0; i < n; i++) {
            if (!Double.isFinite(y[i])) {
                throw new IllegalArgumentException("y[" + i + "] is not finite: " + y[i]);
            }
        }
        double[] yy = y.clone();
        double[] ww = null;
        if (w != null) {
            if (w.length != n) {
                throw new IllegalArgumentException("w must have " + n + " values");
            }
            double total = 0;
            for (int i = 0; i < n; i++) {
                if (!(w[i] >= 0) || !Double.isFinite(w[i])) {
                    throw new IllegalArgumentException("w[" + i + "] must be finite and non-negative: " + w[i]);
                }
                total += w[i];
            }
            if (!(total > 0)) {
                throw new IllegalArgumentException("sample weights sum to zero");
            }
            ww = w.clone();
        }
        final double[] weights = ww;
        Tree[] trees = ForestTrainer.train(data, settings, seed, () -> new ForestTrainer.Strategies() {
            private final Relabeling identity = new Relabeling() {
                private final double[] local = new double[n];

                @Override
                public void beginTree(int[] splitRows) {
                    for (int q = 0; q < splitRows.length; q++) {
                        local[q] = yy[splitRows[q]];
                    }
                }

                @Override
                public double[] relabel(int[] rows, int lo, int hi, double[] scratch) {
                    return local;
                }
            };
            private final SplittingRule rule =
                    new RegressionSplittingRule(weights, settings.alpha(), settings.imbalancePenalty());

            @Override
            public Relabeling relabeling() {
                return identity;
            }

            @Override
            public SplittingRule splittingRule() {
                return rule;
            }
        });
        return new RegressionForestModel(trees, data, yy, weights, settings.threads());
    }

    @Override
    public String name() {
        return "forest";
    }
}
