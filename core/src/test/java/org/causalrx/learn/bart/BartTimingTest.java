package org.causalrx.learn.bart;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** IHDP-sized fit (n = 672, p = 25, defaults: m = 200, 250 burn-in + 1000 draws); prints the time, asserts none. */
@Tag("slow")
class BartTimingTest {
    @Test
    void ihdpSizedFit() {
        SplittableRandom rng = new SplittableRandom(672);
        double[][] x = Sim.uniform(672, 25, rng);
        for (double[] r : x) {
            for (int j = 6; j < 25; j++) {
                r[j] = r[j] < 0.4 ? 1 : 0;
            }
        }
        double[] y = Sim.noisy(Sim.truth(x, Sim::friedman), 1.0, rng);
        long t0 = System.nanoTime();
        BartModel model = new Bart().fit(x, y, null, 1);
        double fit = (System.nanoTime() - t0) / 1e9;
        t0 = System.nanoTime();
        double[][] draws = model.posteriorDraws(x);
        double pred = (System.nanoTime() - t0) / 1e9;
        System.out.printf("IHDP-sized BART: fit %.2f s, posteriorDraws(672 rows) %.2f s, %d stored nodes (%.1f MB)%n",
                fit, pred, model.storedNodes(), model.storedNodes() * 16 / 1e6);
        assertEquals(1000, draws.length);
    }
}
