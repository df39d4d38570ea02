package org.causalrx.learn.forest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class HonestyTest {

    @Test
    void splitAndFillHalvesAreDisjointAndCoverTheSubsample() {
        ForestSettings s = ForestSettings.defaults().withNumTrees(20);
        ForestSampler sampler = new ForestSampler(401, s, 5);
        for (int k = 0; k < 20; k++) {
            ForestSampler.TreeSample t = sampler.draw(k);
            Set<Integer> split = new HashSet<>();
            for (int r : t.splitRows()) {
                split.add(r);
            }
            for (int r : t.fillRows()) {
                assertFalse(split.contains(r), "row " + r + " both splits and fills tree " + k);
            }
            assertEquals(t.drawn().length, t.splitRows().length + t.fillRows().length);
            assertEquals(200, t.drawn().length);
            assertEquals(t.drawn().length / 2, t.splitRows().length);
        }
        // little bags: the two trees of a group draw from the same half-sample, so together they use at most
        // n/2 distinct rows; with sampleFraction 0.5 each tree uses that whole half-sample
        int[] a = sampler.draw(0).drawn().clone();
        int[] b = sampler.draw(1).drawn().clone();
        Arrays.sort(a);
        Arrays.sort(b);
        assertArrayEquals(a, b);
        int[] c = sampler.draw(2).drawn().clone();
        Arrays.sort(c);
        assertFalse(Arrays.equals(a, c));
    }

    @Test
    void leavesHoldOnlyFillRowsAndSplitsComeFromSplitRows() {
        double[][] x = RegressionForestTest.features(300, 3, 1);
        double[] y = RegressionForestTest.outcome(x, 0.3, 2);
        ForestSettings s = ForestSettings.defaults().withNumTrees(20).withCiGroupSize(1);
        RegressionForestModel m = new RegressionForest(s).fit(x, y, null, 9);
        ForestSampler sampler = new ForestSampler(x.length, s, 9);
        for (int k = 0; k < s.numTrees(); k++) {
            ForestSampler.TreeSample t = sampler.draw(k);
            Set<Integer> fill = new HashSet<>();
            for (int r : t.fillRows()) {
                fill.add(r);
            }
            Tree tree = m.tree(k);
            int filled = 0;
            int internal = 0;
            for (int node = 0; node < tree.nodeCount(); node++) {
                if (tree.isLeaf(node)) {
                    for (int r : tree.leafRows(node)) {
                        assertTrue(fill.contains(r), "leaf row " + r + " is not a fill row");
                    }
                    filled += tree.leafSize(node);
                } else {
                    internal++;
                    // thresholds are feature values of split rows (continuous features: never a fill row's)
                    int v = tree.splitVar(node);
                    double thr = tree.splitValue(node);
                    boolean fromSplit = Arrays.stream(t.splitRows()).anyMatch(r -> x[r][v] == thr);
                    boolean fromFill = Arrays.stream(t.fillRows()).anyMatch(r -> x[r][v] == thr);
                    assertTrue(fromSplit && !fromFill);
                }
            }
            assertTrue(internal > 0);
            // every fill row lands in exactly one leaf of the root's subtree
            assertEquals(t.fillRows().length, countReachable(tree));
            assertTrue(filled >= t.fillRows().length);
        }
    }

    private static int countReachable(Tree t) {
        int total = 0;
        int[] stack = new int[t.nodeCount()];
        int sp = 0;
        stack[sp++] = 0;
        while (sp > 0) {
            int node = stack[--sp];
            if (t.isLeaf(node)) {
                assertTrue(t.leafSize(node) > 0, "reachable leaves are never empty after pruning");
                total += t.leafSize(node);
            } else {
                stack[sp++] = t.leftChild(node);
                stack[sp++] = t.rightChild(node);
            }
        }
        return total;
    }

    @Test
    void withoutHonestyTheSameRowsSplitAndFill() {
        ForestSettings s = ForestSettings.defaults().withNumTrees(4).withHonesty(false).withCiGroupSize(1);
        ForestSampler.TreeSample t = new ForestSampler(100, s, 1).draw(0);
        assertArrayEquals(t.splitRows(), t.fillRows());
        assertEquals(50, t.drawn().length);
    }
}
