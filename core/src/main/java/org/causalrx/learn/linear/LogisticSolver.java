package org.causalrx.learn.linear;

/**
 * Weighted penalised logistic regression by the glmnet proximal-Newton (IRLS) outer loop with a naive-update
 * coordinate-descent inner solver on the standardised design. Minimises
 * {@code −Σ wn_i [t_i η_i − log(1 + e^{η_i})] + λ[(1−α)/2 ‖β‖² + α‖β‖₁]}, {@code η = β0 + x·β}.
 *
 * <p>Guards: the curvature uses probabilities clipped to [1e-5, 1 − 1e-5] (the gradient uses the exact ones, so the
 * fixed point is the exact optimum); at most {@value #MAX_IRLS} IRLS steps and {@code maxPasses} passes per λ; once
 * the training deviance falls below 0.1% of the null deviance (separated classes) later λ keep that solution, and
 * likewise (optionally) once the deviance explained stops improving.
 * Sequential strong rules screen features at each λ, and a KKT check over all features follows.
 */
final class LogisticSolver implements PathSolver {
    static final double P_MIN = 1e-5;
    static final int MAX_IRLS = 25;
    private static final double SATURATED_DEVIANCE_RATIO = 1e-3;
    /** glmnet's fdev: the path stops when the fraction of deviance explained gains less than this per λ. */
    private static final double MIN_DEVIANCE_GAIN = 1e-5;
    /** ... but not within the first few λ values. */
    private static final int MIN_PATH_LENGTH = 5;

    private final Design d;
    private final int n;
    private final double alpha;
    private final int maxPasses;
    private final double threshold;
    private final double[] y;
    private final double[] eta;
    private final double[] rho;
    private final double[] v;
    private final double[] beta;
    private final double[] xv;
    private final boolean[] xvValid;
    private final double[] gradAll;
    private final boolean[] strong;
    private final boolean[] everActive;
    private final int[] activeList;
    private int nActive;
    private int[] strongList = new int[0];
    private double beta0;
    private double sumV;
    private double lastLambda = Double.NaN;
    private final double nullDeviance;
    private final boolean earlyStop;
    private boolean saturated;
    private int solved;
    private double lastExplained;
    private int passesLeft;

    /**
     * @param earlyStop if true, stop moving along the path (later λ keep the current solution) once the fraction of
     *                  deviance explained gains less than 1e-5 per λ, like glmnet
     */
    LogisticSolver(Design d, double[] t, double alpha, LinearSettings settings, boolean earlyStop) {
        this.earlyStop = earlyStop;
        this.d = d;
        this.n = d.n;
        int p = d.p;
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
        this.rho = new double[n];
        this.v = new double[n];
        this.beta = new double[p];
        this.xv = new double[p];
        this.xvValid = new boolean[p];
        this.gradAll = new double[p];
        this.strong = new boolean[p];
        this.everActive = new boolean[p];
        this.activeList = new int[p];
        refreshGradient();
        this.nullDeviance = deviance();
    }

    @Override
    public double lambdaMax() {
        double m = 0;
        for (int j : d.usable) {
            m = Math.max(m, Math.abs(gradAll[j]));
        }
        return m / Math.max(alpha, 1e-3);
    }

    @Override
    public void solve(double lambda) {
        if (saturated) {
            return;
        }
        double previous = Double.isNaN(lastLambda) ? lambda : lastLambda;
        double cut = alpha * (2 * lambda - previous);
        for (int j : d.usable) {
            strong[j] = beta[j] != 0 || Math.abs(gradAll[j]) >= cut;
        }
        passesLeft = maxPasses;
        while (true) {
            rebuildStrongList();
            irls(lambda);
            refreshGradient();
            boolean violated = false;
            double l1 = lambda * alpha;
            for (int j : d.usable) {
                if (!strong[j] && Math.abs(gradAll[j]) > l1) {
                    strong[j] = true;
                    violated = true;
                }
            }
            if (!violated || passesLeft <= 0) {
                break;
            }
        }
        lastLambda = lambda;
        solved++;
        double explained = nullDeviance > 0 ? 1 - deviance() / nullDeviance : 1;
        saturated = explained > 1 - SATURATED_DEVIANCE_RATIO
                || earlyStop && solved > MIN_PATH_LENGTH && explained - lastExplained < MIN_DEVIANCE_GAIN;
        lastExplained = explained;
    }

    @Override
    public boolean saturated() {
        return saturated;
    }

    private void rebuildStrongList() {
        int[] list = new int[d.usable.length];
        int m = 0;
        for (int j : d.usable) {
            if (strong[j]) {
                list[m++] = j;
            }
        }
        strongList = java.util.Arrays.copyOf(list, m);
    }

    /** Proximal-Newton steps until one inner pass changes nothing by more than the tolerance. */
    private void irls(double lambda) {
        double l1 = lambda * alpha;
        double l2 = lambda * (1 - alpha);
        for (int it = 0; it < MAX_IRLS && passesLeft > 0; it++) {
            sumV = 0;
            for (int i = 0; i < n; i++) {
                double pr = sigmoid(eta[i]);
                rho[i] = d.wn[i] * (y[i] - pr);
                double pc = Math.min(Math.max(pr, P_MIN), 1 - P_MIN);
                v[i] = d.wn[i] * pc * (1 - pc);
                sumV += v[i];
            }
            java.util.Arrays.fill(xvValid, false);
            if (innerSolve(l1, l2) <= 1) {
                break;
            }
        }
    }

    /**
     * Coordinate descent on the quadratic approximation: a pass over the strong set, passes over the active set
     * until converged, then a check of the strong features outside the active set (the others are converged).
     * Returns the number of passes used.
     */
    private int innerSolve(double l1, double l2) {
        double change = pass(strongList, strongList.length, l1, l2, false);
        int passes = 1;
        if (change <= threshold) {
            return passes;
        }
        while (passesLeft > 0) {
            do {
                change = pass(activeList, nActive, l1, l2, false);
                passes++;
            } while (change > threshold && passesLeft > 0);
            int before = nActive;
            change = pass(strongList, strongList.length, l1, l2, true);
            passes++;
            if (nActive == before && change <= threshold) {
                break;
            }
        }
        return passes;
    }

    /** One pass: intercept, then each feature of the set (features ever active are skipped if skipActive). */
    private double pass(int[] set, int size, double l1, double l2, boolean skipActive) {
        passesLeft--;
        double sr = 0;
        for (int i = 0; i < n; i++) {
            sr += rho[i];
        }
        double d0 = sumV > 0 ? sr / sumV : 0;
        double change = Math.abs(d0);
        if (d0 != 0) {
            beta0 += d0;
            for (int i = 0; i < n; i++) {
                rho[i] -= v[i] * d0;
                eta[i] += d0;
            }
        }
        for (int a = 0; a < size; a++) {
            int j = set[a];
            if (skipActive && everActive[j]) {
                continue;
            }
            double[] x = d.cols[j];
            double g = Design.dot(x, rho, n);
            if (beta[j] == 0 && Math.abs(g) <= l1) {
                continue;
            }
            if (!xvValid[j]) {
                double s = 0;
                for (int i = 0; i < n; i++) {
                    s += v[i] * x[i] * x[i];
                }
                xv[j] = s;
                xvValid[j] = true;
            }
            double nb = Design.soft(g + xv[j] * beta[j], l1) / (xv[j] + l2);
            double delta = nb - beta[j];
            if (delta == 0) {
                continue;
            }
            beta[j] = nb;
            for (int i = 0; i < n; i++) {
                rho[i] -= delta * v[i] * x[i];
                eta[i] += delta * x[i];
            }
            change = Math.max(change, Math.abs(delta));
            if (!everActive[j]) {
                everActive[j] = true;
                activeList[nActive++] = j;
            }
        }
        return change;
    }

    /** Sets rho to the exact weighted residuals and gradAll to the exact gradient of the log-likelihood. */
    private void refreshGradient() {
        for (int i = 0; i < n; i++) {
            rho[i] = d.wn[i] * (y[i] - sigmoid(eta[i]));
        }
        for (int j : d.usable) {
            gradAll[j] = Design.dot(d.cols[j], rho, n);
        }
    }

    private double deviance() {
        double dev = 0;
        for (int i = 0; i < n; i++) {
            dev += d.wn[i] * pointDeviance(eta[i], y[i]);
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
