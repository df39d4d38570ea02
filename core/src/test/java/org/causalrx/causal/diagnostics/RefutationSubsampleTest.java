package org.causalrx.causal.diagnostics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.causalrx.causal.CrossFitAipw;
import org.causalrx.learn.linear.LinearSettings;
import org.causalrx.learn.linear.LogisticRegression;
import org.causalrx.learn.linear.Ridge;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Refutations on a patient subsample ({@link RefutationSubsample}, {@link AteRefuter#refute(double[][], int[],
 * double[], CrossFitAipw.Estimate, long, RefutationSubsample.Drawn)}): with m rows asked of n ≥ 2m, the estimator is
 * fitted once on m rows drawn within arm (whole patients when rows are grouped), that fit is every check's reference,
 * and every re-fit sees only the subsample's rows; the same seed draws the same subsample; below 2m nothing changes.
 * The defects that fail each check on all rows fail it on the subsample too, and the correct estimator passes.
 */
class RefutationSubsampleTest {
    private static final double ATE = 2.0;
    private static final LinearSettings FIXED = LinearSettings.defaults().withFixedLambda(1e-3);
    private static final CrossFitAipw AIPW = new CrossFitAipw(LogisticRegression.l2(FIXED), new Ridge(FIXED), 5,
            0.01);
    private static final RefutationRules RULES = RefutationRules.defaults();

    /** Column 0 of x is the row id; the confounder x2 drives treatment and outcome (true ATE 2). */
    private record Data(double[][] x, int[] t, double[] y) {
    }

    private static Data simulate(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[][] x = new double[n][];
        int[] t = new int[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            double x1 = r.nextGaussian();
            double x2 = r.nextGaussian();
            x[i] = new double[] {i, x1, x2};
            t[i] = r.nextDouble() < 1 / (1 + Math.exp(-1.5 * x2)) ? 1 : 0;
            y[i] = 0.5 * x1 + 2 * x2 + ATE * t[i] + r.nextGaussian();
        }
        return new Data(x, t, y);
    }

    /** A call the estimator received: the row ids (column 0 of x), its width, and the groups. */
    private record Call(int[] rows, int width, int[] groups) {
    }

    /** Records every call, answers with a fixed estimate whose ATE is the mean row id (the rows it was given). */
    private static AteRefuter.AteFit counting(List<Call> calls) {
        return (x, t, y, g, s) -> {
            int[] rows = Arrays.stream(x).mapToInt(r -> (int) r[0]).toArray();
            synchronized (calls) {
                calls.add(new Call(rows, x[0].length, g));
            }
            double mean = Arrays.stream(rows).average().orElse(0);
            return new CrossFitAipw.Estimate(mean, 1, mean - 2, mean + 2, y.length, 5);
        };
    }

    @Test
    void anExplicitSizeBelowTheFloorRefutesOnExactlyThoseRowsAgainstTheSubsamplesOwnFit() {
        Data d = simulate(3000, 1);
        // 1,200 treated and 1,800 controls: a third of each arm is exactly 1,000 rows
        int[] t = new int[3000];
        Arrays.setAll(t, i -> i % 5 < 2 ? 1 : 0);
        RefutationSubsample.Drawn drawn = RefutationSubsample.draw(t, 2, null, 1000, 17L);
        assertNotNull(drawn, "n = 3,000 >= 2 x 1,000: a subsample, although 1,000 is below the automatic floor");
        assertEquals(new RefutationSubsample(1000, 3000, 1000, 3000), drawn.size());
        int[] idx = drawn.index();
        assertEquals(1000, Arrays.stream(idx).distinct().count());
        assertEquals(400, Arrays.stream(idx).filter(i -> t[i] == 1).count(), "stratified: 2/5 of them treated");

        List<Call> calls = new ArrayList<>();
        AteRefuter.Refuted r = new AteRefuter(counting(calls), RULES, false).refute(d.x(), t, d.y(),
                new CrossFitAipw.Estimate(-99, 5, -100, -98, 3000, 5), 3L, drawn);
        assertEquals(1 + RULES.placeboDraws() + RULES.commonCauseDraws() + RULES.subsetDraws(), calls.size(),
                "the reference once, then each re-fit once");
        int[] sorted = idx.clone();
        Arrays.sort(sorted);
        assertArrayEquals(sorted, Arrays.stream(calls.get(0).rows()).sorted().toArray(),
                "the reference is fitted on the subsample");
        double reference = Arrays.stream(idx).average().orElseThrow();
        assertEquals(reference, r.reference().ate(), "the reference is the subsample's estimate, not the original");
        for (Call c : calls) {
            int[] rows = c.rows().clone();
            Arrays.sort(rows);
            if (rows.length == 1000) {
                assertArrayEquals(sorted, rows, "placebo and common cause re-fit the subsample's rows");
            } else {
                assertEquals(800, rows.length, "a data subset: 80 % of the subsample");
                assertTrue(Arrays.stream(rows).allMatch(i -> Arrays.binarySearch(sorted, i) >= 0));
            }
        }
        assertEquals(RULES.commonCauseDraws(), calls.stream().filter(c -> c.width() == 4).count());
        for (Refutation c : r.checks()) {
            assertEquals(reference, c.original(), c.check() + " compares with the subsample's estimate");
            assertEquals(1.0, c.originalSe());
        }
        assertEquals(r.subsample(), drawn.size());

        RefutationSubsample.Drawn again = RefutationSubsample.draw(t, 2, null, 1000, 17L);
        assertEquals(drawn, again, "same seed, same subsample");
        assertEquals(r, new AteRefuter(counting(new ArrayList<>()), RULES, true).refute(d.x(), t, d.y(),
                new CrossFitAipw.Estimate(-99, 5, -100, -98, 3000, 5), 3L, again), "and the same refutations");
        assertNotEquals(drawn, RefutationSubsample.draw(t, 2, null, 1000, 18L), "another seed, another subsample");
    }

    @Test
    void groupedRowsKeepPatientsWholeInTheSubsampleAndItsSubsets() {
        int n = 3000;
        double[][] x = new double[n][];
        int[] t = new int[n];
        double[] y = new double[n];
        int[] groups = new int[n];
        SplittableRandom rnd = new SplittableRandom(2);
        for (int i = 0; i < n; i++) {
            x[i] = new double[] {i, rnd.nextGaussian()};
            groups[i] = 500 + 3 * (i / 3);
            t[i] = (i / 3) % 2;
            y[i] = t[i] + rnd.nextGaussian();
        }
        RefutationSubsample.Drawn drawn = RefutationSubsample.draw(t, 2, groups, 600, 5L);
        assertNotNull(drawn);
        assertEquals(3000, drawn.size().ofRows());
        assertEquals(1000, drawn.size().ofPatients());
        assertEquals(200, drawn.size().patients(), "a fifth of the patients");
        assertEquals(600, drawn.size().rows(), "with their 3 rows each");
        List<Call> calls = new ArrayList<>();
        new AteRefuter(counting(calls), new RefutationRules(2, 0.5, 1, 0.5, 3, 0.5, 2), false, groups)
                .refute(x, t, y, null, 9L, drawn);
        assertEquals(1 + 2 + 1 + 3, calls.size());
        for (Call c : calls) {
            Map<Integer, Integer> rowsOf = new HashMap<>();
            for (int k = 0; k < c.rows().length; k++) {
                assertEquals(groups[c.rows()[k]], c.groups()[k], "each row carries its patient");
                rowsOf.merge(c.groups()[k], 1, Integer::sum);
            }
            assertTrue(rowsOf.values().stream().allMatch(v -> v == 3), "whole patients only");
            assertEquals(c.rows().length == 600 ? 200 : 100, rowsOf.size(), "the subsample, or half of it");
        }
    }

    @Test
    void belowTwiceTheSizeTheRefutationsAreThoseOnAllRows() {
        int[] t = simulate(3000, 3).t();
        assertNotNull(RefutationSubsample.draw(t, 2, null, 1500, 1L), "n = 2m: a subsample");
        assertNull(RefutationSubsample.draw(t, 2, null, 1501, 1L), "n < 2m: none");
        assertNull(RefutationSubsample.draw(t, 2, null, RefutationSubsample.AUTO, 1L), "auto: m = 20,000 > n / 2");
        assertNull(RefutationSubsample.draw(new int[1_000_000], 1, null, RefutationSubsample.ALL, 1L), "all: none");
        assertEquals(31_623, RefutationSubsample.rowsFor(RefutationSubsample.AUTO, 1_000_000), "n^0.75");
        assertEquals(20_000, RefutationSubsample.rowsFor(RefutationSubsample.AUTO, 100_000), "the floor");

        Data d = simulate(600, 4);
        RefutationRules few = new RefutationRules(3, 0.5, 1, 0.5, 2, 0.8, 2);
        CrossFitAipw.Estimate original = AIPW.estimate(d.x(), d.t(), d.y(), 4);
        AteRefuter refuter = new AteRefuter(AIPW::estimate, few, false);
        AteRefuter.Refuted none = refuter.refute(d.x(), d.t(), d.y(), original, 4L,
                RefutationSubsample.draw(d.t(), 2, null, RefutationSubsample.AUTO, 4L));
        assertEquals(refuter.refute(d.x(), d.t(), d.y(), original, 4L), none.checks());
        assertEquals(original, none.reference());
        assertNull(none.subsample());
    }

    @Test
    @Tag("slow")
    void theDefectsStillFailTheirChecksOnTheSubsampleAndTheCorrectEstimatorPasses() {
        Data d = simulate(6000, 5);
        RefutationSubsample.Drawn drawn = RefutationSubsample.draw(d.t(), 2, null, 2000, 5L);
        assertEquals(6000, drawn.size().ofRows());

        AteRefuter.Refuted correct = new AteRefuter(AIPW::estimate, RULES, false).refute(d.x(), d.t(), d.y(), null,
                5L, drawn);
        assertEquals(ATE, correct.reference().ate(), 3 * correct.reference().se(), "AIPW on the subsample");
        assertTrue(correct.checks().stream().allMatch(Refutation::passed), correct.checks().toString());

        // the treatment leaks into the covariates (column 1 replaced by t) and the estimator reads it from there
        double[][] leakX = Arrays.stream(d.x()).map(double[]::clone).toArray(double[][]::new);
        for (int i = 0; i < leakX.length; i++) {
            leakX[i][1] = d.t()[i];
        }
        AteRefuter.AteFit leaky = (x, t, y, g, s) -> AIPW.estimate(Arrays.stream(x).map(r -> {
            double[] rest = new double[r.length - 1];
            rest[0] = r[0];
            System.arraycopy(r, 2, rest, 1, r.length - 2);
            return rest;
        }).toArray(double[][]::new), Arrays.stream(x).mapToInt(r -> (int) r[1]).toArray(), y, s);
        AteRefuter.Refuted leaked = new AteRefuter(leaky, RULES, false).refute(leakX, d.t(), d.y(), null, 5L, drawn);
        Refutation placebo = leaked.checks().get(0);
        assertFalse(placebo.passed(), placebo.toString());
        assertTrue(Math.abs(placebo.estimate()) > 1, "the placebo keeps the effect: " + placebo);

        AteRefuter.AteFit lastOnly = (x, t, y, g, s) -> AIPW.estimate(Arrays.stream(x)
                .map(row -> new double[] {row[row.length - 1]}).toArray(double[][]::new), t, y, s);
        Refutation common = new AteRefuter(lastOnly, RULES, false).refute(d.x(), d.t(), d.y(), null, 5L, drawn)
                .checks().get(1);
        assertFalse(common.passed(), common.toString());

        AteRefuter.AteFit jumpy = (x, t, y, g, s) -> {
            CrossFitAipw.Estimate e = AIPW.estimate(x, t, y, s);
            double noise = 5 * e.se() * new SplittableRandom(Arrays.hashCode(y)).nextGaussian();
            return new CrossFitAipw.Estimate(e.ate() + noise, e.se(), e.ciLow() + noise, e.ciHigh() + noise, e.n(),
                    5);
        };
        Refutation subset = new AteRefuter(jumpy, RULES, false).refute(d.x(), d.t(), d.y(), null, 5L, drawn)
                .checks().get(2);
        assertFalse(subset.passed(), subset.toString());
        assertEquals(drawn.size(), new AteRefuter(jumpy, RULES, false).refute(d.x(), d.t(), d.y(), null, 5L, drawn)
                .subsample());
    }
}
