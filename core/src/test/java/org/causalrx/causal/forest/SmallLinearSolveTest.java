package org.causalrx.causal.forest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SmallLinearSolveTest {

    @Test
    void solvesRandomSystemsThatNeedPivoting() {
        SplittableRandom r = new SplittableRandom(1);
        int d = 4;
        SmallLinearSolve solver = new SmallLinearSolve(d);
        for (int rep = 0; rep < 20; rep++) {
            double[] a = new double[d * d];
            for (int i = 0; i < a.length; i++) {
                a[i] = r.nextDouble() * 2 - 1;
            }
            for (int j = 0; j < d; j++) {
                a[j * d + j] = 0.01 + Math.abs(a[j * d + j]) * 0.01; // small positive diagonal: pivoting needed
            }
            double[] x = new double[d];
            for (int j = 0; j < d; j++) {
                x[j] = r.nextGaussian();
            }
            double[] b = new double[d];
            for (int i = 0; i < d; i++) {
                for (int j = 0; j < d; j++) {
                    b[i] += a[i * d + j] * x[j];
                }
            }
            assertTrue(solver.factor(a));
            double[] got = new double[d];
            solver.solve(b, got);
            for (int j = 0; j < d; j++) {
                assertEquals(x[j], got[j], 1e-8);
            }
        }
    }

    @Test
    void oneDimensionIsPlainDivision() {
        SmallLinearSolve solver = new SmallLinearSolve(1);
        double a = 0.3;
        double b = 0.7;
        assertTrue(solver.factor(new double[] {a}));
        double[] x = {b};
        solver.solve(x, x);
        assertEquals(b / a, x[0], 0.0);
    }

    @Test
    void singularCovarianceGetsARidgeAndZeroVarianceIsRefused() {
        SmallLinearSolve solver = new SmallLinearSolve(2);
        // rank one: two identical treatment dimensions
        assertTrue(solver.factor(new double[] {1, 1, 1, 1}));
        double[] x = new double[2];
        solver.solve(new double[] {2, 2}, x);
        // with the ridge, the solution is the minimum-norm one, (1, 1)
        assertEquals(2.0, x[0] + x[1], 1e-6);
        assertEquals(1.0, x[0], 1e-6);
        assertEquals(1.0, x[1], 1e-6);
        assertFalse(solver.factor(new double[] {1, 0, 0, 0}));
    }
}
