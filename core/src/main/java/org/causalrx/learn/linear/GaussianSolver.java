package org.causalrx.learn.linear;

/**
 * Weighted Gaussian elastic net by coordinate descent with covariance updates. Works on the standardised design:
 * minimises {@code ½ Σ wn_i (y_i − ȳ − x_i·β)² + λ[(1−α)/2 ‖β‖² + α‖β‖₁]} using the weighted Gram matrix
 * {@code G = Xᵀ Wn X} and keeping the gradient {@code c − Gβ} for every feature, so one coordinate update costs O(p).
 * Passes alternate between all usable features and the features that have ever been non-zero (active set).
 */
final class GaussianSolver implements PathSolver {
    private final Design d;
    private final int p;
    private final double alpha;
    private final int maxPasses;
    private final double threshold;
    private final double ybar;
    /** Full symmetric p × p Gram matrix, row-major. */
    private final double[] gram;
    private final double[] c;
    /** c − Gβ. */
    private final double[] grad;
    private final double[] beta;
    private final boolean[] everActive;
    private final int[] activeList;
    private int nActive;

    GaussianSolver(Design d, double[] y, double alpha, LinearSettings settings) {
        this.d = d;
        this.p = d.p;
        this.alpha = alpha;
        this.maxPasses = settings.maxPasses();
        int n = d.n;
        double mean = 0;
        for (int i = 0; i < n; i++) {
            mean += d.wn[i] * y[d.rows[i]];
        }
        double[] wy = new double[n];
        double var = 0;
        for (int i = 0; i < n; i++) {
            double r = y[d.rows[i]] - mean;
            wy[i] = d.wn[i] * r;
            var += wy[i] * r;
        }
        this.ybar = mean;
        this.threshold = settings.tolerance() * Math.sqrt(var);
        this.c = new double[p];
        Kernels.crossProduct(d, wy, c);
        int s = d.usable.length;
        double[] small = Kernels.gram(d, d.usable, s, d.wn, false);
        this.gram = new double[p * p];
        for (int a = 0; a < s; a++) {
            for (int b = 0; b < s; b++) {
                gram[d.usable[a] * p + d.usable[b]] = small[a * s + b];
            }
        }
        this.grad = c.clone();
        this.beta = new double[p];
        this.everActive = new boolean[p];
        this.activeList = new int[p];
    }

    @Override
    public double lambdaMax() {
        return PathSolver.lambdaMax(d.usable, c, 0, alpha);
    }

    @Override
    public void solve(double lambda) {
        if (!(threshold > 0)) {
            return; // constant y: all coefficients stay 0
        }
        double l1 = lambda * alpha;
        double l2 = lambda * (1 - alpha);
        PathSolver.passes(maxPasses, threshold, () -> pass(d.usable, d.usable.length, l1, l2),
                () -> pass(activeList, nActive, l1, l2));
    }

    /** Updates {@code features[0..count)} in order; returns the largest |change|. */
    private double pass(int[] features, int count, double l1, double l2) {
        double change = 0;
        for (int a = 0; a < count; a++) {
            change = Math.max(change, update(features[a], l1, l2));
        }
        return change;
    }

    private double update(int j, double l1, double l2) {
        double gjj = gram[j * p + j];
        double old = beta[j];
        double nb = Design.soft(grad[j] + gjj * old, l1) / (gjj + l2);
        double delta = nb - old;
        if (delta == 0) {
            return 0;
        }
        beta[j] = nb;
        int row = j * p;
        for (int k = 0; k < p; k++) {
            grad[k] -= gram[row + k] * delta;
        }
        if (!everActive[j]) {
            everActive[j] = true;
            activeList[nActive++] = j;
        }
        return Math.abs(delta);
    }

    @Override
    public boolean saturated() {
        return false;
    }

    @Override
    public double[] originalCoefficients() {
        return d.toOriginalScale(ybar, beta);
    }
}
