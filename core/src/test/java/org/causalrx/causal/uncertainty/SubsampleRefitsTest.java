package org.causalrx.causal.uncertainty;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

import org.causalrx.causal.EffectIntervals;
import org.causalrx.causal.TLearner;
import org.causalrx.learn.linear.Ridge;
import org.junit.jupiter.api.Test;

/** Subsample refits: the draw, the threshold, and unchanged full-bootstrap refits below it. */
class SubsampleRefitsTest {
    @Test
    void belowTheThresholdTheRefitsAreTheFullBootstrapBitForBit() {
        int n = 600;
        int[] t = new int[n];
        double[] y = new double[n];
        double[] tau = new double[n];
        double[][] x = BootstrapCateTest.sim(n, 21, t, y, tau);
        TLearner est = new TLearner("t_ridge", new Ridge());
        TLearner.Fitted point = est.fit(x, t, y, 22);
        BootstrapCateModel full = new BootstrapCate(est, 8, false).wrap(point, x, t, y, 23, 24);
        BootstrapCateModel below = new BootstrapCate(est, 8, false, 301).wrap(point, x, t, y, 23, 24);
        BootstrapCateModel above = new BootstrapCate(est, 8, false, 300).wrap(point, x, t, y, 23, 24);
        assertNull(below.subsample(), "n = 600 < 2 x 301: full bootstrap");
        for (int b = 0; b < 8; b++) {
            assertArrayEquals(full.refits().get(b).effect(x), below.refits().get(b).effect(x));
        }
        EffectIntervals a = full.effectInterval(x, 0.05);
        EffectIntervals c = below.effectInterval(x, 0.05);
        assertArrayEquals(a.lo(), c.lo());
        assertArrayEquals(a.hi(), c.hi());
        assertEquals(new Subsample(300, 600, false), above.subsample());
        assertFalse(Arrays.equals(a.lo(), above.effectInterval(x, 0.05).lo()), "n = 2m: subsample refits");

        FinalStageBootstrap.Refit fp = new FinalStageBootstrap.Refit(new Ridge().fit(x, y, null, 1));
        BootstrapCateModel fsFull = new FinalStageBootstrap(new Ridge(), 8, false).wrap(fp, x, t, y, 25, 26);
        BootstrapCateModel fsBelow = new FinalStageBootstrap(new Ridge(), 8, false, 400).wrap(fp, x, t, y, 25, 26);
        BootstrapCateModel fsAbove = new FinalStageBootstrap(new Ridge(), 8, false, 200).wrap(fp, x, t, y, 25, 26);
        assertNull(fsBelow.subsample());
        assertArrayEquals(fsFull.effectInterval(x, 0.05).hi(), fsBelow.effectInterval(x, 0.05).hi());
        assertNotNull(fsAbove.subsample());
        assertFalse(Arrays.equals(fsFull.effectInterval(x, 0.05).hi(), fsAbove.effectInterval(x, 0.05).hi()));
    }

    @Test
    void rowSubsampleIsWithoutReplacementWithinArmAndSeeded() {
        int n = 1000;
        int[] t = new int[n];
        for (int i = 0; i < n; i++) {
            t[i] = i % 10 < 3 ? 1 : 0;
        }
        int[] rows = PatientSubsample.rows(t, 2, null, 100, 5);
        assertEquals(100, rows.length);
        assertEquals(100, new HashSet<>(Arrays.stream(rows).boxed().toList()).size(), "no row twice");
        assertEquals(70, Arrays.stream(rows).filter(r -> t[r] == 0).count(), "arm 0 keeps its 70 %");
        for (int i = 1; i < rows.length; i++) {
            assertTrue(t[rows[i - 1]] < t[rows[i]] || rows[i - 1] < rows[i], "arm order, then row order");
        }
        assertArrayEquals(rows, PatientSubsample.rows(t, 2, null, 100, 5));
        assertFalse(Arrays.equals(rows, PatientSubsample.rows(t, 2, null, 100, 6)));
        assertEquals(new Subsample(100, 1000, false), PatientSubsample.size(t, 2, null, 100));
    }

    @Test
    void groupedSubsampleDrawsWholePatients() {
        int patients = 400;
        int[] t = new int[patients * 3];
        int[] groups = new int[patients * 3];
        for (int i = 0; i < t.length; i++) {
            groups[i] = i / 3;
            t[i] = groups[i] % 4 == 0 ? 1 : 0;
        }
        int[] rows = PatientSubsample.rows(t, 2, groups, 300, 9);
        Set<Integer> drawn = new HashSet<>();
        for (int r : rows) {
            drawn.add(groups[r]);
        }
        assertEquals(100, drawn.size(), "a quarter of the rows asked: a quarter of the patients");
        assertEquals(300, rows.length, "every row of each drawn patient");
        assertEquals(25, drawn.stream().filter(g -> g % 4 == 0).count(), "strata keep their shares");
        assertEquals(new Subsample(100, 400, true), PatientSubsample.size(t, 2, groups, 300));
    }

    @Test
    void scalesFollowTheFinitePopulationAndRateFormulas() {
        assertEquals(1.0, new Subsample(500, 1000, false).spreadScale(), 1e-15, "half-sampling");
        assertEquals(Math.sqrt(2000.0 / 18000), new Subsample(2000, 20000, false).spreadScale(), 1e-15);
        Subsample s = new Subsample(2000, 20000, false);
        double biasAtM = 1 / Math.sqrt(2000);
        double biasAtN = 1 / Math.sqrt(20000);
        assertEquals(biasAtN, (biasAtM - biasAtN) * s.biasScale(), 1e-15, "recovers c/sqrt(n) from the difference");
        assertTrue(Subsample.applies(300, 600));
        assertFalse(Subsample.applies(301, 600));
        assertFalse(Subsample.applies(0, 600));
        assertEquals(Subsample.AUTO_FLOOR, Subsample.rowsFor(0, 100_000));
        assertEquals(31_623, Subsample.rowsFor(0, 1_000_000));
        assertEquals(5000, Subsample.rowsFor(5000, 1_000_000));
        String text = s.describe(20, "");
        assertTrue(text.startsWith("20 subsample refits of 2,000 of 20,000 rows each"), text);
    }
}
