package org.causalrx.learn;

import java.util.SplittableRandom;

/**
 * The one cross-fitting helper: seeded, disjoint folds, stratified by a 0/1 label when given.
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
        int levels = strata == null ? 1 : 2;
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

    /** Rows whose fold is (inFold = true) or is not (false) {@code f}. */
    public static int[] rows(int[] fold, int f, boolean inFold) {
        return java.util.stream.IntStream.range(0, fold.length).filter(i -> (fold[i] == f) == inFold).toArray();
    }
}
