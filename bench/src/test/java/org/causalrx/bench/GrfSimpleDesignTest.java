package org.causalrx.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The benchmark's data generator follows grf's "simple" design (the benchmark itself, {@code bench grf}, is not a
 * test).
 */
class GrfSimpleDesignTest {

    @Test
    void simpleDesignHasTheStatedScales() {
        GrfSimpleBenchmark.Sample s = GrfSimpleBenchmark.simulate(2000, 10, 1);
        assertEquals(0.1, GrfSimpleBenchmark.sd(s.tau()), 1e-12);
        double treated = 0;
        for (int i = 0; i < s.w().length; i++) {
            assertEquals(s.x()[i][0] > 0 ? 0.6 : 0.4, s.e()[i], 1e-12);
            assertTrue(s.tau()[i] >= 0);
            assertEquals(s.x()[i][0] > 0, s.tau()[i] > 0);
            treated += s.w()[i];
        }
        assertEquals(0.5, treated / s.w().length, 0.05);
    }
}
