package org.causalrx.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.causalrx.causal.forest.CausalForest;
import org.causalrx.causal.forest.CausalForestModel;
import org.causalrx.causal.forest.Estimate;
import org.causalrx.learn.forest.ForestSettings;
import org.causalrx.util.Seeds;

/**
 * grf's "simple" design of generate_causal_data (n = 4,000 train, fresh 4,000 test, p = 10, 2,000 trees, one
 * thread; Ŷ from an out-of-bag regression forest, Ŵ = the true propensity). Reports test τ MSE, the variance
 * ratio mean((τ̂ − τ)²/σ̂²), 95 % coverage and single-thread seconds for fit (including out-of-bag τ̂),
 * predict and predict with variance. Computes; does not print ({@code bench grf}, {@link GrfBench}, does).
 */
final class GrfSimpleBenchmark {
    static final int N = 4000;
    static final int P = 10;

    private GrfSimpleBenchmark() {
    }

    /** One simulated sample of the design. */
    record Sample(double[][] x, double[] y, double[] w, double[] e, double[] tau) {
    }

    static Sample simulate(int n, int p, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[][] x = new double[n][p];
        double[] e = new double[n];
        double[] w = new double[n];
        double[] tau0 = new double[n];
        double[] m0 = new double[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < p; j++) {
                x[i][j] = rng.nextGaussian();
            }
            e[i] = 0.4 + 0.2 * (x[i][0] > 0 ? 1 : 0);
            w[i] = rng.nextDouble() < e[i] ? 1 : 0;
            tau0[i] = Math.max(x[i][0], 0);
            m0[i] = x[i][1] + Math.min(x[i][2], 0) + e[i] * tau0[i];
        }
        double sdM = sd(m0);
        double sdT = sd(tau0);
        double[] y = new double[n];
        double[] tau = new double[n];
        for (int i = 0; i < n; i++) {
            double m = m0[i] / sdM;
            tau[i] = 0.1 * tau0[i] / sdT;
            y[i] = m + (w[i] - e[i]) * tau[i] + rng.nextGaussian();
        }
        return new Sample(x, y, w, e, tau);
    }

    static double sd(double[] v) {
        double m = 0;
        for (double a : v) {
            m += a;
        }
        m /= v.length;
        double s = 0;
        for (double a : v) {
            s += (a - m) * (a - m);
        }
        return Math.sqrt(s / (v.length - 1));
    }

    static Map<String, Object> run(int reps, long seed) {
        return run(reps, seed, ForestSettings.defaults());
    }

    static Map<String, Object> run(int reps, long seed, ForestSettings settings) {
        List<Map<String, Object>> runs = new ArrayList<>();
        double sMse = 0;
        double sRatio = 0;
        double sCov = 0;
        double sFit = 0;
        double sPred = 0;
        double sVar = 0;
        for (int r = 0; r < reps; r++) {
            Sample train = simulate(N, P, Seeds.derive(seed, 2L * r));
            Sample test = simulate(N, P, Seeds.derive(seed, 2L * r + 1));
            CausalForest cf = new CausalForest(settings.withThreads(1));
            java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
            long c0 = mx.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            CausalForestModel model = cf.fit(train.x(), train.y(), train.w(), null, train.e(),
                    Seeds.derive(seed, "forest-" + r));
            double[] oob = model.oobEffect();
            long t1 = System.nanoTime();
            long c1 = mx.getCurrentThreadCpuTime();
            double[] tau = model.effect(test.x());
            long t2 = System.nanoTime();
            long c2 = mx.getCurrentThreadCpuTime();
            Estimate est = model.effectWithVariance(test.x());
            long t3 = System.nanoTime();
            long c3 = mx.getCurrentThreadCpuTime();
            Estimate.Interval ci = est.interval(0.05);
            double mse = 0;
            double ratio = 0;
            double cover = 0;
            double oobMse = 0;
            for (int i = 0; i < N; i++) {
                double d = tau[i] - test.tau()[i];
                mse += d * d;
                ratio += d * d / est.variance()[i];
                if (ci.lower()[i] <= test.tau()[i] && test.tau()[i] <= ci.upper()[i]) {
                    cover++;
                }
                double o = oob[i] - train.tau()[i];
                oobMse += o * o;
            }
            Map<String, Object> one = new LinkedHashMap<>();
            one.put("rep", r);
            one.put("tauMse", mse / N);
            one.put("oobTauMse", oobMse / N);
            one.put("varianceRatio", ratio / N);
            one.put("coverage95", cover / N);
            one.put("fitSeconds", (t1 - t0) / 1e9);
            one.put("predictSeconds", (t2 - t1) / 1e9);
            one.put("predictWithVarianceSeconds", (t3 - t2) / 1e9);
            // CPU time of the (only) working thread: robust to other load on a shared machine
            one.put("fitCpuSeconds", (c1 - c0) / 1e9);
            one.put("predictCpuSeconds", (c2 - c1) / 1e9);
            one.put("predictWithVarianceCpuSeconds", (c3 - c2) / 1e9);
            runs.add(one);
            sMse += mse / N;
            sRatio += ratio / N;
            sCov += cover / N;
            sFit += (t1 - t0) / 1e9;
            sPred += (t2 - t1) / 1e9;
            sVar += (t3 - t2) / 1e9;
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("design", "grf simple: n=4000 train, 4000 test, p=10, 2000 trees, 1 thread, Y.hat OOB forest, "
                + "W.hat = true e");
        out.put("reps", reps);
        out.put("tauMse", sMse / reps);
        out.put("varianceRatio", sRatio / reps);
        out.put("coverage95", sCov / reps);
        out.put("fitSeconds", sFit / reps);
        out.put("predictSeconds", sPred / reps);
        out.put("predictWithVarianceSeconds", sVar / reps);
        for (String k : new String[] {"fitCpuSeconds", "predictCpuSeconds", "predictWithVarianceCpuSeconds"}) {
            out.put(k, runs.stream().mapToDouble(m -> (Double) m.get(k)).average().orElse(Double.NaN));
        }
        out.put("runs", runs);
        out.put("grfReference", Map.of("tauMse", 0.0093, "varianceRatio", 1.25, "fitSeconds", 11.7,
                "predictSeconds", 3.4, "predictWithVarianceSeconds", 4.9));
        return out;
    }
}
