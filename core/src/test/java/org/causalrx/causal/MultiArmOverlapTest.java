package org.causalrx.causal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/** The K-arm overlap rule: equal to the binary rule at K = 2, and its defining equation on K = 3 data. */
class MultiArmOverlapTest {

    /** n × K softmax propensities of x·coef with x ~ N(0, 1)² (strong coefficients give poor overlap). */
    private static double[][] propensities(Random rng, int n, double[][] coef) {
        int k = coef.length;
        double[][] p = new double[n][k];
        for (int i = 0; i < n; i++) {
            double x1 = rng.nextGaussian();
            double x2 = rng.nextGaussian();
            double s = 0;
            for (int a = 0; a < k; a++) {
                p[i][a] = Math.exp(coef[a][0] + coef[a][1] * x1 + coef[a][2] * x2);
                s += p[i][a];
            }
            for (int a = 0; a < k; a++) {
                p[i][a] /= s;
            }
        }
        return p;
    }

    @Test
    void twoArmsGiveTheBinaryCrumpSet() {
        for (double strength : new double[] {0.3, 2.5}) {
            Random rng = new Random(3);
            double[][] p = propensities(rng, 3000, new double[][] {{0, 0, 0}, {0.2, strength, -strength / 2}});
            double[] e1 = new double[p.length];
            for (int i = 0; i < p.length; i++) {
                e1[i] = p[i][1];
                p[i][0] = 1 - e1[i];
            }
            OverlapSet binary = OverlapSet.crump(e1);
            MultiArmOverlap multi = MultiArmOverlap.chosen(p);
            assertEquals(strength > 1, binary.etaLow() > MultiArmOverlap.FLOOR, "the strong design trims");
            assertEquals(binary.etaLow(), multi.eta(), 0.0, "same threshold, strength " + strength);
            assertEquals(1 - binary.etaLow(), binary.etaHigh(), 0.0);
            boolean[] in = multi.apply(p, new int[p.length]).inOverlap();
            for (int i = 0; i < p.length; i++) {
                assertEquals(binary.contains(e1[i]), in[i], "row " + i + ", e = " + e1[i]);
            }
        }
    }

    @Test
    void threeArmsSolveTheGeneralisedCrumpEquation() {
        Random rng = new Random(5);
        int n = 4000;
        double[][] p = propensities(rng, n, new double[][] {{0, 0, 0}, {0.3, 2.0, -1.0}, {-0.2, -1.5, 2.0}});
        int[] t = new int[n];
        for (int i = 0; i < n; i++) {
            double u = rng.nextDouble();
            t[i] = u < p[i][0] ? 0 : u < p[i][0] + p[i][1] ? 1 : 2;
        }
        MultiArmOverlap o = MultiArmOverlap.chosen(p);
        assertTrue(o.eta() > MultiArmOverlap.FLOOR && o.eta() < 1.0 / 3, "trims: eta = " + o.eta());
        // γ implied by η: 1/η + (K−1)²/(1−η); the Crump condition γ = 2·mean(λ | λ ≤ γ) must hold
        double gamma = 1 / o.eta() + 4 / (1 - o.eta());
        double sum = 0;
        int m = 0;
        for (double[] row : p) {
            double lam = 1 / row[0] + 1 / row[1] + 1 / row[2];
            if (lam <= gamma) {
                sum += lam;
                m++;
            }
        }
        assertEquals(gamma, 2 * sum / m, 1e-9 * gamma);

        MultiArmOverlap.Membership s = o.apply(p, t);
        int[] outside = new int[3];
        int[] below = new int[3];
        int inside = 0;
        boolean[] in = s.inOverlap();
        for (int i = 0; i < n; i++) {
            double min = Math.min(p[i][0], Math.min(p[i][1], p[i][2]));
            assertEquals(min >= o.eta(), in[i], "row " + i);
            inside += in[i] ? 1 : 0;
            outside[t[i]] += in[i] ? 0 : 1;
            for (int a = 0; a < 3; a++) {
                below[a] += p[i][a] < o.eta() ? 1 : 0;
            }
        }
        assertEquals(inside, s.inside());
        assertTrue(inside > n / 3 && inside < n, "some but not all patients outside: " + inside);
        assertArrayEquals(outside, s.outsideByArm());
        assertArrayEquals(below, s.belowByArm());
        assertEquals(n, s.inside() + s.outsideByArm()[0] + s.outsideByArm()[1] + s.outsideByArm()[2]);
    }

    @Test
    void givenThresholdAndFloorWhenNothingNeedsTrimming() {
        MultiArmOverlap g = MultiArmOverlap.given(0.1);
        MultiArmOverlap.Membership s = g.apply(new double[][] {{0.05, 0.5, 0.45}, {0.3, 0.3, 0.4}, {0.2, 0.08, 0.72}},
                new int[] {0, 2, 2});
        assertArrayEquals(new boolean[] {false, true, false}, s.inOverlap());
        assertArrayEquals(new int[] {1, 0, 1}, s.outsideByArm());
        assertArrayEquals(new int[] {1, 1, 0}, s.belowByArm());
        double[][] uniform = new double[50][];
        for (int i = 0; i < uniform.length; i++) {
            uniform[i] = new double[] {0.3 + 0.001 * i, 0.3, 0.4 - 0.001 * i};
        }
        assertEquals(MultiArmOverlap.FLOOR, MultiArmOverlap.chosen(uniform).eta(), 0.0);
    }
}
