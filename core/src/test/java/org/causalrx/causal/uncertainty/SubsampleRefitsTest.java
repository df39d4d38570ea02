package org.causalrx.causal.uncertainty;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.causalrx.causal.CateModel;
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

    @Test
    void estimatedRateBelowTheThresholdIsTheFullBootstrapAndAboveItSharesTheLargeRefits() {
        int n = 800;
        int[] t = new int[n];
        double[] y = new double[n];
        double[] tau = new double[n];
        double[][] x = BootstrapCateTest.sim(n, 31, t, y, tau);
        TLearner est = new TLearner("t_ridge", new Ridge());
        TLearner.Fitted point = est.fit(x, t, y, 32);
        BootstrapCateModel full = new BootstrapCate(est, 8, false).wrap(point, x, t, y, 33, 34);
        BootstrapCateModel below = new BootstrapCate(est, 8, false, 401, Subsample.Rate.ESTIMATED)
                .wrap(point, x, t, y, 33, 34);
        assertNull(below.subsample(), "n = 800 < 2 x 401: full bootstrap");
        assertArrayEquals(full.effectInterval(x, 0.05).lo(), below.effectInterval(x, 0.05).lo());
        assertArrayEquals(full.effectInterval(x, 0.05).hi(), below.effectInterval(x, 0.05).hi());

        BootstrapCateModel root = new BootstrapCate(est, 8, false, 400).wrap(point, x, t, y, 33, 34);
        BootstrapCateModel rated = new BootstrapCate(est, 8, false, 400, Subsample.Rate.ESTIMATED)
                .wrap(point, x, t, y, 33, 34);
        Subsample s = rated.subsample();
        assertTrue(s.twoSizes());
        assertEquals(400, s.drawn());
        assertEquals(100, s.smallDrawn(), "m/4 rows");
        assertTrue(s.rate() >= Subsample.MIN_RATE && s.rate() <= Subsample.MAX_RATE, "rate " + s.rate());
        for (int b = 0; b < 4; b++) {
            assertArrayEquals(root.refits().get(b).effect(x), rated.refits().get(b).effect(x), "large refit " + b);
        }
        assertFalse(Arrays.equals(root.refits().get(4).effect(x), rated.refits().get(4).effect(x)), "small refit");
        BootstrapCateModel again = new BootstrapCate(est, 8, true, 400, Subsample.Rate.ESTIMATED)
                .wrap(point, x, t, y, 33, 34);
        assertEquals(s, again.subsample(), "same seeds, in parallel or not: same rate");
        assertArrayEquals(rated.effectInterval(x, 0.05).hi(), again.effectInterval(x, 0.05).hi());
        assertTrue(s.describe(8, "").contains("size^-"), s.describe(8, ""));

        FinalStageBootstrap.Refit fp = new FinalStageBootstrap.Refit(new Ridge().fit(x, y, null, 1));
        BootstrapCateModel fs = new FinalStageBootstrap(new Ridge(), 8, false, 400, Subsample.Rate.ESTIMATED)
                .wrap(fp, x, t, y, 35, 36);
        assertTrue(fs.subsample().twoSizes());
        assertEquals(8, fs.refits().size());
        BootstrapCateModel three = new BootstrapCate(est, 3, false, 400, Subsample.Rate.ESTIMATED)
                .wrap(point, x, t, y, 33, 34);
        assertFalse(three.subsample().twoSizes(), "fewer than 4 refits: one size, root-n");
    }

    @Test
    void atTheRootNRateTwoSizeFactorsAreTheFinitePopulationFactors() {
        Subsample one = new Subsample(20_000, 100_000, false);
        Subsample two = new Subsample(20_000, 100_000, false, 5_000, 0.5);
        assertEquals(one.spreadScale(), two.spreadScale(), 1e-12);
        assertEquals(one.biasScale(), two.biasScale(), 1e-12);
        assertEquals(new Subsample(5_000, 100_000, false).spreadScale(), two.smallSpreadScale(), 1e-12);
        assertEquals(new Subsample(5_000, 100_000, false).biasScale(), two.smallBiasScale(), 1e-12);
        Subsample slow = two.withRate(0.35);
        assertTrue(slow.spreadScale() > one.spreadScale(), "a slower rate: wider at n");
        // Var_sub(k) = c (k^-2b - n^-2b) with b = 0.35: the factors carry each size's spread to c n^-2b
        double b = 0.35;
        double vn = Math.pow(100_000, -2 * b);
        double vm = Math.pow(20_000, -2 * b) - vn;
        double vs = Math.pow(5_000, -2 * b) - vn;
        assertEquals(Math.sqrt(vn), Math.sqrt(vm) * slow.spreadScale(), 1e-12);
        assertEquals(Math.sqrt(vn), Math.sqrt(vs) * slow.smallSpreadScale(), 1e-12);
        double bn = Math.pow(100_000, -b);
        assertEquals(bn, (Math.pow(20_000, -b) - bn) * slow.biasScale(), 1e-12);
        assertEquals(bn, (Math.pow(5_000, -b) - bn) * slow.smallBiasScale(), 1e-12);
    }

    @Test
    void theRateIsRecoveredFromTheTwoSizesSpreadAndClamped() {
        double xl = 100_000 / 20_000.0;
        double xs = 100_000 / 5_000.0;
        for (double b : new double[] {0.27, 0.35, 0.42, 0.49}) {
            assertEquals(b, Subsample.rateFor(Subsample.logVarRatio(b, xl, xs), 20_000, 5_000, 100_000), 1e-9);
        }
        assertEquals(Subsample.MIN_RATE, Subsample.rateFor(0.1, 20_000, 5_000, 100_000));
        assertEquals(Subsample.MAX_RATE, Subsample.rateFor(5, 20_000, 5_000, 100_000));
        // root-n with m = n/5: the raw SD ratio reads 0.56, the n terms bring it back to 0.5
        double raw = Subsample.logVarRatio(0.5, xl, xs) / (2 * Math.log(4));
        assertTrue(raw > 0.55, "uncorrected " + raw);
        // planted: refits constant in x, the small group's variance (x_s^0.7 - 1)/(x_l^0.7 - 1) times the large's
        double ratio = Math.exp(Subsample.logVarRatio(0.35, xl, xs));
        List<CateModel> refits = new ArrayList<>();
        for (double v : new double[] {-1, 1, -1, 1, 0}) {
            refits.add(constant(v));
        }
        double[] small = {-1, 1, -1, 1};
        double scale = Math.sqrt(ratio * 1.0 / (4.0 / 3.0));
        for (double v : small) {
            refits.add(constant(v * scale));
        }
        // large group (5 refits): values -1, 1, -1, 1, 0, variance 1; small group (4): variance (4/3) scale^2 = ratio
        double[][] x = new double[50][2];
        Subsample got = new Subsample(20_000, 100_000, false, 5_000, 0.5).withEstimatedRate(refits, x);
        assertEquals(0.35, got.rate(), 1e-6);
    }

    private static CateModel constant(double v) {
        return x -> {
            double[] out = new double[x.length];
            Arrays.fill(out, v);
            return out;
        };
    }
}
