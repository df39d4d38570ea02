package org.causalrx.causal.uncertainty;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.causalrx.causal.CateEstimator;
import org.causalrx.causal.CateModel;
import org.causalrx.causal.CrossFit;
import org.causalrx.learn.xgb.EarlyStoppingSplit;
import org.junit.jupiter.api.Test;

/** Bootstrap refits keep a patient's copies together and share resamples across estimators. */
class GroupedRefitsTest {

    private static int[] resampleGroups(int n, long seed) {
        int[] t = new int[n];
        for (int i = 0; i < n; i++) {
            t[i] = i % 3 == 0 ? 1 : 0;
        }
        return BootstrapCate.resample(t, seed);
    }

    @Test
    void crossFitFoldsKeepCopiesOfOnePatientTogether() {
        int[] groups = resampleGroups(300, 5);
        int[] t = new int[groups.length];
        for (int i = 0; i < t.length; i++) {
            t[i] = groups[i] % 3 == 0 ? 1 : 0;
        }
        CrossFit cf = CrossFit.stratified(t, 5, groups, 11);
        Map<Integer, Integer> foldOf = new HashMap<>();
        for (int i = 0; i < groups.length; i++) {
            Integer f = foldOf.putIfAbsent(groups[i], cf.foldOfRow()[i]);
            assertTrue(f == null || f == cf.foldOfRow()[i], "patient " + groups[i] + " is in two folds");
        }
        // a bootstrap resample has many duplicated patients, so the ungrouped folds do split copies
        CrossFit plain = CrossFit.stratified(t, 5, 11);
        Map<Integer, Integer> plainFold = new HashMap<>();
        boolean split = false;
        for (int i = 0; i < groups.length; i++) {
            Integer f = plainFold.putIfAbsent(groups[i], plain.foldOfRow()[i]);
            split |= f != null && f != plain.foldOfRow()[i];
        }
        assertTrue(split, "the check must be able to fail: ungrouped folds split some patient's copies");
        assertArrayEquals(plain.foldOfRow(), CrossFit.stratified(t, 5, null, 11).foldOfRow());
    }

    @Test
    void earlyStoppingSplitKeepsCopiesTogether() {
        int[] groups = resampleGroups(400, 6);
        int[][] split = EarlyStoppingSplit.grouped(groups, 3);
        java.util.Set<Integer> val = new java.util.HashSet<>();
        for (int r : split[0]) {
            val.add(groups[r]);
        }
        for (int r : split[1]) {
            assertTrue(!val.contains(groups[r]), "patient " + groups[r] + " is on both sides");
        }
        assertEquals(groups.length, split[0].length + split[1].length);
        assertTrue(split[0].length >= groups.length / 5 && split[1].length > 0);
    }

    /** Records the patients (group ids) each refit saw, keyed by fit seed. */
    private record Recorder(String name, Map<Long, int[]> seen) implements CateEstimator {
        @Override
        public CateModel fit(double[][] x, int[] t, double[] y, long seed) {
            throw new AssertionError("refits must say which rows are copies of one patient");
        }

        @Override
        public CateModel fit(double[][] x, int[] t, double[] y, int[] groups, long seed) {
            seen.put(seed, groups.clone());
            return xs -> new double[xs.length];
        }
    }

    @Test
    void estimatorsSharingAResampleSeedAreRefitOnTheSamePatients() {
        int n = 60;
        double[][] x = new double[n][1];
        int[] t = new int[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            t[i] = i % 2;
            x[i][0] = i;
        }
        Recorder a = new Recorder("a", new ConcurrentHashMap<>());
        Recorder b = new Recorder("b", new ConcurrentHashMap<>());
        CateModel point = xs -> new double[xs.length];
        new BootstrapCate(a, 4, true).wrap(point, x, t, y, 99, 1);
        new BootstrapCate(b, 4, false).wrap(point, x, t, y, 99, 2);
        for (int r = 0; r < 4; r++) {
            int[] ra = a.seen().get(org.causalrx.util.Seeds.derive(1, r));
            int[] rb = b.seen().get(org.causalrx.util.Seeds.derive(2, r));
            assertArrayEquals(ra, rb, "refit " + r + " of the two members saw different patients");
        }
        List<int[]> all = List.copyOf(a.seen().values());
        assertTrue(!java.util.Arrays.equals(all.get(0), all.get(1)), "refits differ from one another");
    }

    @Test
    void studentQuantileMatchesTables() {
        assertEquals(12.706, BootstrapCateModel.studentQuantile(0.975, 1), 1e-3);
        assertEquals(4.303, BootstrapCateModel.studentQuantile(0.975, 2), 1e-3);
        assertEquals(2.776, BootstrapCateModel.studentQuantile(0.975, 4), 0.01);
        assertEquals(2.262, BootstrapCateModel.studentQuantile(0.975, 9), 2e-3);
        assertEquals(2.093, BootstrapCateModel.studentQuantile(0.975, 19), 2e-3);
        assertEquals(1.645, BootstrapCateModel.studentQuantile(0.95, 100000), 1e-3);
    }
}
