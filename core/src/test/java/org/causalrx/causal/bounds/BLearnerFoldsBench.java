package org.causalrx.causal.bounds;

import java.util.Locale;

import org.causalrx.causal.uncertainty.Subsample;
import org.causalrx.learn.linear.LogisticRegression;
import org.causalrx.learn.xgb.XGBoostParams;
import org.causalrx.learn.xgb.XGBoostRegressor;

/**
 * Benchmark (not a test): the whole B-learner as the deferral stage fits it (L2-logistic propensity, XGBoost arm
 * outcomes, location–scale tails on the automatic subsample, XGBoost final stages, Lambda 1, 1.25, 1.5, 2, 3, several
 * threads) with each fold count given, on the same data sets of {@link BLearnerTailsBench}'s designs with closed-form
 * sharp bounds, plus {@code noise} pure-noise covariates. Per seed, fold count and Lambda: CPU seconds of the fit, mean
 * width against the sharp width, RMSE and bias of each bound against the sharp bound on 4,000 test points.
 * Args: rows, noise covariates, fold counts (comma-separated; a count followed by {@code s}, e.g. {@code 2s}: the same
 * folds with the levels above 1.5 regressed on a seeded subsample of {@link BLearner#SWEEP_ROWS} rows, as the run's
 * deferral stage does from twice that many), seeds...; system property {@code design} (gauss, skew).
 * Run: {@code java -cp core/target/test-classes:core/target/classes:$(cat cp.txt)
 * org.causalrx.causal.bounds.BLearnerFoldsBench 300000 15 3,2 1 2}.
 */
public final class BLearnerFoldsBench {
    private static final double[] LAMBDAS = {1.25, 1.5, 2.0, 3.0};
    private static final int TEST = 4000;

    private BLearnerFoldsBench() {
    }

    public static void main(String[] args) {
        int n = Integer.parseInt(args[0]);
        int noise = Integer.parseInt(args[1]);
        String[] folds = args[2].split(",");
        boolean skew = "skew".equals(System.getProperty("design", "gauss"));
        XGBoostParams p = XGBoostParams.defaults();
        System.out.printf(Locale.ROOT, "design %s, n %d, %d noise covariates, %d processors%n", skew ? "skew" : "gauss",
                n, noise, Runtime.getRuntime().availableProcessors());
        System.out.println("seed folds lambda fit_cpu_s width sharp_width rmse_hi rmse_lo bias_hi bias_lo");
        for (int a = 3; a < args.length; a++) {
            long seed = Long.parseLong(args[a]);
            BLearnerTailsBench.Sim d = BLearnerTailsBench.sim(n, seed, skew);
            BLearnerTailsBench.Sim test = BLearnerTailsBench.sim(TEST, seed + 1000, skew);
            double[][] x = widen(d.x(), noise, seed);
            double[][] xt = widen(test.x(), noise, seed + 1);
            for (String f : folds) {
                boolean sweep = f.trim().endsWith("s");
                int k = Integer.parseInt(f.trim().replace("s", ""));
                BLearner b = new BLearner(new XGBoostRegressor(p), LogisticRegression.l2(), p,
                        new XGBoostRegressor(p), k, 0.02, false, Subsample.rowsFor(0, n), true);
                double c0 = BLearnerTailsBench.cpu();
                CateBoundsFamily fam = b.fit(x, d.t(), d.y(), LAMBDAS, seed, null, sweep
                        ? new BLearner.SweepLevels(1.5, BLearner.SWEEP_ROWS) : null).bounds();
                double cpu = BLearnerTailsBench.cpu() - c0;
                for (double lambda : LAMBDAS) {
                    org.causalrx.causal.EffectIntervals iv = fam.bounds(xt, lambda);
                    double[] hi = iv.hi();
                    double[] lo = iv.lo();
                    double[] sc = BLearnerTailsBench.score(test, lo, hi, lambda, skew);
                    System.out.printf(Locale.ROOT, "%d %s %.2f %.1f %.4f %.4f %.4f %.4f %+.4f %+.4f%n", seed, f.trim(),
                            lambda, cpu, sc[0], sc[1], sc[2], sc[3], sc[4], sc[5]);
                }
            }
        }
    }

    /** The rows with {@code noise} independent U(−1, 1) covariates appended. */
    private static double[][] widen(double[][] x, int noise, long seed) {
        java.util.SplittableRandom r = new java.util.SplittableRandom(seed ^ 0x5DEECE66DL);
        double[][] out = new double[x.length][];
        for (int i = 0; i < x.length; i++) {
            out[i] = java.util.Arrays.copyOf(x[i], x[i].length + noise);
            for (int j = x[i].length; j < out[i].length; j++) {
                out[i][j] = r.nextDouble() * 2 - 1;
            }
        }
        return out;
    }
}
