package org.causalrx.policy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/** Bootstrap rounds over patients with several rows: a patient's rows are drawn together, never apart. */
class GroupedBootstrapTest {
    @Test
    void aPatientsRowsAreDrawnTogether() {
        SplittableRandom r = new SplittableRandom(5);
        int n = 400;
        int[] groups = new int[n];
        int g = 0;
        for (int i = 0; i < n; i++) {
            g += i == 0 || r.nextDouble() < 0.4 ? 1 : 0;
            groups[i] = g * 3 + 1;
        }
        int[][] members = Bootstrap.members(groups, n);
        int[] counts = new int[n];
        int[] rowCounts = new int[n];
        boolean splitByRows = false;
        for (int round = 0; round < 50; round++) {
            Bootstrap.resample(counts, 77, round, members);
            long drawn = 0;
            for (int[] m : members) {
                for (int i : m) {
                    assertEquals(counts[m[0]], counts[i], "round " + round + ": rows of one patient drawn apart");
                }
                drawn += counts[m[0]];
            }
            assertEquals(members.length, drawn, "as many patients drawn as there are");
            Bootstrap.resample(rowCounts, 77, round);
            for (int[] m : members) {
                for (int i : m) {
                    splitByRows |= rowCounts[i] != rowCounts[m[0]];
                }
            }
        }
        assertTrue(splitByRows, "the row bootstrap does draw one patient's rows apart");
    }

    @Test
    void oneRowPerGroupIsTheRowBootstrap() {
        int n = 37;
        int[] own = java.util.stream.IntStream.range(0, n).toArray();
        int[] a = new int[n];
        int[] b = new int[n];
        for (int round = 0; round < 20; round++) {
            Bootstrap.resample(a, 3, round);
            Bootstrap.resample(b, 3, round, Bootstrap.members(own, n));
            assertArrayEquals(a, b);
        }
    }
}
