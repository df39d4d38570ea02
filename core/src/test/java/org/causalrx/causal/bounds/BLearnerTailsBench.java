package org.causalrx.causal.bounds;

import java.lang.management.ManagementFactory;
import java.util.Locale;
import java.util.SplittableRandom;

import org.causalrx.causal.CrossFit;
import org.causalrx.causal.Nuisance;
import org.causalrx.learn.linear.LogisticRegression;
import org.causalrx.learn.xgb.XGBoostParams;
import org.causalrx.learn.xgb.XGBoostRegressor;
import org.causalrx.util.Normal;
import org.causalrx.util.Seeds;

/**
 * Benchmark (not a test): the B-learner's tail models where the large-fold gate subsamples, XGBoost quantile models
 * (the rule before) against the location–scale tails, and quantile models on every row as a reference, in one
 * process, on designs whose sharp MSM bounds have a closed form. x ~ U(−1, 1)^5, e(x) = sigmoid(0.5·x0),
 * Y(a) = m_a(x) + s_a(x)·eps, m0 = x0 + x2, m1 = m0 + 1 + x1 (CATE 1 + x1), s0 = 0.5 + 0.4·(1 + x3),
 * s1 = 0.7 + 0.3·(1 + x4); eps N(0, 1) ({@code gauss}) or a standardised Exp(1) whose sign flips with x4
 * ({@code skew}: right-skewed for x4 &gt; 0, left-skewed below, so no location–scale model is exact). No hidden
 * confounding, so the sharp bounds at Lambda are CATE(x) plus/minus closed-form CVaR terms.
 * Args: rows, nuisanceRows, seeds..., system properties {@code design} (gauss, skew) and {@code skipAllRows} (no
 * every-row reference).
 * Run: {@code java -cp core/target/test-classes:core/target/classes:$(cat cp.txt)
 * org.causalrx.causal.bounds.BLearnerTailsBench 15000 2000 1 2}.
 */
public final class BLearnerTailsBench {
    private static final double[] LAMBDAS = {1.25, 1.5, 2.0, 3.0};
    private static final int TEST = 4000;

    private BLearnerTailsBench() {
    }

    record Sim(double[][] x, int[] t, double[] y, double[] e, double[][] m, double[][] s) {
    }

    static Sim sim(int n, long seed, boolean skew) {
        SplittableRandom r = new SplittableRandom(seed);
        double[][] x = new double[n][5];
        int[] t = new int[n];
        double[] y = new double[n];
        double[] e = new double[n];
        double[][] m = new double[2][n];
        double[][] s = new double[2][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < 5; j++) {
                x[i][j] = r.nextDouble() * 2 - 1;
            }
            e[i] = 1 / (1 + Math.exp(-0.5 * x[i][0]));
            t[i] = r.nextDouble() < e[i] ? 1 : 0;
            m[0][i] = x[i][0] + x[i][2];
            m[1][i] = m[0][i] + 1 + x[i][1];
            s[0][i] = 0.5 + 0.4 * (1 + x[i][3]);
            s[1][i] = 0.7 + 0.3 * (1 + x[i][4]);
            double eps = skew ? sign(x[i]) * (-Math.log(1 - r.nextDouble()) - 1) : r.nextGaussian();
            y[i] = m[t[i]][i] + s[t[i]][i] * eps;
        }
        return new Sim(x, t, y, e, m, s);
    }

    private static double sign(double[] x) {
        return x[4] > 0 ? 1 : -1;
    }

    /** Mean of the noise above its tau-quantile (upper CVaR) and below its (1 − tau)-quantile. */
    static double[] tailMeans(double tau, boolean skew, double sign) {
        if (!skew) {
            double z = Normal.quantile(tau);
            double u = Math.exp(-z * z / 2) / Math.sqrt(2 * Math.PI) / (1 - tau);
            return new double[] {u, -u};
        }
        // W = G − 1, G ~ Exp(1): E[W | W > q_tau] = −ln(1 − tau); E[W | W < q_(1−tau)] = (1 − tau(1 + g))/(1 − tau) − 1
        double up = -Math.log(1 - tau);
        double g = -Math.log(tau);
        double lo = (1 - tau * (1 + g)) / (1 - tau) - 1;
        return sign > 0 ? new double[] {up, lo} : new double[] {-lo, -up};
    }

    /** Sharp CATE bounds [lo, hi] of row i at Lambda (no hidden confounding in the simulation). */
    static double[] sharp(Sim d, int i, double lambda, boolean skew) {
        double tau = lambda / (1 + lambda);
        double k = 1 - 1 / lambda;
        double sg = sign(d.x()[i]);
        double[] n1 = tailMeans(tau, skew, sg);
        double[] n0 = tailMeans(tau, skew, sg);
        double e = d.e()[i];
        double cate = d.m()[1][i] - d.m()[0][i];
        double hi = cate + (1 - e) * k * d.s()[1][i] * n1[0] - e * k * d.s()[0][i] * n0[1];
        double lo = cate + (1 - e) * k * d.s()[1][i] * n1[1] - e * k * d.s()[0][i] * n0[0];
        return new double[] {lo, hi};
    }

    /**
     * Fitted bounds [lo, hi] on the test points against the sharp bounds at Lambda: mean width, mean sharp width, RMSE
     * of the upper and lower bound, their mean errors, and the shares of points whose interval covers the sharp bounds
     * and the CATE.
     */
    static double[] score(Sim test, double[] lo, double[] hi, double lambda, boolean skew) {
        int n = lo.length;
        double[] acc = new double[8];
        for (int i = 0; i < n; i++) {
            double[] sh = sharp(test, i, lambda, skew);
            double cate = test.m()[1][i] - test.m()[0][i];
            acc[0] += hi[i] - lo[i];
            acc[1] += sh[1] - sh[0];
            acc[2] += (hi[i] - sh[1]) * (hi[i] - sh[1]);
            acc[3] += (lo[i] - sh[0]) * (lo[i] - sh[0]);
            acc[4] += hi[i] - sh[1];
            acc[5] += lo[i] - sh[0];
            acc[6] += lo[i] <= sh[0] && sh[1] <= hi[i] ? 1 : 0;
            acc[7] += lo[i] <= cate && cate <= hi[i] ? 1 : 0;
        }
        for (int k = 0; k < acc.length; k++) {
            acc[k] /= n;
        }
        acc[2] = Math.sqrt(acc[2]);
        acc[3] = Math.sqrt(acc[3]);
        return acc;
    }

    static double cpu() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime() / 1e9;
    }

    public static void main(String[] args) {
        int n = Integer.parseInt(args[0]);
        int rows = Integer.parseInt(args[1]);
        boolean skew = "skew".equals(System.getProperty("design", "gauss"));
        XGBoostParams p = XGBoostParams.defaults();
        System.out.printf(Locale.ROOT, "design %s, n %d, nuisanceRows %d%n", skew ? "skew" : "gauss", n, rows);
        System.out.println("seed method lambda tails_cpu_s width sharp_width rmse_hi rmse_lo bias_hi bias_lo "
                + "covers_sharp covers_cate");
        for (int a = 2; a < args.length; a++) {
            long seed = Long.parseLong(args[a]);
            Sim d = sim(n, seed, skew);
            Sim test = sim(TEST, seed + 1000, skew);
            CrossFit cf = CrossFit.stratified(d.t(), 3, Seeds.derive(seed, "b-folds"));
            double[] e = Nuisance.propensity(LogisticRegression.l2(), d.x(), d.t(), cf, 0.02,
                    Seeds.derive(seed, "b-e"));
            double[][] mu = Nuisance.armOutcomes(new XGBoostRegressor(p), d.x(), d.t(), d.y(), cf,
                    Seeds.derive(seed, "b-mu"));
            String[] names = {"quantile_all_rows", "quantile_subsample", "location_scale", "location_scale_closed"};
            BLearner.LargeTails[] rules = {BLearner.LargeTails.QUANTILE, BLearner.LargeTails.QUANTILE,
                    BLearner.LargeTails.LOCATION_SCALE, BLearner.LargeTails.LOCATION_SCALE_CLOSED};
            for (int meth = Boolean.getBoolean("skipAllRows") ? 1 : 0; meth < names.length; meth++) {
                BLearner b = new BLearner(new XGBoostRegressor(p), LogisticRegression.l2(), p,
                        new XGBoostRegressor(p), 3, 0.02, false, meth == 0 ? 0 : rows, false);
                double c0 = cpu();
                double[][][] phi = b.pseudoOutcomes(d.x(), d.t(), d.y(), e, mu, cf, LAMBDAS, seed, rules[meth]);
                double tailCpu = cpu() - c0;
                for (int l = 0; l < LAMBDAS.length; l++) {
                    double[] hi = new XGBoostRegressor(p).fit(d.x(), phi[l][0], null, 5).predict(test.x());
                    double[] lo = new XGBoostRegressor(p).fit(d.x(), phi[l][1], null, 5).predict(test.x());
                    double[] sc = score(test, lo, hi, LAMBDAS[l], skew);
                    System.out.printf(Locale.ROOT, "%d %s %.2f %.1f %.3f %.3f %.3f %.3f %+.3f %+.3f %.3f %.3f%n",
                            seed, names[meth], LAMBDAS[l], tailCpu, sc[0], sc[1], sc[2], sc[3], sc[4], sc[5], sc[6],
                            sc[7]);
                }
            }
        }
    }
}
