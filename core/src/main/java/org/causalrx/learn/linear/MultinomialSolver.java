package org.causalrx.learn.linear;

import java.util.Arrays;

/**
 * Weighted penalised multinomial logistic regression on the standardised (dense) design, symmetric parametrisation:
 * every class k of K has an intercept β0_k and coefficients β_k, {@code P(k|x) = e^{η_k} / Σ_l e^{η_l}},
 * {@code η_k = β0_k + x·β_k}. Minimises
 * {@code −Σ wn_i log P(t_i|x_i) + λ Σ_k [(1−α)/2 ‖β_k‖² + α‖β_k‖₁]} (intercepts unpenalised).
 *
 * <p>The glmnet multinomial scheme (Friedman, Hastie &amp; Tibshirani 2010, §4, "ungrouped"): cycle over the
 * classes; for class k build the quadratic approximation of the log-likelihood in (β0_k, β_k) with the others fixed
 * (curvature {@code v_i = wn_i p_ik(1 − p_ik)}, probabilities clipped to [1e-5, 1 − 1e-5]) and minimise it
 * penalised by coordinate descent (active-set cycling, residual updates); the step is halved while it raises the
 * penalised objective. After each cycle the coefficients of each feature are shifted by the constant that
 * minimises the penalty (mean for ridge, a median for the lasso) and the intercepts are centred on 0: the
 * likelihood is unchanged by such shifts, so this only lowers the objective and removes the flat direction.
 */
final class MultinomialSolver implements PathSolver {
    static final double P_MIN = LogisticSolver.P_MIN;
    private static final int MAX_CYCLES = 500;
    private static final int MAX_HALVINGS = 30;

    private final Design d;
    private final int n;
    private final int p;
    private final int k;
    private final double alpha;
    private final int maxPasses;
    private final double threshold;
    private final boolean earlyStop;
    /** Class of each design row. */
    private final int[] y;
    private final double[] beta0;
    /** K × p standardised coefficients. */
    private final double[][] beta;
    /** K × n linear predictors. */
    private final double[][] eta;
    /** K × n class probabilities at {@link #eta}. */
    private double[][] prob;
    /** −Σ wn_i log P(t_i|x_i) at {@link #eta}. */
    private double nll;
    private final double nullDeviance;
    private double lambda;
    private double lastExplained;
    private int solved;
    private boolean saturated;
    private int passesLeft;

    /**
     * @param t         class per row of the caller's arrays (0..classes−1; every class has positive weight)
     * @param earlyStop if true, stop moving along the path once the deviance explained stops improving
     */
    MultinomialSolver(Design d, int[] t, int classes, double alpha, LinearSettings settings, boolean earlyStop) {
        this.d = d;
        this.n = d.n;
        this.p = d.p;
        this.k = classes;
        this.alpha = alpha;
        this.maxPasses = settings.maxPasses();
        this.threshold = settings.tolerance();
        this.earlyStop = earlyStop;
        this.y = new int[n];
        double[] share = new double[k];
        for (int i = 0; i < n; i++) {
            y[i] = t[d.rows[i]];
            share[y[i]] += d.wn[i];
        }
        this.beta0 = new double[k];
        double meanLog = 0;
        for (int c = 0; c < k; c++) {
            beta0[c] = Math.log(Math.max(share[c], P_MIN));
            meanLog += beta0[c] / k;
        }
        this.beta = new double[k][p];
        this.eta = new double[k][n];
        for (int c = 0; c < k; c++) {
            beta0[c] -= meanLog;
            Arrays.fill(eta[c], beta0[c]);
        }
        this.prob = new double[k][n];
        this.nll = evaluate(-1, null, prob);
        this.nullDeviance = deviance();
    }

    @Override
    public double lambdaMax() {
        double[][] pr = prob;
        double m = 0;
        for (int c = 0; c < k; c++) {
            double[] r = new double[n];
            double sum = 0;
            for (int i = 0; i < n; i++) {
                r[i] = d.wn[i] * ((y[i] == c ? 1 : 0) - pr[c][i]);
                sum += r[i];
            }
            for (int j : d.usable) {
                m = Math.max(m, Math.abs(d.dot(j, r, sum)));
            }
        }
        return m / Math.max(alpha, 1e-3);
    }

    @Override
    public void solve(double lam) {
        if (saturated) {
            return;
        }
        this.lambda = lam;
        passesLeft = maxPasses;
        for (int cycle = 0; cycle < MAX_CYCLES && passesLeft > 0; cycle++) {
            double change = 0;
            for (int c = 0; c < k; c++) {
                change = Math.max(change, classStep(c));
            }
            centre();
            if (change <= threshold) {
                break;
            }
        }
        solved++;
        double explained = nullDeviance > 0 ? 1 - deviance() / nullDeviance : 1;
        saturated = explained > 1 - StrongRules.SATURATED_DEVIANCE_RATIO
                || earlyStop && solved > StrongRules.MIN_PATH_LENGTH
                && explained - lastExplained < StrongRules.MIN_DEVIANCE_GAIN;
        lastExplained = explained;
    }

    @Override
    public boolean saturated() {
        return saturated;
    }

    /** One penalised quadratic step for class c; returns the largest coefficient change it made. */
    private double classStep(int c) {
        double[][] pr = prob;
        double[] v = new double[n];
        double[] r = new double[n];
        for (int i = 0; i < n; i++) {
            double pc = Math.min(Math.max(pr[c][i], P_MIN), 1 - P_MIN);
            v[i] = d.wn[i] * pc * (1 - pc);
            r[i] = d.wn[i] * ((y[i] == c ? 1 : 0) - pr[c][i]);
        }
        double[] b = MultinomialQuadratic.minimise(d, v, r, beta0[c], beta[c], lambda * alpha,
                lambda * (1 - alpha), threshold * 0.1, this::takePass);
        double delta0 = b[0] - beta0[c];
        double[] delta = new double[p];
        for (int j = 0; j < p; j++) {
            delta[j] = b[j + 1] - beta[c][j];
        }
        double[] move = MultinomialQuadratic.direction(d, delta0, delta);
        double before = nll + penalty();
        double oldBeta0 = beta0[c];
        double[] oldBeta = beta[c].clone();
        double[] trialEta = new double[n];
        double[][] trialProb = new double[k][n];
        double step = 1;
        for (int h = 0; ; h++) {
            for (int i = 0; i < n; i++) {
                trialEta[i] = eta[c][i] + step * move[i];
            }
            beta0[c] = oldBeta0 + step * delta0;
            for (int j = 0; j < p; j++) {
                beta[c][j] = oldBeta[j] + step * delta[j];
            }
            double trialNll = evaluate(c, trialEta, trialProb);
            if (trialNll + penalty() <= before + 1e-12 * Math.abs(before) || h >= MAX_HALVINGS) {
                nll = trialNll;
                break;
            }
            step /= 2;
        }
        System.arraycopy(trialEta, 0, eta[c], 0, n);
        prob = trialProb;
        double change = Math.abs(step * delta0);
        for (double dj : delta) {
            change = Math.max(change, Math.abs(step * dj));
        }
        return change;
    }

    /**
     * Fills {@code out} (K × n) with the softmax probabilities of the linear predictors, class c's replaced by
     * {@code etaC} (c = −1: none replaced); returns −Σ wn_i log P(t_i|x_i).
     */
    private double evaluate(int c, double[] etaC, double[][] out) {
        double sum = 0;
        double[] e = new double[k];
        for (int i = 0; i < n; i++) {
            double m = Double.NEGATIVE_INFINITY;
            for (int a = 0; a < k; a++) {
                e[a] = a == c ? etaC[i] : eta[a][i];
                m = Math.max(m, e[a]);
            }
            double z = 0;
            for (int a = 0; a < k; a++) {
                out[a][i] = Math.exp(e[a] - m);
                z += out[a][i];
            }
            for (int a = 0; a < k; a++) {
                out[a][i] /= z;
            }
            if (d.wn[i] > 0) {
                sum -= d.wn[i] * (e[y[i]] - m - Math.log(z));
            }
        }
        return sum;
    }

    /** λ Σ_k [(1−α)/2 ‖β_k‖² + α‖β_k‖₁]. */
    private double penalty() {
        double l1 = 0;
        double l2 = 0;
        for (int c = 0; c < k; c++) {
            for (double b : beta[c]) {
                l1 += Math.abs(b);
                l2 += b * b;
            }
        }
        return lambda * (alpha * l1 + (1 - alpha) / 2 * l2);
    }

    private boolean takePass() {
        if (passesLeft <= 0) {
            return false;
        }
        passesLeft--;
        return true;
    }

    /**
     * Shifts each feature's K coefficients by the constant that minimises the penalty and centres the intercepts;
     * the linear predictors move by the same amount in every class, so the probabilities do not change.
     */
    private void centre() {
        double m0 = 0;
        for (int c = 0; c < k; c++) {
            m0 += beta0[c] / k;
        }
        double[] shift = new double[p];
        double[] col = new double[k];
        for (int j : d.usable) {
            for (int c = 0; c < k; c++) {
                col[c] = beta[c][j];
            }
            shift[j] = PenaltyCentre.of(col, alpha);
        }
        double[] move = MultinomialQuadratic.direction(d, m0, shift);
        for (int c = 0; c < k; c++) {
            beta0[c] -= m0;
            for (int j = 0; j < p; j++) {
                beta[c][j] -= shift[j];
            }
            for (int i = 0; i < n; i++) {
                eta[c][i] -= move[i];
            }
        }
    }

    /** Deviance with probabilities clipped to [1e-5, 1 − 1e-5], for the path's stopping rules. */
    private double deviance() {
        double dev = 0;
        for (int i = 0; i < n; i++) {
            if (d.wn[i] > 0) {
                double pr = Math.min(Math.max(prob[y[i]][i], P_MIN), 1 - P_MIN);
                dev -= 2 * d.wn[i] * Math.log(pr);
            }
        }
        return dev;
    }

    /** K × (p + 1), flattened class by class: intercept then p coefficients on the original scale. */
    @Override
    public double[] originalCoefficients() {
        double[] out = new double[k * (p + 1)];
        for (int c = 0; c < k; c++) {
            System.arraycopy(d.toOriginalScale(beta0[c], beta[c]), 0, out, c * (p + 1), p + 1);
        }
        return out;
    }
}
