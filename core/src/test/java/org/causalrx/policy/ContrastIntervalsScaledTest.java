package org.causalrx.policy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** Widening contrast intervals about their centres: known ends, pairs kept, factor 1 is the identity. */
class ContrastIntervalsScaledTest {
    private static final ContrastIntervals CI = new ContrastIntervals(
            new ArmPair[] {new ArmPair(1, 0), new ArmPair(2, 1), new ArmPair(0, 2)},
            new double[] {-1.0, 0.5, 2.0}, new double[] {3.0, 0.5, 2.5});

    @Test
    void eachIntervalIsWidenedAboutItsCentre() {
        ContrastIntervals w = CI.scaled(2.0);
        assertArrayEquals(new double[] {-3.0, 0.5, 1.75}, w.lo(), 1e-12);
        assertArrayEquals(new double[] {5.0, 0.5, 2.75}, w.hi(), 1e-12);
        for (int i = 0; i < CI.size(); i++) {
            assertEquals(CI.pair(i), w.pair(i));
        }
    }

    @Test
    void factorOneIsTheIdentityAndFactorsBelowOneAreRefused() {
        assertSame(CI, CI.scaled(1.0));
        assertThrows(IllegalArgumentException.class, () -> CI.scaled(0.9));
        assertThrows(IllegalArgumentException.class, () -> CI.scaled(Double.POSITIVE_INFINITY));
    }
}
