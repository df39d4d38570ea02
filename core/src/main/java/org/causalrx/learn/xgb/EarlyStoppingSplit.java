package org.causalrx.learn.xgb;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The early-stopping validation split over groups of rows: whole groups (rows sharing an id, e.g. the copies of one
 * patient in a bootstrap resample) are shuffled with a seeded generator and moved to the validation side until it
 * holds at least 20 % of the rows (at least 10), so no group has rows on both sides.
 */
public final class EarlyStoppingSplit {
    private EarlyStoppingSplit() {
    }

    /**
     * @param groups group id per row (n ≥ 2 rows, at least 2 distinct ids)
     * @param seed   seed of the shuffle
     * @return {validation rows, training rows}, each ascending; both non-empty
     */
    public static int[][] grouped(int[] groups, long seed) {
        return grouped(groups, seed, Integer.MAX_VALUE);
    }

    /**
     * As above, the validation side filled to min(20 %, {@code maxVal}) rows (at least 10) instead of 20 %.
     *
     * @param maxVal at most this many validation rows as the target (whole groups: it may end a group above)
     */
    public static int[][] grouped(int[] groups, long seed, int maxVal) {
        int n = groups.length;
        Map<Integer, List<Integer>> rowsOf = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            rowsOf.computeIfAbsent(groups[i], g -> new ArrayList<>()).add(i);
        }
        List<List<Integer>> order = new ArrayList<>(rowsOf.values());
        if (order.size() < 2) {
            throw new IllegalArgumentException("an early-stopping split needs at least 2 groups, got " + order.size());
        }
        SplittableRandom rng = new SplittableRandom(seed ^ 0x5DEECE66DL);
        for (int i = order.size() - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            List<Integer> tmp = order.get(i);
            order.set(i, order.get(j));
            order.set(j, tmp);
        }
        int target = Math.min(Math.max(10, n / 5), Math.max(10, maxVal));
        boolean[] isVal = new boolean[n];
        int nVal = 0;
        for (int g = 0; g < order.size() - 1 && nVal < target; g++) {
            for (int r : order.get(g)) {
                isVal[r] = true;
                nVal++;
            }
        }
        int[] val = new int[nVal];
        int[] tr = new int[n - nVal];
        int a = 0;
        int b = 0;
        for (int i = 0; i < n; i++) {
            if (isVal[i]) {
                val[a++] = i;
            } else {
                tr[b++] = i;
            }
        }
        return new int[][] {Arrays.copyOf(val, a), Arrays.copyOf(tr, b)};
    }
}
