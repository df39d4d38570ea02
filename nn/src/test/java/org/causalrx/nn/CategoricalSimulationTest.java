package org.causalrx.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/** The simulated categorical truth is a proper distribution per arm, and the simulation is seeded. */
class CategoricalSimulationTest {
    @Test
    void probabilitiesAreDistributionsAndEffectsSumToZero() {
        SplittableRandom r = new SplittableRandom(4);
        double[][] x = new double[500][3];
        for (double[] row : x) {
            for (int j = 0; j < 3; j++) {
                row[j] = Sims.gauss(r);
            }
        }
        CategoricalSimulation.Data d = CategoricalSimulation.simulate(x, 4, 9);
        double[][] ce = d.classEffects();
        double[] overall = d.effect();
        int treated = 0;
        for (int i = 0; i < x.length; i++) {
            double s0 = 0;
            double s1 = 0;
            double s = 0;
            double e = 0;
            for (int k = 0; k < 4; k++) {
                assertTrue(d.classProb0()[i][k] >= 0 && d.classProb1()[i][k] >= 0);
                s0 += d.classProb0()[i][k];
                s1 += d.classProb1()[i][k];
                s += ce[i][k];
                e += k * ce[i][k];
            }
            assertEquals(1, s0, 1e-12);
            assertEquals(1, s1, 1e-12);
            assertEquals(0, s, 1e-12);
            assertEquals(e, overall[i], 1e-12);
            assertTrue(d.y()[i] >= 0 && d.y()[i] <= 3 && d.y()[i] == Math.rint(d.y()[i]));
            treated += d.t()[i];
        }
        assertTrue(treated > 100 && treated < 400, "both arms populated: " + treated);
        assertArrayEquals(d.y(), CategoricalSimulation.simulate(x, 4, 9).y(), "same seed, same outcomes");
    }
}
