package org.causalrx.learn.linear;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Typical size (n = 1,600 × p = 60, 5-fold CV over 100 λ): prints the time of each learner. The bound is loose
 * (shared CI machines) and only catches pathological slow-downs such as a non-converging path.
 */
@Tag("slow")
class TimingTest {
    private static final double BOUND_MS = 10_000;

    @Test
    void typicalSizeIsFast() {
        int n = 1600;
        int p = 60;
        Random rng = new Random(1);
        double[][] x = Sim.features(rng, n, p, 0.5);
        double[] b = new double[p];
        for (int j = 0; j < p; j += 4) {
            b[j] = 0.3 / (1 + 0.5 * j);
        }
        double[] y = Sim.gaussianY(rng, x, 1, b, 1);
        int[] t = Sim.labels(rng, x, -0.5, b);
        double[] w = Sim.weights(rng, n, 0.5, 2);
        time("lasso", () -> new Lasso().fit(x, y, w, 1));
        time("ridge", () -> new Ridge().fit(x, y, w, 1));
        time("l1_logistic", () -> LogisticRegression.l1().fit(x, t, w, 1));
        time("l2_logistic", () -> LogisticRegression.l2().fit(x, t, w, 1));
    }

    private static void time(String name, Runnable fit) {
        long t0 = System.nanoTime();
        fit.run();
        double ms = (System.nanoTime() - t0) / 1e6;
        System.out.printf("%s 1600x60 5-fold CV x 100 lambda: %.0f ms (first call, JIT cold)%n", name, ms);
        assertTrue(ms < BOUND_MS, name + " took " + ms + " ms");
    }
}
