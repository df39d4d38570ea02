package org.causalrx.learn.linear;

import java.lang.management.ManagementFactory;
import java.util.SplittableRandom;

/**
 * Throw-away measurement (test scope, not a test): CPU seconds and bytes allocated by one L2-logistic fit at a fixed λ
 * (5-point path) on N × P Gaussian rows, with the stored dense design and with the view design ({@link Design#isView}),
 * REPS times each, one thread. Usage: {@code java -cp core/target/test-classes:core/target/classes
 * org.causalrx.learn.linear.ViewBench N P REPS}.
 */
public final class ViewBench {
    private ViewBench() {
    }

    public static void main(String[] a) {
        int n = Integer.parseInt(a[0]);
        int p = Integer.parseInt(a[1]);
        int reps = Integer.parseInt(a[2]);
        SplittableRandom r = new SplittableRandom(1);
        double[][] x = new double[n][p];
        double[] t = new double[n];
        double[] w = new double[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < p; j++) {
                x[i][j] = r.nextGaussian();
            }
            double lin = 0.8 * (x[i][0] + x[i][1] - x[i][2]);
            t[i] = r.nextDouble() < 1 / (1 + Math.exp(-lin)) ? 1 : 0;
            w[i] = 1;
        }
        LinearSettings s = LinearSettings.defaults().withFixedLambda(0.001).withNLambda(5);
        var bean = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        for (int rep = 0; rep < reps; rep++) {
            for (long cells : new long[] {Long.MAX_VALUE, 0}) {
                long c0 = bean.getCurrentThreadCpuTime();
                long a0 = bean.getCurrentThreadAllocatedBytes();
                PenalizedPath.Result res = PenalizedPath.fit(PenalizedPath.Family.BINOMIAL, x, t, w, null, 3, 0.0, s,
                        Design.Layout.DENSE, false, PenalizedPath.CV_ALL_ROWS, cells);
                long c1 = bean.getCurrentThreadCpuTime();
                long a1 = bean.getCurrentThreadAllocatedBytes();
                System.out.printf(java.util.Locale.ROOT, "%s cpu %.2f s alloc %.0f MB coef0 %s%n",
                        cells == 0 ? "view  " : "stored",
                        (c1 - c0) / 1e9, (a1 - a0) / 1048576.0, Double.toString(res.coefficients()[0]));
            }
        }
    }
}
