package org.causalrx.learn.bart;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * With all weights zero the likelihood is flat, so the Metropolis–Hastings tree moves must leave the tree
 * prior invariant: the sampled trees must match P(split at depth d) = alpha (1 + d)^(-beta).
 */
class SamplerPriorTest {
    @Test
    void treeMovesSampleThePriorWhenDataAreUninformative() {
        double alpha = 0.95;
        double beta = 2;
        double[][] x = Sim.uniform(200, 10, new SplittableRandom(1));
        CutPoints cuts = CutPoints.of(x, 100);
        double[] target = new double[200];
        double[] w = new double[200];
        int m = 50;
        Sampler sampler = new Sampler(cuts, cuts.bin(x), target, w, m, 0.1, alpha, beta, new SplittableRandom(2));
        int sweeps = 2000;
        double leaves = 0;
        double single = 0;
        int[] buf = new int[4096];
        for (int s = 0; s < sweeps; s++) {
            sampler.sweep();
            if (s < 100) {
                continue;
            }
            for (Tree tr : sampler.trees()) {
                int l = tr.leaves(buf);
                leaves += l;
                single += l == 1 ? 1 : 0;
            }
        }
        double count = (double) (sweeps - 100) * m;
        // E[leaves of a subtree rooted at depth d] = (1 - p_d) + p_d * 2 E_{d+1} (cut exhaustion negligible)
        double e = 1;
        for (int d = 30; d >= 0; d--) {
            double pd = alpha * Math.pow(1 + d, -beta);
            e = (1 - pd) + pd * 2 * e;
        }
        System.out.printf("prior: mean leaves %.4f (expected %.4f), single-leaf share %.4f (expected %.4f)%n",
                leaves / count, e, single / count, 1 - alpha);
        assertEquals(e, leaves / count, 0.02 * e);
        assertEquals(1 - alpha, single / count, 0.01);
    }
}
