package org.causalrx.learn.linear;

import java.util.SplittableRandom;
import org.causalrx.util.Seeds;

/** Deterministic, disjoint, balanced cross-validation folds. */
final class Folds {
    private Folds() {
    }

    /**
     * Fold index in [0, k) for each of n rows: a seeded random permutation dealt round-robin. With {@code labels}
     * (class values, e.g. 0/1 or 0..K−1; may be null) the permutation is stably sorted by label first, so each fold
     * gets its share of each class.
     * With {@code groups} (may be null) groups of rows sharing an id (copies of one patient) are dealt instead of
     * rows, so a group's rows share a fold.
     */
    static int[] assign(int n, int k, long seed, double[] labels, int[] groups) {
        if (groups == null) {
            return assign(n, k, seed, labels);
        }
        java.util.Map<Integer, Integer> index = new java.util.LinkedHashMap<>();
        int[] groupOfRow = new int[n];
        for (int i = 0; i < n; i++) {
            groupOfRow[i] = index.computeIfAbsent(groups[i], g -> index.size());
        }
        double[] groupLabels = labels == null ? null : new double[index.size()];
        for (int i = 0; labels != null && i < n; i++) {
            groupLabels[groupOfRow[i]] = labels[i];
        }
        int[] groupFold = assign(index.size(), Math.min(k, index.size()), seed, groupLabels);
        int[] fold = new int[n];
        for (int i = 0; i < n; i++) {
            fold[i] = groupFold[groupOfRow[i]];
        }
        return fold;
    }

    /** As {@link #assign(int, int, long, double[], int[])} without groups (one row, one group). */
    static int[] assign(int n, int k, long seed, double[] labels) {
        int[] perm = new int[n];
        for (int i = 0; i < n; i++) {
            perm[i] = i;
        }
        SplittableRandom rng = new SplittableRandom(Seeds.derive(seed, "linear-cv-folds"));
        for (int i = n - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int tmp = perm[i];
            perm[i] = perm[j];
            perm[j] = tmp;
        }
        if (labels != null) {
            // stable sort by label value: each class keeps its shuffled order and is dealt round-robin in turn
            Integer[] boxed = new Integer[n];
            for (int i = 0; i < n; i++) {
                boxed[i] = perm[i];
            }
            double[] lab = labels;
            java.util.Arrays.sort(boxed, java.util.Comparator.comparingDouble(r -> lab[r]));
            for (int i = 0; i < n; i++) {
                perm[i] = boxed[i];
            }
        }
        int[] fold = new int[n];
        for (int i = 0; i < n; i++) {
            fold[perm[i]] = i % k;
        }
        return fold;
    }
}
