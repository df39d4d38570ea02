package org.causalrx.pipeline;

import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

import org.causalrx.causal.diagnostics.Refutation;
import org.causalrx.causal.diagnostics.RefutationRules;
import org.causalrx.causal.meta.MultiArmAipw;
import org.causalrx.learn.linear.MultinomialRegression;
import org.causalrx.learn.xgb.XGBoostParams;
import org.causalrx.learn.xgb.XGBoostRegressor;
import org.causalrx.result.Arms;

/**
 * Benchmark (not a test): the K-arm refutation stage's work (reference fit + the default 16 re-fits:
 * {@link MultiArmRefutationStage#refute}) on a simulated 3-arm study, with the re-fits early-stopping every XGBoost
 * arm model (before: only the propensity λ kept) and keeping the reference's rounds per fold and arm (now:
 * {@link MultiArmRefutationStage#refits}), one process, process CPU seconds. Design: p covariates N(0, 1), arm
 * probabilities softmax(0, x1, −x1 + 0.5 x2), y = x1 + x2 + tau_t + sin(2 x3) + N(0, 1), tau = (0, 1, −2); the
 * run's learners (multinomial L2 propensity, XGBoost defaults for the arm outcomes), 5 folds. Args: n p (defaults
 * 3000 10); system property {@code order} (default {@code before,now}) sets which runs first.
 */
public final class MultiArmRefutationBench {
    private MultiArmRefutationBench() {
    }

    public static void main(String[] args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 3000;
        int p = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        SplittableRandom rnd = new SplittableRandom(20261204L);
        double[][] x = new double[n][p];
        int[] t = new int[n];
        double[] y = new double[n];
        double[] tau = {0, 1, -2};
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < p; j++) {
                x[i][j] = rnd.nextGaussian();
            }
            double[] w = {1, Math.exp(x[i][0]), Math.exp(-x[i][0] + 0.5 * x[i][1])};
            double u = rnd.nextDouble() * (w[0] + w[1] + w[2]);
            t[i] = u < w[0] ? 0 : u < w[0] + w[1] ? 1 : 2;
            y[i] = x[i][0] + x[i][1] + tau[t[i]] + Math.sin(2 * x[i][2]) + rnd.nextGaussian();
        }
        MultiArmAipw aipw = new MultiArmAipw(MultinomialRegression.l2(), new XGBoostRegressor(XGBoostParams.defaults()),
                5, 0.01);
        Arms arms = new Arms(List.of("0", "1", "2"), List.of("a", "b", "c"));
        long seed = 41L;
        for (String way : System.getProperty("order", "before,now").split(",")) {
            double c0 = cpu();
            long w0 = System.nanoTime();
            MultiArmAipw.Fit main = aipw.fit(x, t, 3, y, null, aipw.untuned(), seed);
            MultiArmRefutationStage.ContrastFit refit = way.equals("now") ? MultiArmRefutationStage.refits(aipw, 3,
                    main) : (xs, ts, ys, gs, s) -> aipw.fit(xs, ts, 3, ys, gs, aipw.tunedPropensity(main), s)
                    .contrasts();
            MultiArmRefutations r = MultiArmRefutationStage.refute(main.contrasts(), refit, "bench", arms, x, t, y,
                    null, seed, RefutationRules.defaults(), false);
            double cpu = cpu() - c0;
            double wall = (System.nanoTime() - w0) / 1e9;
            StringBuilder checks = new StringBuilder();
            for (MultiArmRefutations.Arm a : r.arms()) {
                checks.append(String.format(Locale.ROOT, " | arm %d: original %.4f", a.arm(),
                        a.checks().get(0).original()));
                for (Refutation c : a.checks()) {
                    checks.append(String.format(Locale.ROOT, ", %s %.4f%s", c.check(), c.estimate(),
                            c.passed() ? "" : " FAILED"));
                }
            }
            System.out.printf(Locale.ROOT, "%s: n %d p %d, CPU %.1f s, wall %.1f s%s%n", way, n, p, cpu, wall,
                    checks);
        }
    }

    private static double cpu() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime() / 1e9;
    }
}
