package org.causalrx.learn;

import java.util.SplittableRandom;

/**
 * The one cross-fitting helper: seeded, disjoint folds, stratified by a label 0..L−1 (e.g. a 0/1 or K-arm
 * treatment) when given.
 * Every row belongs to exactly one fold.
 */
public final class Folds {
    private Folds() {
    }

    /** Fold id (0..k−1) of each of n rows, balanced within each stratum of {@code strata} (may be null). */
    public static int[] assign(int n, int k, int[] strata, long seed) {
        if (k < 2 || k > n) {
            throw new IllegalArgumentException("need 2 <= k <= n, got k=" + k + ", n=" + n);
        }
        int[] fold = new int[n];
        SplittableRandom rng = new SplittableRandom(seed);
        int offset = 0;
        int levels = strata == null ? 1 : levels(strata);
        for (int level = 0; level < levels; level++) {
            int count = 0;
            int[] members = new int[n];
            for (int i = 0; i < n; i++) {
                if (strata == null || strata[i] == level) {
                    members[count++] = i;
                }
            }
            for (int i = count - 1; i > 0; i--) {
                int j = rng.nextInt(i + 1);
                int tmp = members[i];
                members[i] = members[j];
                members[j] = tmp;
            }
            for (int i = 0; i < count; i++) {
                fold[members[i]] = (i + offset) % k;
            }
            offset += count;
        }
        return fold;
    }

    /** Number of strata levels: at least 2, so that a 0/1 label deals its levels as it always has. */
    private static int levels(int[] strata) {
        int max = 1;
        for (int i = 0; i < strata.length; i++) {
            if (strata[i] < 0) {
                throw new IllegalArgumentException("stratum labels must be >= 0, row " + i + " has " + strata[i]);
            }
            max = Math.max(max, strata[i]);
        }
        return max + 1;
    }

    /**
     * Like {@link #assign} but keeps groups together: every row of one group gets the same fold. A group is the set
     * of rows sharing an id in {@code groups} (e.g. the copies of one patient in a bootstrap resample, keyed by the
     * patient's original row). Groups, not rows, are shuffled and dealt round-robin within each stratum; a group's
     * stratum is that of its first row. {@code groups == null} is exactly {@link #assign}.
     *
     * @param groups group id per row (any ints), or null for one group per row
     * @throws IllegalArgumentException when there are fewer than k groups
     */
    public static int[] assignGrouped(int n, int k, int[] strata, int[] groups, long seed) {
        if (groups == null) {
            return assign(n, k, strata, seed);
        }
        if (groups.length != n) {
            throw new IllegalArgumentException("groups has " + groups.length + " entries for " + n + " rows");
        }
        java.util.Map<Integer, Integer> index = new java.util.LinkedHashMap<>();
        int[] groupOfRow = new int[n];
        for (int i = 0; i < n; i++) {
            groupOfRow[i] = index.computeIfAbsent(groups[i], g -> index.size());
        }
        int g = index.size();
        int[] groupStrata = new int[g];
        boolean[] seen = new boolean[g];
        for (int i = 0; i < n; i++) {
            if (!seen[groupOfRow[i]]) {
                seen[groupOfRow[i]] = true;
                groupStrata[groupOfRow[i]] = strata == null ? 0 : strata[i];
            }
        }
        if (k < 2 || k > g) {
            throw new IllegalArgumentException("need 2 <= k <= number of groups, got k=" + k + ", groups=" + g);
        }
        int[] groupFold = assign(g, k, strata == null ? null : groupStrata, seed);
        int[] fold = new int[n];
        for (int i = 0; i < n; i++) {
            fold[i] = groupFold[groupOfRow[i]];
        }
        return fold;
    }

    /** Rows whose fold is (inFold = true) or is not (false) {@code f}. */
    public static int[] rows(int[] fold, int f, boolean inFold) {
        return java.util.stream.IntStream.range(0, fold.length).filter(i -> (fold[i] == f) == inFold).toArray();
    }
}
