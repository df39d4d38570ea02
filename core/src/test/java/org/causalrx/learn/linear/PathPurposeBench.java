package org.causalrx.learn.linear;

import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

import org.causalrx.causal.CrossFitAipw;
import org.causalrx.causal.TLearner;
import org.causalrx.causal.meta.MultiArmAipw;
import org.causalrx.learn.MultiProbabilityModel;
import org.causalrx.learn.ProbabilityModel;

/**
 * Benchmark (not a test): the penalised paths per purpose on simulated designs with true effects, one line per
 * design, size and seed. Binary design: 10 covariates (a shared factor gives correlation 0.2), propensity
 * sigmoid(0.8 (x1 + x2 − x3) + 0.4 x4), y = x1 + x2 + 0.5 x3 + 0.25 x5 + t τ(x) + N(0, 1) with τ = 1 + 0.5 x4
 * ({@code het}) or τ = 1 ({@code flat}): held-out (20,000 rows) propensity log-loss above the true propensity's,
 * calibration slope and RMSE to the true e(x) of l2_logistic and l1_logistic; the cross-fitted AIPW ATE (l2
 * propensity, ridge outcomes, 5 folds) minus the sample ATE; the CATE RMSE of t_ridge and t_lasso against τ on the
 * held-out rows. Three-arm design ({@code multi}, as MultiArmRefutationStageTest's, 10 covariates): held-out
 * multinomial l2 log-loss above the truth's and the multi-arm AIPW contrasts' errors. Args: seeds (count), sizes...;
 * system properties {@code designs} (comma list of het, flat, multi and aipw, the binary design's AIPW alone; default
 * het,flat,multi) and {@code firstSeed} (1). Run against two builds' classes to compare (docs/BENCHMARKS.md, "λ path
 * extended past a boundary minimum").
 */
public final class PathPurposeBench {
    private static final int P = 10;

    private PathPurposeBench() {
    }

    private record Bin(double[][] x, int[] t, double[] y, double[] e, double[] tau) {
    }

    private static Bin binary(int n, boolean het, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[][] x = new double[n][P];
        int[] t = new int[n];
        double[] y = new double[n];
        double[] e = new double[n];
        double[] tau = new double[n];
        for (int i = 0; i < n; i++) {
            double f = r.nextGaussian();
            for (int j = 0; j < P; j++) {
                x[i][j] = (r.nextGaussian() + 0.5 * f) / Math.sqrt(1.25);
            }
            e[i] = 1 / (1 + Math.exp(-(0.8 * (x[i][0] + x[i][1] - x[i][2]) + 0.4 * x[i][3])));
            t[i] = r.nextDouble() < e[i] ? 1 : 0;
            tau[i] = het ? 1 + 0.5 * x[i][3] : 1;
            y[i] = x[i][0] + x[i][1] + 0.5 * x[i][2] + 0.25 * x[i][4] + t[i] * tau[i] + r.nextGaussian();
        }
        return new Bin(x, t, y, e, tau);
    }

    private record Multi(double[][] x, int[] t, double[] y, double[][] pr) {
    }

    private static Multi multi(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[][] x = new double[n][P];
        int[] t = new int[n];
        double[] y = new double[n];
        double[][] pr = new double[n][];
        double[] tau = {0, 1, -2};
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < P; j++) {
                x[i][j] = r.nextGaussian();
            }
            double[] w = {1, Math.exp(x[i][0]), Math.exp(-x[i][0] + 0.5 * x[i][1])};
            double s = w[0] + w[1] + w[2];
            pr[i] = new double[] {w[0] / s, w[1] / s, w[2] / s};
            double u = r.nextDouble() * s;
            t[i] = u < w[0] ? 0 : u < w[0] + w[1] ? 1 : 2;
            y[i] = x[i][0] + x[i][1] + tau[t[i]] + r.nextGaussian();
        }
        return new Multi(x, t, y, pr);
    }

    private static double logLoss(double[] p, int[] t) {
        double s = 0;
        for (int i = 0; i < t.length; i++) {
            double q = Math.min(Math.max(p[i], 1e-15), 1 - 1e-15);
            s -= t[i] == 1 ? Math.log(q) : Math.log(1 - q);
        }
        return s / t.length;
    }

    /** Slope b of logit P(t = 1) = a + b logit(p) (Newton). */
    private static double calibrationSlope(double[] p, int[] t) {
        int n = t.length;
        double[] z = new double[n];
        for (int i = 0; i < n; i++) {
            double q = Math.min(Math.max(p[i], 1e-12), 1 - 1e-12);
            z[i] = Math.log(q / (1 - q));
        }
        double a = 0;
        double b = 1;
        for (int it = 0; it < 50; it++) {
            double g0 = 0;
            double g1 = 0;
            double h00 = 0;
            double h01 = 0;
            double h11 = 0;
            for (int i = 0; i < n; i++) {
                double m = 1 / (1 + Math.exp(-(a + b * z[i])));
                double v = m * (1 - m);
                g0 += t[i] - m;
                g1 += (t[i] - m) * z[i];
                h00 += v;
                h01 += v * z[i];
                h11 += v * z[i] * z[i];
            }
            double det = h00 * h11 - h01 * h01;
            a += (h11 * g0 - h01 * g1) / det;
            b += (h00 * g1 - h01 * g0) / det;
        }
        return b;
    }

    private static double rmse(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += (a[i] - b[i]) * (a[i] - b[i]);
        }
        return Math.sqrt(s / a.length);
    }

    private static double mean(double[] a) {
        double s = 0;
        for (double v : a) {
            s += v;
        }
        return s / a.length;
    }

    public static void main(String[] args) {
        int seeds = Integer.parseInt(args[0]);
        String designs = System.getProperty("designs", "het,flat,multi");
        int first = Integer.getInteger("firstSeed", 1);
        for (int a = 1; a < args.length; a++) {
            int n = Integer.parseInt(args[a]);
            for (int s = first; s < first + seeds; s++) {
                for (String d : designs.split(",")) {
                    if (d.equals("multi")) {
                        runMulti(n, s);
                    } else if (d.equals("aipw")) {
                        runAipw(n, s);
                    } else {
                        runBinary(d, n, s);
                    }
                }
            }
        }
    }

    private static void runBinary(String d, int n, long s) {
        Bin train = binary(n, d.equals("het"), 1000 + s);
        Bin test = binary(20_000, d.equals("het"), 99_000 + s);
        StringBuilder out = new StringBuilder(String.format(Locale.ROOT, "%s n=%d seed=%d", d, n, s));
        double trueLl = logLoss(test.e, test.t);
        for (LogisticRegression lr : List.of(LogisticRegression.l2(), LogisticRegression.l1())) {
            long t0 = System.nanoTime();
            ProbabilityModel m = lr.fit(train.x, train.t, null, 7L + s);
            double sec = (System.nanoTime() - t0) / 1e9;
            double[] p = m.predictProba(test.x);
            out.append(String.format(Locale.ROOT, " %s_ll=%.6f %s_cal=%.4f %s_ermse=%.5f %s_lam=%.4g %s_s=%.3f",
                    lr.name(), logLoss(p, test.t) - trueLl, lr.name(), calibrationSlope(p, test.t), lr.name(),
                    rmse(p, test.e), lr.name(), ((LogisticModel) m).lambda(), lr.name(), sec));
        }
        CrossFitAipw aipw = new CrossFitAipw(LogisticRegression.l2(), new Ridge(), 5, 0.01);
        CrossFitAipw.Estimate est = aipw.estimate(train.x, train.t, train.y, 11L + s);
        out.append(String.format(Locale.ROOT, " aipw_err=%.5f aipw_se=%.5f", est.ate() - mean(train.tau), est.se()));
        for (TLearner tl : List.of(new TLearner("t_ridge", new Ridge()), new TLearner("t_lasso", new Lasso()))) {
            long t0 = System.nanoTime();
            TLearner.Fitted f = tl.fit(train.x, train.t, train.y, 13L + s);
            double sec = (System.nanoTime() - t0) / 1e9;
            out.append(String.format(Locale.ROOT, " %s_cate=%.5f %s_lam0=%.4g %s_s=%.3f", tl.name(),
                    rmse(f.effect(test.x), test.tau), tl.name(), ((LinearModel) f.mu0()).lambda(), tl.name(), sec));
        }
        System.out.println(out);
    }

    /** The binary heterogeneous design's AIPW ATE alone (error against the sample ATE, SE). */
    private static void runAipw(int n, long s) {
        Bin train = binary(n, true, 1000 + s);
        CrossFitAipw aipw = new CrossFitAipw(LogisticRegression.l2(), new Ridge(), 5, 0.01);
        CrossFitAipw.Estimate est = aipw.estimate(train.x, train.t, train.y, 11L + s);
        System.out.println(String.format(Locale.ROOT, "aipw n=%d seed=%d aipw_err=%.5f aipw_se=%.5f", n, s,
                est.ate() - mean(train.tau), est.se()));
    }

    private static void runMulti(int n, long s) {
        Multi train = multi(n, 2000 + s);
        Multi test = multi(20_000, 98_000 + s);
        MultiProbabilityModel m = MultinomialRegression.l2().fit(train.x, train.t, 3, null, 17L + s);
        double[][] p = m.predictProba(test.x);
        double ll = 0;
        double llTrue = 0;
        for (int i = 0; i < test.t.length; i++) {
            ll -= Math.log(Math.max(p[i][test.t[i]], 1e-15));
            llTrue -= Math.log(test.pr[i][test.t[i]]);
        }
        int nt = test.t.length;
        MultiArmAipw aipw = new MultiArmAipw(MultinomialRegression.l2(), new Ridge(), 3, 0.01);
        List<CrossFitAipw.Estimate> c = aipw.contrasts(train.x, train.t, 3, train.y, 19L + s);
        System.out.println(String.format(Locale.ROOT, "multi n=%d seed=%d mn_ll=%.6f mn_lam=%.4g arm1_err=%.5f"
                + " arm2_err=%.5f arm1_se=%.5f arm2_se=%.5f", n, s, (ll - llTrue) / nt,
                ((MultinomialModel) m).lambda(), c.get(0).ate() - 1, c.get(1).ate() + 2, c.get(0).se(), c.get(1).se()));
    }
}
