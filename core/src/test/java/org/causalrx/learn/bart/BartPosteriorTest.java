package org.causalrx.learn.bart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.causalrx.learn.Metrics;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Posterior mean, credible intervals and sigma draws on simple truths. */
@Tag("slow")
class BartPosteriorTest {
    private static final BartSettings SHORT = BartSettings.defaults().withBurnIn(200).withDraws(500);

    private static double step(double[] r) {
        return r[0] > 0.5 ? 2.0 : -1.0;
    }

    @Test
    void linearTruthPosteriorMeanAndSigma() {
        SplittableRandom rng = new SplittableRandom(3);
        double[][] x = Sim.uniform(400, 4, rng);
        double[] f = Sim.truth(x, r -> 2 * r[0] - r[1]);
        double[] y = Sim.noisy(f, 0.2, rng);
        double[][] xt = Sim.uniform(500, 4, rng);
        BartModel model = new Bart(SHORT).fit(x, y, null, 5);
        double rmse = Metrics.rmse(Sim.truth(xt, r -> 2 * r[0] - r[1]), model.predict(xt));
        double sigma = Arrays.stream(model.sigmaDraws()).average().orElseThrow();
        System.out.printf("linear truth: RMSE %.3f (SD f %.3f), mean sigma %.3f (true 0.2)%n", rmse, Sim.sd(f), sigma);
        assertTrue(rmse < 0.12, "RMSE " + rmse);
        // BART absorbs a little noise into the trees on smooth truths, so σ is slightly low here
        assertTrue(sigma > 0.15 && sigma < 0.24, "mean sigma " + sigma);
        assertEquals(500, model.sigmaDraws().length);
    }

    @Test
    void stepTruthConvergesAndIntervalsCover() {
        double prev = Double.POSITIVE_INFINITY;
        double[][] xt = Sim.uniform(400, 3, new SplittableRandom(99));
        double[] ft = Sim.truth(xt, BartPosteriorTest::step);
        for (int n : new int[] {100, 800}) {
            SplittableRandom rng = new SplittableRandom(n);
            double[][] x = Sim.uniform(n, 3, rng);
            double[] y = Sim.noisy(Sim.truth(x, BartPosteriorTest::step), 0.5, rng);
            BartModel model = new Bart(SHORT.withTrees(50)).fit(x, y, null, 1);
            double rmse = Metrics.rmse(ft, model.predict(xt));
            double sigma = Arrays.stream(model.sigmaDraws()).average().orElseThrow();
            double[][] draws = model.posteriorDraws(xt);
            int covered = 0;
            double[] col = new double[draws.length];
            for (int i = 0; i < xt.length; i++) {
                for (int k = 0; k < draws.length; k++) {
                    col[k] = draws[k][i];
                }
                Arrays.sort(col);
                double lo = col[(int) (0.05 * (col.length - 1))];
                double hi = col[(int) Math.ceil(0.95 * (col.length - 1))];
                covered += lo <= ft[i] && ft[i] <= hi ? 1 : 0;
            }
            double coverage = covered / (double) xt.length;
            System.out.printf("step n=%d: RMSE %.3f, 90%% coverage %.3f, mean sigma %.3f (true 0.5)%n",
                    n, rmse, coverage, sigma);
            assertTrue(rmse < prev, "RMSE should fall with n");
            assertTrue(coverage > 0.75, "coverage " + coverage);
            assertEquals(0.5, sigma, 0.1);
            prev = rmse;
        }
        assertTrue(prev < 0.2, "RMSE at n=800: " + prev);
    }

    @Test
    void sigmaDrawsCentredOnTrueNoiseSd() {
        SplittableRandom rng = new SplittableRandom(4);
        double[][] x = Sim.uniform(400, 5, rng);
        double[] y = Sim.noisy(Sim.truth(x, r -> 3 * r[0] + (r[1] > 0.5 ? 2 : 0)), 1.5, rng);
        BartModel model = new Bart(SHORT.withTrees(50)).fit(x, y, null, 9);
        double[] sd = model.sigmaDraws();
        Arrays.sort(sd);
        double mean = Arrays.stream(sd).average().orElseThrow();
        System.out.printf("sigma draws: mean %.3f, 90%% interval [%.3f, %.3f] (true 1.5)%n", mean,
                sd[(int) (0.05 * sd.length)], sd[(int) (0.95 * sd.length)]);
        assertEquals(1.5, mean, 0.12);
        assertTrue(sd[(int) (0.05 * sd.length)] < 1.5 && 1.5 < sd[(int) (0.95 * sd.length)] + 0.05);
    }

    @Test
    void zeroWeightRowsAreIgnored() {
        SplittableRandom rng = new SplittableRandom(8);
        double[][] x = Sim.uniform(400, 2, rng);
        double[] f = Sim.truth(x, r -> 3 * r[0]);
        double[] y = Sim.noisy(f, 0.2, rng);
        double[] w = new double[400];
        for (int i = 0; i < 400; i++) {
            w[i] = i % 2 == 0 ? 1.0 : 0.0;
            if (i % 2 == 1) {
                y[i] += 50 * (x[i][1] - 0.5);
            }
        }
        BartSettings s = SHORT.withTrees(50).withDraws(200);
        double[][] xt = Sim.uniform(300, 2, rng);
        double[] ft = Sim.truth(xt, r -> 3 * r[0]);
        double weighted = Metrics.rmse(ft, new Bart(s).fit(x, y, w, 2).predict(xt));
        double unweighted = Metrics.rmse(ft, new Bart(s).fit(x, y, null, 2).predict(xt));
        System.out.printf("weights: RMSE weighted %.3f, ignoring weights %.3f%n", weighted, unweighted);
        assertTrue(weighted < 0.2, "weighted RMSE " + weighted);
        assertTrue(unweighted > 2 * weighted);
    }
}
