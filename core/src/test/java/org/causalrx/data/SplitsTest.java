package org.causalrx.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;

import org.junit.jupiter.api.Test;

class SplitsTest {

    /** 300 treated and 700 control rows, interleaved. */
    private static int[] arms() {
        int[] t = new int[1000];
        for (int i = 0; i < t.length; i++) {
            t[i] = i % 10 < 3 ? 1 : 0;
        }
        return t;
    }

    private static long count(int[] rows, int[] t, int arm) {
        return Arrays.stream(rows).filter(i -> t[i] == arm).count();
    }

    @Test
    void stratifiedSplitHasTheProportionsWithinEachArm() {
        int[] t = arms();
        SplitIndices s = Splits.stratified(t, 0.6, 0.2, 0.2, 42);
        assertEquals(180, count(s.train(), t, 1));
        assertEquals(420, count(s.train(), t, 0));
        assertEquals(60, count(s.validation(), t, 1));
        assertEquals(140, count(s.validation(), t, 0));
        assertEquals(60, count(s.test(), t, 1));
        assertEquals(140, count(s.test(), t, 0));
    }

    @Test
    void stratifiedSplitIsDisjointSortedAndCoversEveryRow() {
        int[] t = arms();
        SplitIndices s = Splits.stratified(t, 0.5, 0.3, 0.2, 9);
        boolean[] seen = new boolean[t.length];
        for (int[] part : new int[][] {s.train(), s.validation(), s.test()}) {
            for (int k = 0; k < part.length; k++) {
                assertFalse(seen[part[k]], "row " + part[k] + " in two splits");
                seen[part[k]] = true;
                if (k > 0) {
                    assertTrue(part[k - 1] < part[k], "ascending");
                }
            }
        }
        for (boolean b : seen) {
            assertTrue(b);
        }
    }

    @Test
    void stratifiedSplitIsDeterministicInTheSeed() {
        int[] t = arms();
        SplitIndices a = Splits.stratified(t, 0.6, 0.2, 0.2, 123);
        SplitIndices b = Splits.stratified(t, 0.6, 0.2, 0.2, 123);
        assertArrayEquals(a.train(), b.train());
        assertArrayEquals(a.validation(), b.validation());
        assertArrayEquals(a.test(), b.test());
        assertFalse(Arrays.equals(a.train(), Splits.stratified(t, 0.6, 0.2, 0.2, 124).train()));
    }

    @Test
    void stratifiedSplitRejectsBadInput() {
        assertThrows(IllegalArgumentException.class, () -> Splits.stratified(arms(), 0.6, 0.2, 0.3, 1));
        assertThrows(IllegalArgumentException.class, () -> Splits.stratified(new int[] {0, 1, -1}, 0.6, 0.2, 0.2, 1));
    }

    @Test
    void stratifiedSplitKeepsEachOfKArmsInProportion() {
        int[] t = new int[300];
        for (int i = 0; i < t.length; i++) {
            t[i] = i % 3;
        }
        SplitIndices s = Splits.stratified(t, 0.6, 0.2, 0.2, 9);
        for (int arm = 0; arm < 3; arm++) {
            final int a = arm;
            assertEquals(60, Arrays.stream(s.train()).filter(i -> t[i] == a).count(), "arm " + a + " in train");
            assertEquals(20, Arrays.stream(s.test()).filter(i -> t[i] == a).count(), "arm " + a + " in test");
        }
    }

    @Test
    void kFoldsAreBalancedSeededAndStratified() {
        int[] f = Splits.kFolds(103, 5, 7);
        int[] size = new int[5];
        for (int v : f) {
            size[v]++;
        }
        assertEquals(20, Arrays.stream(size).min().getAsInt());
        assertEquals(21, Arrays.stream(size).max().getAsInt());
        assertArrayEquals(f, Splits.kFolds(103, 5, 7));
        assertFalse(Arrays.equals(f, Splits.kFolds(103, 5, 8)));

        int[] t = arms();
        int[] g = Splits.kFolds(t, 5, 7);
        for (int k = 0; k < 5; k++) {
            final int fold = k;
            long treated = java.util.stream.IntStream.range(0, t.length).filter(i -> g[i] == fold && t[i] == 1).count();
            long control = java.util.stream.IntStream.range(0, t.length).filter(i -> g[i] == fold && t[i] == 0).count();
            assertEquals(60, treated, "fold " + k);
            assertEquals(140, control, "fold " + k);
        }
        assertThrows(IllegalArgumentException.class, () -> Splits.kFolds(3, 5, 1));
    }
}
