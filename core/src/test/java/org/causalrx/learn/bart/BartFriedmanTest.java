package org.causalrx.learn.bart;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.causalrx.learn.Metrics;
import org.causalrx.learn.linear.LinearSettings;
import org.causalrx.learn.linear.Ridge;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Friedman (1991) benchmark: BART with default settings, n = 500, p = 10, noise SD 1. */
@Tag("slow")
class BartFriedmanTest {
    @Test
    void friedmanRmseInPublishedRangeAndBeatsLinear() {
        SplittableRandom rng = new SplittableRandom(11);
        double[][] x = Sim.uniform(500, 10, rng);
        double[] y = Sim.noisy(Sim.truth(x, Sim::friedman), 1.0, rng);
        double[][] xt = Sim.uniform(1000, 10, rng);
        double[] ft = Sim.truth(xt, Sim::friedman);

        long t0 = System.nanoTime();
        BartModel model = new Bart().fit(x, y, null, 7);
        double secs = (System.nanoTime() - t0) / 1e9;
        double rmse = Metrics.rmse(ft, model.predict(xt));
        double linear = Metrics.rmse(ft, new Ridge(LinearSettings.nearlyUnpenalized()).fit(x, y, null, 7).predict(xt));
        double sigma = java.util.Arrays.stream(model.sigmaDraws()).average().orElseThrow();
        System.out.printf("Friedman n=500: BART RMSE %.3f, linear %.3f, SD(f) %.3f, mean sigma %.3f, fit %.2f s,"
                + " %d nodes%n", rmse, linear, Sim.sd(ft), sigma, secs, model.storedNodes());
        assertTrue(rmse < 1.8, "BART RMSE " + rmse);
        assertTrue(rmse < 0.5 * linear, "BART " + rmse + " vs linear " + linear);
        assertTrue(rmse < 0.5 * Sim.sd(ft));
        // with m = 200 trees BART absorbs some noise into the fit on this rugged truth (σ about 0.8–0.9)
        assertTrue(sigma > 0.75 && sigma < 1.1, "posterior mean of sigma " + sigma + ", true 1");
    }
}
