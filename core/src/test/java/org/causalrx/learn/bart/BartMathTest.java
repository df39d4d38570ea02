package org.causalrx.learn.bart;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Distribution helpers and cut points against known values. */
class BartMathTest {
    @Test
    void normalAndChiSquareReferenceValues() {
        assertEquals(0.9750021048517795, BartMath.phi(1.96), 1e-7);
        assertEquals(0.0013498980316301, BartMath.phi(-3), 1e-9);
        assertEquals(1.2815515655446004, BartMath.phiInverse(0.9), 1e-6);
        assertEquals(0.5843743503, BartMath.chiSquareQuantile(0.1, 3), 1e-6);
        assertEquals(2.705543454, BartMath.chiSquareQuantile(0.9, 1), 1e-6);
    }

    @Test
    void drawsHaveTheRightMoments() {
        SplittableRandom rng = new SplittableRandom(1);
        int n = 100_000;
        double chi = 0;
        double trunc = 0;
        double tail = 0;
        for (int i = 0; i < n; i++) {
            chi += BartMath.chiSquare(5, rng);
            double z = BartMath.truncatedNormal(0, true, rng);
            assertTrue(z > 0);
            trunc += z;
            double zt = BartMath.truncatedNormal(-3, true, rng);
            assertTrue(zt > 0);
            tail += zt;
        }
        assertEquals(5.0, chi / n, 0.05);
        assertEquals(Math.sqrt(2 / Math.PI), trunc / n, 0.01);
        // E[Z | Z > 3] for Z ~ N(0,1) = φ(3) / (1 − Φ(3)) = 3.2831
        assertEquals(3.2831 - 3, tail / n, 0.01);
    }

    @Test
    void cutPointsSeparateUniqueValuesAndAreCapped() {
        double[][] x = {{1, 0}, {2, 0}, {2, 1}, {4, 0}};
        CutPoints cuts = CutPoints.of(x, 100);
        assertEquals(2, cuts.count(0));
        assertEquals(1.5, cuts.value(0, 0));
        assertEquals(3.0, cuts.value(0, 1));
        assertEquals(1, cuts.count(1));
        int[][] bin = cuts.bin(x);
        assertEquals(0, bin[0][0]);
        assertEquals(1, bin[0][1]);
        assertEquals(2, bin[0][3]);
        double[][] many = Sim.uniform(1000, 1, new SplittableRandom(2));
        CutPoints capped = CutPoints.of(many, 100);
        assertEquals(100, capped.count(0));
        assertEquals(0.5, capped.value(0, 49), 0.06);
    }
}
