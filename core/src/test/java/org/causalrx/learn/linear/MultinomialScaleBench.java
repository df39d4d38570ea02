package org.causalrx.learn.linear;

import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.Locale;

/**
 * Benchmark (not a test): the multinomial propensity path at large n with λ cross-validated on all rows (before) and
 * on the large-n rule's subsample of m = max(20,000, ⌈n^0.75⌉) rows, carried to n (now), one process, process CPU
 * seconds; the held-out (20,000 rows) expected log-loss above the true arm probabilities' and the largest difference
 * of the arms' log-odds coefficients between the two. Design: p covariates (a shared factor, correlation about 0.08),
 * three arms with log-odds against arm 0 of 0.3 + 0.8 x1 − 0.5 x2 + 0.3 x4 and −0.2 − 0.6 x1 + 0.5 x3 + 0.2 x6.
 * Args: n p alpha (defaults 200000 20 0).
 */
public final class MultinomialScaleBench {
    private static final int K = 3;

    private MultinomialScaleBench() {
    }

    public static void main(String[] args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
        int p = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        double alpha = args.length > 2 ? Double.parseDouble(args[2]) : 0.0;
        double[][] beta = new double[K - 1][p + 1];
        beta[0][0] = 0.3;
        beta[0][1] = 0.8;
        beta[0][2] = -0.5;
        beta[0][4] = 0.3;
        beta[1][0] = -0.2;
        beta[1][1] = -0.6;
        beta[1][3] = 0.5;
        beta[1][6] = 0.2;
        double[][] x = SubsampleLambdaTest.design(n, p, 21);
        int[] t = MultinomialSubsampleLambdaTest.arms(x, beta, 23);
        double[][] xt = SubsampleLambdaTest.design(20_000, p, 22);
        double[] w = new double[n];
        Arrays.fill(w, 1);
        double floor = 0;
        for (double[] row : xt) {
            double[] e = MultinomialSubsampleLambdaTest.truth(row, beta);
            for (int a = 0; a < K; a++) {
                floor -= e[a] * Math.log(e[a]) / xt.length;
            }
        }
        MultinomialModel[] models = new MultinomialModel[2];
        String[] ways = {"before (all rows)", "now (subsample)"};
        for (int k = 0; k < 2; k++) {
            double c0 = cpu();
            long w0 = System.nanoTime();
            MultinomialPath.Result r = MultinomialPath.fit(x, t, K, w, null, 7, alpha, LinearSettings.defaults(),
                    k == 0 ? PenalizedPath.CV_ALL_ROWS : 0);
            double cpu = cpu() - c0;
            double wall = (System.nanoTime() - w0) / 1e9;
            models[k] = new MultinomialModel(r.intercepts(), r.coefficients(), r.featureSd(), r.lambda());
            System.out.printf(Locale.ROOT, "%s: n %d p %d alpha %.1f, CPU %.1f s, wall %.1f s, lambda %.4g, cv rows %d,"
                    + " excess log-loss %.6f%n", ways[k], n, p, alpha, cpu, wall, r.lambda(), r.cvRows(),
                    MultinomialSubsampleLambdaTest.trueLogLoss(models[k], xt, beta) - floor);
        }
        double diff = 0;
        for (int a = 1; a < K; a++) {
            double[] c0 = models[0].contrast(a);
            double[] c1 = models[1].contrast(a);
            for (int j = 0; j < c0.length; j++) {
                diff = Math.max(diff, Math.abs(c0[j] - c1[j]));
            }
        }
        System.out.printf(Locale.ROOT, "largest log-odds coefficient difference %.4f%n", diff);
    }

    private static double cpu() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime() / 1e9;
    }
}
