package org.causalrx.causal.uncertainty;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.causalrx.causal.EffectIntervals;
import org.causalrx.causal.IntervalCateModel;
import org.causalrx.causal.TLearner;
import org.causalrx.pipeline.IntervalCoverage;
import org.causalrx.pipeline.Learners;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Known answer, out of sample: the XGBoost T-learner's bootstrap interval (B = 10) undercovers a known linear CATE
 * (its regularisation shrinks the effect, a bias the refits repeat); the factor estimated on simulated data sets
 * 0..2 ({@link IntervalCoverage#scale}, {@link IntervalCalibration#fromScales}) brings the coverage on a fresh data
 * set 3 to 88–99 % of the nominal 95 %.
 */
@Tag("slow")
class IntervalCalibrationKnownAnswerTest {
    static final int N = 800;
    static final int M = 1000;
    static final int P = 5;

    /** x (train then test), t, y for the training rows, and the true CATE of the test rows. */
    record Data(double[][] x, int[] t, double[] y, double[][] xt, double[] tau) {
    }

    static Data simulate(long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[][] x = new double[N][];
        int[] t = new int[N];
        double[] y = new double[N];
        double[][] xt = new double[M][];
        double[] tau = new double[M];
        for (int i = 0; i < N + M; i++) {
            double[] row = new double[P];
            for (int j = 0; j < P; j++) {
                row[j] = rng.nextGaussian();
            }
            double effect = 0.5 + 0.5 * row[0] - 0.3 * row[1];
            if (i < N) {
                double e = 1 / (1 + Math.exp(-(0.6 * row[0] + 0.4 * row[2])));
                t[i] = rng.nextDouble() < e ? 1 : 0;
                y[i] = row[0] + 0.5 * row[2] - 0.5 * row[3] + t[i] * effect + rng.nextGaussian();
                x[i] = row;
            } else {
                xt[i - N] = row;
                tau[i - N] = effect;
            }
        }
        return new Data(x, t, y, xt, tau);
    }

    static EffectIntervals interval(TLearner est, Data d, long seed) {
        return new BootstrapCate(est, 10, true).wrap(est.fit(d.x(), d.t(), d.y(), seed), d.x(), d.t(), d.y(),
                seed + 1, seed + 2).effectInterval(d.xt(), 0.05);
    }

    static double coverage(EffectIntervals iv, double[] tau) {
        int c = 0;
        for (int i = 0; i < tau.length; i++) {
            c += iv.lo()[i] <= tau[i] && tau[i] <= iv.hi()[i] ? 1 : 0;
        }
        return c / (double) tau.length;
    }

    @Test
    void factorFromSimulatedSeedsCalibratesAFreshSeed() {
        TLearner est = Learners.standard().tLearners(false).stream().filter(l -> l.name().equals("t_xgboost"))
                .findFirst().orElseThrow();
        List<Double> scales = new ArrayList<>();
        for (int s = 0; s < 3; s++) {
            Data d = simulate(1000 + s);
            EffectIntervals iv = interval(est, d, 10 * s + 1);
            scales.add(IntervalCoverage.scale(iv.lo(), iv.hi(), d.tau(), 0.95));
        }
        IntervalCalibration cal = IntervalCalibration.fromScales(Map.of("t_xgboost", scales), "seeds 0..2");
        Data fresh = simulate(1003);
        long seed = 31;
        IntervalCateModel raw = new BootstrapCate(est, 10, true).wrap(est.fit(fresh.x(), fresh.t(), fresh.y(), seed),
                fresh.x(), fresh.t(), fresh.y(), seed + 1, seed + 2);
        double before = coverage(raw.effectInterval(fresh.xt(), 0.05), fresh.tau());
        double after = coverage(cal.apply("t_xgboost", raw).effectInterval(fresh.xt(), 0.05), fresh.tau());
        String msg = "scales " + scales + ", factor " + cal.factor("t_xgboost") + ", coverage " + before + " → "
                + after;
        System.out.println(msg);
        assertTrue(before < 0.88, "the raw interval should undercover: " + msg);
        assertTrue(after >= 0.88 && after <= 0.99, msg);
    }
}
