package org.causalrx.learn.linear;

/**
 * Weighted penalised logistic regression on a {@link Design.Layout#SPARSE} design: the objective, strong rules, KKT
 * check, stopping rules and guards of {@link LogisticSolver}, but the inner coordinate descent works on the
 * weighted working residual ("naive" mode, as glmnet does for sparse inputs) instead of a Gram matrix, so one
 * coordinate update costs O(non-zeros of the column) and nothing is O(p²). The curvature weights
 * {@code v_i = wn_i p_i(1−p_i)} are recomputed at every outer (Newton) step, which costs one pass.
 *
 * <p>The working residual of the quadratic model is {@code ρ_i = rs_i + c·v_i}: changing the coefficient of a
 * standardised sparse column {@code (e − centre)/sd} (e = 0 off its stored rows, see {@link Design}) by δ changes
 * {@code rs} on the stored rows only and adds {@code δ·centre/sd} to the scalar c; changing the intercept by δ
 * subtracts δ from c.
 */
final class SparseLogisticSolver implements PathSolver {
    private final Design d;
    private final int n;
    private final int p;
    private final double alpha;
    private final int maxPasses;
    private final double threshold;
    private final double[] y;
    private final double[] eta;
    /** Fitted probabilities at the current η (unclipped). */
    private final double[] prob;
    /** wn_i (y_i − p_i) at the current η. */
    private final double[] rho;
    private final double[] v;
    private double sumV;
    private boolean weightsStale = true;
    private int weightEpoch;
    /** Per feature: the weight epoch its curvature entries below were computed for (0 = never). */
    private final int[] stamp;
    /** Σ v_i x_ij², Σ v_i x_ij and (sparse columns) Σ_nz v_i raw_ij per feature. */
    private final double[] h;
    private final double[] xv;
    private final double[] vRaw;
    private final double[] rs;
    private final double[] beta;
    /** Gradient of the log-likelihood part: [0] intercept, [1 + j] feature j. */
    private final double[] grad;
    private final StrongRules rules;
    private int[] strongIdx;
    private double beta0;
    private final double nullDeviance;
    private int passesLeft;

    /**
     * @param earlyStop if true, stop moving along the path once the deviance explained stops improving
     */
    SparseLogisticSolver(Design d, double[] t, double alpha, LinearSettings settings, boolean earlyStop) {
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
        double p0 = Math.min(Math.max(ybar, LogisticSolver.P_MIN), 1 - LogisticSolver.P_MIN);
        this.beta0 = Math.log(p0 / (1 - p0));
        this.eta = new double[n];
        java.util.Arrays.fill(eta, beta0);
        this.prob = new double[n];
        this.rho = new double[n];
        this.v = new double[n];
        this.rs = new double[n];
        this.stamp = new int[p];
        this.h = new double[p];
        this.xv = new double[p];
        this.vRaw = new double[p];
        this.beta = new double[p];
        this.grad = new double[p + 1];
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
        strongIdx = rules.indices();
        double l1 = lambda * alpha;
        double l2 = lambda * (1 - alpha);
        passesLeft = maxPasses;
        for (int step = 0; step < LogisticSolver.MAX_OUTER && passesLeft > 0; step++) {
            double[] b = innerSolve(l1, l2);
            double change = Math.abs(b[0] - beta0);
            for (int a = 0; a < strongIdx.length; a++) {
                change = Math.max(change, Math.abs(b[a + 1] - beta[strongIdx[a]]));
            }
            if (change <= threshold) {
                if (!rules.admitKktViolators(l1, grad)) {
                    break;
                }
                strongIdx = rules.indices();
                continue;
            }
            applyStep(b);
            computeGradient();
        }
        rules.solved(lambda, nullDeviance > 0 ? 1 - deviance() / nullDeviance : 1);
    }

    @Override
    public boolean saturated() {
        return rules.saturated();
    }

    /** Curvature weights at the current η, and the per-feature sums of the strong features. */
    private void prepareCurvature() {
        if (weightsStale) {
            double s = 0;
            for (int i = 0; i < n; i++) {
                double pc = Math.min(Math.max(prob[i], LogisticSolver.P_MIN), 1 - LogisticSolver.P_MIN);
                v[i] = d.wn[i] * pc * (1 - pc);
                s += v[i];
            }
            sumV = s;
            weightEpoch++;
            weightsStale = false;
        }
        for (int j : strongIdx) {
            if (stamp[j] == weightEpoch) {
                continue;
            }
            stamp[j] = weightEpoch;
            h[j] = d.weightedSquare(j, v, sumV);
            xv[j] = d.dot(j, v, sumV);
            if (d.isSparse(j)) {
                int[] idx = d.nzRows[j];
                double[] val = d.nzRaw[j];
                double s = 0;
                for (int k = 0; k < idx.length; k++) {
                    s += v[idx[k]] * val[k];
                }
                vRaw[j] = s;
            }
        }
    }

    /**
     * Coordinate descent on {@code −gᵀ(b − β) + ½ (b − β)ᵀ H (b − β) + penalty(b)} over (intercept, strong features),
     * {@code H = Σ v_i z_i z_iᵀ}; returns b. Keeps the working residual {@code ρ = g-residual − V Z (b − β)}.
     */
    private double[] innerSolve(double l1, double l2) {
        prepareCurvature();
        int m = strongIdx.length + 1;
        double[] b = new double[m];
        b[0] = beta0;
        for (int a = 1; a < m; a++) {
            b[a] = beta[strongIdx[a - 1]];
        }
        System.arraycopy(rho, 0, rs, 0, n);
        double sumRs = grad[0];
        double c = 0;
        double innerThreshold = threshold * 0.1;
        while (passesLeft > 0) {
            passesLeft--;
            double change = 0;
            if (sumV > 0) {
                double delta = (sumRs + c * sumV) / sumV;
                if (delta != 0) {
                    b[0] += delta;
                    c -= delta;
                    change = Math.abs(delta);
                }
            }
            for (int a = 1; a < m; a++) {
                int j = strongIdx[a - 1];
                double hj = h[j];
                if (!(hj > 0)) {
                    continue;
                }
                boolean sparse = d.isSparse(j);
                double q = (sparse ? sparseDot(j, sumRs) : Design.dot(d.cols[j], rs, n)) + c * xv[j];
                if (b[a] == 0 && Math.abs(q) <= l1) {
                    continue;
                }
                double nb = Design.soft(q + hj * b[a], l1) / (hj + l2);
                double delta = nb - b[a];
                if (delta == 0) {
                    continue;
                }
                b[a] = nb;
                if (sparse) {
                    int[] idx = d.nzRows[j];
                    double[] val = d.nzRaw[j];
                    double step = delta / d.sd[j];
                    for (int k = 0; k < idx.length; k++) {
                        int i = idx[k];
                        rs[i] -= step * v[i] * val[k];
                    }
                    sumRs -= step * vRaw[j];
                    c += step * d.centre[j];
                } else {
                    double[] x = d.cols[j];
                    for (int i = 0; i < n; i++) {
                        rs[i] -= delta * v[i] * x[i];
                    }
                    sumRs -= delta * xv[j];
                }
                change = Math.max(change, Math.abs(delta));
            }
            if (change <= innerThreshold) {
                break;
            }
        }
        return b;
    }

    /** {@code Σ_i x_ij rs_i} for a sparse column, given {@code Σ_i rs_i}. */
    private double sparseDot(int j, double sumRs) {
        int[] idx = d.nzRows[j];
        double[] val = d.nzRaw[j];
        double s = 0;
        for (int k = 0; k < idx.length; k++) {
            s += val[k] * rs[idx[k]];
        }
        return (s - d.centre[j] * sumRs) / d.sd[j];
    }

    private void applyStep(double[] b) {
        double shift = b[0] - beta0;
        beta0 = b[0];
        for (int a = 0; a < strongIdx.length; a++) {
            int j = strongIdx[a];
            double delta = b[a + 1] - beta[j];
            if (delta == 0) {
                continue;
            }
            beta[j] = b[a + 1];
            if (d.isSparse(j)) {
                int[] idx = d.nzRows[j];
                double[] val = d.nzRaw[j];
                double step = delta / d.sd[j];
                for (int k = 0; k < idx.length; k++) {
                    eta[idx[k]] += step * val[k];
                }
                shift -= step * d.centre[j];
            } else {
                double[] x = d.cols[j];
                for (int i = 0; i < n; i++) {
                    eta[i] += delta * x[i];
                }
            }
        }
        if (shift != 0) {
            for (int i = 0; i < n; i++) {
                eta[i] += shift;
            }
        }
        weightsStale = true;
    }

    /** Exact gradient of the weighted log-likelihood at the current η, for the intercept and every feature. */
    private void computeGradient() {
        double s = 0;
        for (int i = 0; i < n; i++) {
            prob[i] = LogisticSolver.sigmoid(eta[i]);
            rho[i] = d.wn[i] * (y[i] - prob[i]);
            s += rho[i];
        }
        grad[0] = s;
        for (int j : d.usable) {
            grad[j + 1] = d.dot(j, rho, s);
        }
    }

    private double deviance() {
        double dev = 0;
        for (int i = 0; i < n; i++) {
            if (d.wn[i] > 0) {
                dev += d.wn[i] * LogisticSolver.pointDeviance(eta[i], y[i]);
            }
        }
        return dev;
    }

    @Override
    public double[] originalCoefficients() {
        return d.toOriginalScale(beta0, beta);
    }
}
