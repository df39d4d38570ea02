package org.causalrx.learn.linear;

/**
 * Weighted penalised logistic regression by the glmnet proximal-Newton (IRLS) outer loop with a coordinate-descent
 * inner solver in covariance mode, on the standardised design. Minimises
 * {@code −Σ wn_i [t_i η_i − log(1 + e^{η_i})] + λ[(1−α)/2 ‖β‖² + α‖β‖₁]}, {@code η = β0 + x·β}.
 *
 * <p>Each outer step computes the exact gradient, then minimises the penalised quadratic model built from the
 * weighted Gram matrix {@code Σ v_i z_i z_iᵀ} ({@code z_i = (1, x_i)} over the strong features,
 * {@code v_i = wn_i p_i(1−p_i)}) by coordinate descent. The Gram matrix costs O(n s²) while a CD pass on it costs
 * O(s²), so it is reused while the linear predictor has moved little since it was built (a quasi-Newton step; the
 * fixed point is still the exact optimum because the gradient is exact). Sequential strong rules screen features at
 * each λ, and a KKT check over all features follows.
 *
 * <p>Guards: the curvature uses probabilities clipped to [1e-5, 1 − 1e-5]; at most {@value #MAX_OUTER} outer steps
 * and {@code maxPasses} inner passes per λ; once the training deviance falls below 0.1% of the null deviance
 * (separated classes) later λ keep that solution, and likewise (optionally, like glmnet) once the fraction of
 * deviance explained gains less than 1e-5 per λ.
 */
final class LogisticSolver implements PathSolver {
    static final double P_MIN = 1e-5;
    static final int MAX_OUTER = 50;
    /** Rebuild the Gram matrix once any linear predictor has moved this much since it was built. */
    private static final double MAX_ETA_SHIFT = 1.0;
    /** ... or when a step with a reused Gram matrix shrank by less than this factor. */
    private static final double SLOW_CONVERGENCE = 0.2;

    private final Design d;
    private final int n;
    private final int p;
    private final double alpha;
    private final int maxPasses;
    private final double threshold;
    private final double[] y;
    private final double[] eta;
    private final double[] etaAtGram;
    private final double[] rho;
    private final double[] v;
    private final double[] beta;
    /** Gradient of the log-likelihood part: [0] intercept, [1 + j] feature j. */
    private final double[] grad;
    private final double[] gradX;
    private final StrongRules rules;
    private int[] strongIdx;
    private double[] gram;
    private double beta0;
    private final double nullDeviance;
    private int passesLeft;

    /**
     * @param earlyStop if true, stop moving along the path once the deviance explained stops improving
     */
    LogisticSolver(Design d, double[] t, double alpha, LinearSettings settings, boolean earlyStop) {
        this.d = d;
        this.n = d.n;
        this.p = d.p;
        this.alpha = alpha;
        this.maxPasses = settings.maxPasses();
        this.threshold = settings.tolerance();
        this.y = new double[n];
        double ybar = 0;
        for (int i = 0; i < n; i++) {
            y[i] = t[d.rows[i]];
            ybar += d.wn[i] * y[i];
        }
        double p0 = Math.min(Math.max(ybar, P_MIN), 1 - P_MIN);
        this.beta0 = Math.log(p0 / (1 - p0));
        this.eta = new double[n];
        java.util.Arrays.fill(eta, beta0);
        this.etaAtGram = new double[n];
        this.rho = new double[n];
        this.v = new double[n];
        this.beta = new double[p];
        this.grad = new double[p + 1];
        this.gradX = new double[p];
        this.rules = new StrongRules(d.usable, p, alpha, earlyStop);
        this.strongIdx = rules.indices();
        computeGradient();
        this.nullDeviance = deviance();
    }

    @Override
    public double lambdaMax() {
        return PathSolver.lambdaMax(d.usable, grad, 1, alpha);
    }

    @Override
    public void solve(double lambda) {
        if (rules.saturated()) {
            return;
        }
        rules.screen(lambda, beta, grad);
        useStrong();
        double l1 = lambda * alpha;
        double l2 = lambda * (1 - alpha);
        passesLeft = maxPasses;
        boolean rebuild = false;
        double previousChange = Double.POSITIVE_INFINITY;
        for (int step = 0; step < MAX_OUTER && passesLeft > 0; step++) {
            boolean fresh = gram == null || rebuild || etaShift() > MAX_ETA_SHIFT;
            if (fresh) {
                buildGram();
            }
            double[] b = innerSolve(l1, l2);
            double change = Math.abs(b[0] - beta0);
            for (int a = 0; a < strongIdx.length; a++) {
                change = Math.max(change, Math.abs(b[a + 1] - beta[strongIdx[a]]));
            }
            if (change <= threshold) {
                if (!rules.admitKktViolators(l1, grad)) {
                    break;
                }
                useStrong();
                previousChange = Double.POSITIVE_INFINITY;
                continue;
            }
            // a stale curvature that no longer gives fast convergence is rebuilt before the next step
            rebuild = !fresh && change > SLOW_CONVERGENCE * previousChange;
            previousChange = change;
            applyStep(b);
            computeGradient();
        }
        rules.solved(lambda, nullDeviance > 0 ? 1 - deviance() / nullDeviance : 1);
    }

    @Override
    public boolean saturated() {
        return rules.saturated();
    }

    /** Takes the strong set of {@link #rules}, carrying the Gram matrix over to it when the set changed. */
    private void useStrong() {
        int[] now = rules.indices();
        if (now != strongIdx) {
            int[] old = strongIdx;
            strongIdx = now;
            if (gram != null) {
                gram = Kernels.remapGram(gram, old, strongIdx, d, v);
            }
        }
    }

    private double etaShift() {
        double m = 0;
        for (int i = 0; i < n; i++) {
            m = Math.max(m, Math.abs(eta[i] - etaAtGram[i]));
        }
        return m;
    }

    private void buildGram() {
        for (int i = 0; i < n; i++) {
            double pc = Math.min(Math.max(sigmoid(eta[i]), P_MIN), 1 - P_MIN);
            v[i] = d.wn[i] * pc * (1 - pc);
        }
        gram = Kernels.gram(d, strongIdx, strongIdx.length, v, true);
        System.arraycopy(eta, 0, etaAtGram, 0, n);
    }

    /**
     * Coordinate descent on {@code −gᵀ(b − β) + ½ (b − β)ᵀ G (b − β) + penalty(b)} over (intercept, strong features);
     * returns b. Keeps {@code q = g − G(b − β)} so that one update costs O(s).
     */
    private double[] innerSolve(double l1, double l2) {
        int m = strongIdx.length + 1;
        double[] b = new double[m];
        double[] q = new double[m];
        b[0] = beta0;
        q[0] = grad[0];
        for (int a = 1; a < m; a++) {
            b[a] = beta[strongIdx[a - 1]];
            q[a] = grad[strongIdx[a - 1] + 1];
        }
        double innerThreshold = threshold * 0.1;
        while (passesLeft > 0) {
            passesLeft--;
            double change = 0;
            for (int a = 0; a < m; a++) {
                double h = gram[a * m + a];
                if (!(h > 0)) {
                    continue;
                }
                double nb;
                if (a == 0) {
                    nb = b[0] + q[0] / h;
                } else {
                    if (b[a] == 0 && Math.abs(q[a]) <= l1) {
                        continue;
                    }
                    nb = Design.soft(q[a] + h * b[a], l1) / (h + l2);
                }
                double delta = nb - b[a];
                if (delta == 0) {
                    continue;
                }
                b[a] = nb;
                int row = a * m;
                for (int k = 0; k < m; k++) {
                    q[k] -= gram[row + k] * delta;
                }
                change = Math.max(change, Math.abs(delta));
            }
            if (change <= innerThreshold) {
                break;
            }
        }
        return b;
    }

    private void applyStep(double[] b) {
        double d0 = b[0] - beta0;
        beta0 = b[0];
        if (d0 != 0) {
            for (int i = 0; i < n; i++) {
                eta[i] += d0;
            }
        }
        // the changed features in strong-set order; each eta[i] receives their terms in that order (as a loop over
        // the features, each over the rows, would add them), read along the row-major design's rows
        int[] changed = new int[strongIdx.length];
        double[] deltas = new double[strongIdx.length];
        int k = 0;
        for (int a = 0; a < strongIdx.length; a++) {
            int j = strongIdx[a];
            double delta = b[a + 1] - beta[j];
            if (delta != 0) {
                beta[j] = b[a + 1];
                changed[k] = j;
                deltas[k++] = delta;
            }
        }
        if (k == 0) {
            return;
        }
        double[] x = d.rowMajor;
        int changes = k;
        // each row on its own (blocks of rows on several threads from Kernels.PARALLEL_ROWS rows: the same bits)
        Kernels.forBlocks(n, (from, to) -> {
            if (x == null) { // a view design: its raw rows, standardised as read (the stored values)
                for (int i = from; i < to; i++) {
                    double[] row = d.rawRow(i);
                    double e = eta[i];
                    for (int c = 0; c < changes; c++) {
                        int j = changed[c];
                        e += deltas[c] * d.standardised(row[j], j);
                    }
                    eta[i] = e;
                }
                return;
            }
            for (int i = from; i < to; i++) {
                int base = i * p;
                double e = eta[i];
                for (int c = 0; c < changes; c++) {
                    e += deltas[c] * x[base + changed[c]];
                }
                eta[i] = e;
            }
        });
    }

    /** Exact gradient of the weighted log-likelihood at the current η. */
    private void computeGradient() {
        double s = 0;
        for (int i = 0; i < n; i++) {
            rho[i] = d.wn[i] * (y[i] - sigmoid(eta[i]));
            s += rho[i];
        }
        grad[0] = s;
        Kernels.crossProduct(d, rho, gradX);
        System.arraycopy(gradX, 0, grad, 1, p);
    }

    private double deviance() {
        double dev = 0;
        for (int i = 0; i < n; i++) {
            if (d.wn[i] > 0) {
                dev += d.wn[i] * pointDeviance(eta[i], y[i]);
            }
        }
        return dev;
    }

    /** Deviance contribution of one observation, probabilities clipped to [1e-5, 1 − 1e-5]. */
    static double pointDeviance(double eta, double t) {
        double pr = Math.min(Math.max(sigmoid(eta), P_MIN), 1 - P_MIN);
        return -2 * (t * Math.log(pr) + (1 - t) * Math.log(1 - pr));
    }

    /** Numerically stable logistic function. */
    static double sigmoid(double z) {
        if (z >= 0) {
            return 1 / (1 + Math.exp(-z));
        }
        double e = Math.exp(z);
        return e / (1 + e);
    }

    @Override
    public double[] originalCoefficients() {
        return d.toOriginalScale(beta0, beta);
    }
}
