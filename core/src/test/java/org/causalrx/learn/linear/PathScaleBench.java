package org.causalrx.learn.linear;

import java.lang.management.ManagementFactory;
import java.util.Locale;
import java.util.SplittableRandom;

import org.causalrx.learn.Metrics;

/**
 * Benchmark (not a test): penalised paths at large n, the full path (every row) against the large-n subsample
 * rule, in one process. Args: rows... (e.g. 100000 300000 600000); system properties {@code p} (covariates,
 * default 50), {@code breakdown} (time standardising and the all-rows path too), {@code design=scale} (the design of
 * {@code bench scale}, held-out Brier), {@code subsampleOnly} (the new rule only), {@code models} (comma list of
 * l2_logistic, l1_logistic, ridge; default all).
 * Run: {@code java -Xmx10g -cp core/target/test-classes:core/target/classes -Dbreakdown=true
 * org.causalrx.learn.linear.PathScaleBench 100000 300000 600000}.
 */
public final class PathScaleBench {
    private PathScaleBench() {
    }

    /** A simulated design: features, treatment, outcome, true propensity and true outcome mean. */
    record Sim(double[][] x, int[] t, double[] y, double[] e, double[] mu) {
    }

    static Sim simulate(int n, int p, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        SplittableRandom coef = new SplittableRandom(99);
        double[] b = new double[p];
        double[] g = new double[p];
        for (int j = 0; j < p; j++) {
            b[j] = j < 10 ? (coef.nextBoolean() ? 0.3 : -0.3) : j < 20 ? 0.05 : 0;
            g[j] = j < 15 ? coef.nextDouble(-1, 1) : j < 30 ? 0.05 : 0;
        }
        double[][] x = new double[n][p];
        int[] t = new int[n];
        double[] y = new double[n];
        double[] e = new double[n];
        double[] mu = new double[n];
        for (int i = 0; i < n; i++) {
            double u = rng.nextGaussian();
            double eta = -0.5;
            double m = 1;
            for (int j = 0; j < p; j++) {
                double v = j % 7 == 3 ? (rng.nextDouble() < 0.3 ? 1 : 0) : rng.nextGaussian() + 0.4 * u;
                x[i][j] = v;
                eta += b[j] * v;
                m += g[j] * v;
            }
            e[i] = 1 / (1 + Math.exp(-eta));
            t[i] = rng.nextDouble() < e[i] ? 1 : 0;
            mu[i] = m;
            y[i] = m + 2 * rng.nextGaussian();
        }
        return new Sim(x, t, y, e, mu);
    }

    /**
     * The design of {@code causalrx bench scale} (bench ScaleDesign): p standard normal covariates (4 decimals),
     * P(t = 1 | x) = sigmoid(0.8 (x1 + x2 − x3)), y = mu0(x) + t (1 + x4) + N(0, 1).
     */
    static Sim simulateScale(int n, int p, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[][] x = new double[n][p];
        int[] t = new int[n];
        double[] y = new double[n];
        double[] e = new double[n];
        double[] mu = new double[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < p; j++) {
                x[i][j] = Math.round(rng.nextGaussian() * 10_000.0) / 10_000.0;
            }
            double[] r = x[i];
            e[i] = 1 / (1 + Math.exp(-0.8 * (r[0] + r[1] - r[2])));
            t[i] = rng.nextDouble() < e[i] ? 1 : 0;
            mu[i] = r[0] + 0.5 * r[1] - 0.5 * r[2] + 0.5 * r[3] + t[i] * (1 + r[3]);
            y[i] = mu[i] + rng.nextGaussian();
        }
        return new Sim(x, t, y, e, mu);
    }

    static double cpu() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime() / 1e9;
    }

    /** One row of output: the timings and the held-out quality. */
    private static void run(String what, int n, Sim train, Sim test, int cvRows, double alpha, boolean gaussian) {
        double[] w = new double[n];
        java.util.Arrays.fill(w, 1);
        double[] labels = new double[n];
        for (int i = 0; i < n; i++) {
            labels[i] = train.t()[i];
        }
        Design.Layout layout = Design.preferredLayout(train.x());
        boolean par = n * (long) train.x()[0].length >= PenalizedPath.PARALLEL_CELLS;
        double c0 = cpu();
        long w0 = System.nanoTime();
        PenalizedPath.Result r = PenalizedPath.fit(gaussian ? PenalizedPath.Family.GAUSSIAN
                        : PenalizedPath.Family.BINOMIAL, train.x(), gaussian ? train.y() : labels, w, null, 7,
                alpha, LinearSettings.defaults(), layout, par, cvRows);
        double cpuS = cpu() - c0;
        double wallS = (System.nanoTime() - w0) / 1e9;
        String quality;
        if (gaussian) {
            double se = 0;
            for (int i = 0; i < test.x().length; i++) {
                double f = r.intercept();
                for (int j = 0; j < r.coefficients().length; j++) {
                    f += r.coefficients()[j] * test.x()[i][j];
                }
                se += (f - test.mu()[i]) * (f - test.mu()[i]);
            }
            quality = String.format(Locale.ROOT, "rmse_vs_true_mean=%.5f", Math.sqrt(se / test.x().length));
        } else {
            double[] pr = new double[test.x().length];
            double ll = 0;
            for (int i = 0; i < pr.length; i++) {
                double f = r.intercept();
                for (int j = 0; j < r.coefficients().length; j++) {
                    f += r.coefficients()[j] * test.x()[i][j];
                }
                pr[i] = LogisticSolver.sigmoid(f);
                ll -= test.t()[i] == 1 ? Math.log(pr[i]) : Math.log(1 - pr[i]);
            }
            quality = String.format(Locale.ROOT, "logloss=%.6f auc=%.6f brier=%.6f", ll / pr.length,
                    Metrics.auroc(test.t(), pr), Metrics.brier(test.t(), pr));
        }
        int nz = 0;
        for (double c : r.coefficients()) {
            nz += c != 0 ? 1 : 0;
        }
        System.out.printf(Locale.ROOT, "%-12s n=%-7d %-9s cpu=%7.1fs wall=%6.1fs lambda=%.4g cvRows=%d"
                + " points=%d chosen=%d nonzero=%d %s%n", what, n,
                cvRows == PenalizedPath.CV_ALL_ROWS ? "full" : "subsample", cpuS, wallS, r.lambda(), r.cvRows(),
                r.pathPoints(), r.chosen(), nz, quality);
    }

    /** Breakdown of the full path's cost: standardising (Design.of) and the all-rows path of the solver. */
    private static void breakdown(String what, Sim train, double alpha, boolean gaussian) {
        int n = train.x().length;
        double[] w = new double[n];
        java.util.Arrays.fill(w, 1);
        double[] labels = new double[n];
        int[] all = new int[n];
        for (int i = 0; i < n; i++) {
            labels[i] = train.t()[i];
            all[i] = i;
        }
        double c0 = cpu();
        Design d = Design.of(train.x(), w, all, Design.Layout.DENSE);
        double c1 = cpu();
        LinearSettings s = LinearSettings.defaults();
        PathSolver solver = gaussian ? new GaussianSolver(d, train.y(), alpha, s)
                : new LogisticSolver(d, labels, alpha, s, true);
        double c2 = cpu();
        double[] path = PenalizedPath.logPath(solver.lambdaMax(), 1e-4, s.nLambda());
        int nl = 0;
        while (nl < path.length && !solver.saturated()) {
            solver.solve(path[nl++]);
        }
        double c3 = cpu();
        System.out.printf(Locale.ROOT, "%-12s n=%-7d breakdown: design(standardise)=%.1fs solver-setup=%.1fs"
                + " all-rows path (%d lambda)=%.1fs%n", what, n, c1 - c0, c2 - c1, nl, c3 - c2);
    }

    public static void main(String[] args) {
        int p = Integer.getInteger("p", 50);
        boolean doBreakdown = Boolean.getBoolean("breakdown");
        boolean scale = "scale".equals(System.getProperty("design"));
        java.util.List<String> models = java.util.List.of(
                System.getProperty("models", "l2_logistic,l1_logistic,ridge").split(","));
        Sim test = scale ? simulateScale(20_000, p, 12345) : simulate(100_000, p, 12345);
        for (String a : args) {
            int n = Integer.parseInt(a);
            Sim train = scale ? simulateScale(n, p, 1 + n) : simulate(n, p, 1 + n);
            if (doBreakdown) {
                breakdown("l2_logistic", train, 0, false);
                breakdown("l1_logistic", train, 1, false);
                breakdown("ridge", train, 0, true);
            }
            int[] modes = Boolean.getBoolean("subsampleOnly") ? new int[] {0}
                    : new int[] {PenalizedPath.CV_ALL_ROWS, 0};
            for (int cv : modes) {
                if (models.contains("l2_logistic")) {
                    run("l2_logistic", n, train, test, cv, 0, false);
                }
                if (models.contains("l1_logistic")) {
                    run("l1_logistic", n, train, test, cv, 1, false);
                }
                if (models.contains("ridge")) {
                    run("ridge", n, train, test, cv, 0, true);
                }
            }
        }
    }
}
