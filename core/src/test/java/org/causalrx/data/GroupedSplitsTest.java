package org.causalrx.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

import org.causalrx.learn.Folds;
import org.junit.jupiter.api.Test;

/** Patients with several rows (stays): splits and cross-fitting folds never put one patient on two sides. */
class GroupedSplitsTest {
    /** 300 patients with 1-4 stays each, arm drawn per stay. */
    private static int[][] stays(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        java.util.List<int[]> rows = new java.util.ArrayList<>();
        for (int p = 0; p < 300; p++) {
            for (int s = 0, n = 1 + r.nextInt(4); s < n; s++) {
                rows.add(new int[] {p * 7 + 3, r.nextDouble() < 0.35 ? 1 : 0});
            }
        }
        return new int[][] {rows.stream().mapToInt(x -> x[0]).toArray(), rows.stream().mapToInt(x -> x[1]).toArray()};
    }

    /** Side (0 train, 1 validation, 2 test) of each row. */
    private static int[] side(SplitIndices s, int n) {
        int[] out = new int[n];
        java.util.Arrays.fill(out, -1);
        int[][] parts = {s.train(), s.validation(), s.test()};
        for (int k = 0; k < 3; k++) {
            for (int i : parts[k]) {
                assertEquals(-1, out[i], "row " + i + " is on two sides");
                out[i] = k;
            }
        }
        assertTrue(IntStream.of(out).allMatch(v -> v >= 0), "every row has a side");
        return out;
    }

    /** Number of patients whose rows lie on more than one side. */
    private static int patientsOnTwoSides(int[] groups, int[] side) {
        Map<Integer, Integer> first = new HashMap<>();
        java.util.Set<Integer> split = new java.util.HashSet<>();
        for (int i = 0; i < groups.length; i++) {
            Integer before = first.putIfAbsent(groups[i], side[i]);
            if (before != null && before != side[i]) {
                split.add(groups[i]);
            }
        }
        return split.size();
    }

    @Test
    void noPatientOnTwoSidesOfTheSplitOrOfAFold() {
        for (long seed = 1; seed <= 5; seed++) {
            int[][] d = stays(seed);
            int[] groups = d[0];
            int[] t = d[1];
            int n = t.length;
            int[] rowSide = side(Splits.stratified(t, 0.6, 0.2, 0.2, seed), n);
            assertTrue(patientsOnTwoSides(groups, rowSide) > 50, "a row split separates many patients' stays");
            SplitIndices grouped = Splits.stratifiedGrouped(t, groups, 0.6, 0.2, 0.2, seed);
            int[] side = side(grouped, n);
            assertEquals(0, patientsOnTwoSides(groups, side));
            assertEquals(0.6, grouped.train().length / (double) n, 0.06);
            assertEquals(0.2, grouped.test().length / (double) n, 0.06);
            int[] fold = Folds.assignGrouped(n, 5, t, groups, seed);
            assertEquals(0, patientsOnTwoSides(groups, fold));
            for (int f = 0; f < 5; f++) {
                final int ff = f;
                assertTrue(IntStream.of(fold).filter(v -> v == ff).count() > n / 10, "fold " + f + " is not tiny");
            }
        }
    }

    @Test
    void withoutGroupsTheSplitIsTheRowSplit() {
        int[] t = stays(9)[1];
        SplitIndices a = Splits.stratified(t, 0.6, 0.2, 0.2, 42);
        SplitIndices b = Splits.stratifiedGrouped(t, null, 0.6, 0.2, 0.2, 42);
        assertArrayEquals(a.train(), b.train());
        assertArrayEquals(a.test(), b.test());
        int[] oneRowEach = IntStream.range(0, t.length).toArray();
        SplitIndices c = Splits.stratifiedGrouped(t, oneRowEach, 0.6, 0.2, 0.2, 42);
        assertArrayEquals(a.train(), c.train());
        assertArrayEquals(a.validation(), c.validation());
    }
}
