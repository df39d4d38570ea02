package org.causalrx.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Seeded train / validation / test splits stratified by treatment arm, and k-fold assignments for
 * cross-fitting. Pass a stage seed, e.g. {@code Seeds.derive(study.seed(), "split")}.
 */
public final class Splits {
    private Splits() {
    }

    /**
     * Within each arm, shuffles rows with the seed and cuts them by the fractions (rounded; the test split
     * takes the remainder). Indices in each split are sorted ascending; the splits are disjoint and cover
     * every row. {@code validation} may be 0; {@code train} and {@code test} must be positive.
     */
    public static SplitIndices stratified(int[] treatment, double train, double validation, double test, long seed) {
        if (train <= 0 || validation < 0 || test <= 0 || Math.abs(train + validation + test - 1) > 1e-9) {
            throw new IllegalArgumentException("split fractions must be positive and sum to 1");
        }
        int arms = 2;
        for (int i = 0; i < treatment.length; i++) {
            if (treatment[i] < 0) {
                throw new IllegalArgumentException("treatment must be an arm index >= 0, row " + i + " is "
                        + treatment[i]);
            }
            arms = Math.max(arms, treatment[i] + 1);
        }
        SplittableRandom rng = new SplittableRandom(seed);
        List<Integer> tr = new ArrayList<>();
        List<Integer> va = new ArrayList<>();
        List<Integer> te = new ArrayList<>();
        for (int arm = 0; arm < arms; arm++) {
            final int a = arm;
            int[] rows = java.util.stream.IntStream.range(0, treatment.length).filter(i -> treatment[i] == a).toArray();
            for (int i = rows.length - 1; i > 0; i--) {
                int j = rng.nextInt(i + 1);
                int tmp = rows[i];
                rows[i] = rows[j];
                rows[j] = tmp;
            }
            int nTrain = (int) Math.round(train * rows.length);
            int nVal = (int) Math.round(validation * rows.length);
            for (int i = 0; i < rows.length; i++) {
                (i < nTrain ? tr : i < nTrain + nVal ? va : te).add(rows[i]);
            }
        }
        return new SplitIndices(sorted(tr), sorted(va), sorted(te));
    }

    /**
     * As {@link #stratified} but keeps each group's rows on one side: groups (e.g. the stays of one patient), not
     * rows, are shuffled and cut by the fractions within each arm, a group's arm being that of its first row.
     * {@code groups == null} is exactly {@link #stratified}.
     *
     * @param groups group index per row (any ints; rows with equal values form one group), or null
     */
    public static SplitIndices stratifiedGrouped(int[] treatment, int[] groups, double train, double validation,
                                                 double test, long seed) {
        if (groups == null) {
            return stratified(treatment, train, validation, test, seed);
        }
        if (groups.length != treatment.length) {
            throw new IllegalArgumentException("groups has " + groups.length + " entries for " + treatment.length
                    + " rows");
        }
        java.util.Map<Integer, List<Integer>> rowsOf = new java.util.LinkedHashMap<>();
        for (int i = 0; i < groups.length; i++) {
            rowsOf.computeIfAbsent(groups[i], g -> new ArrayList<>()).add(i);
        }
        List<List<Integer>> all = new ArrayList<>(rowsOf.values());
        int[] firstArm = all.stream().mapToInt(r -> treatment[r.get(0)]).toArray();
        SplitIndices byGroup = stratified(firstArm, train, validation, test, seed);
        return new SplitIndices(rows(all, byGroup.train()), rows(all, byGroup.validation()), rows(all, byGroup.test()));
    }

    private static int[] rows(List<List<Integer>> groups, int[] chosen) {
        List<Integer> out = new ArrayList<>();
        for (int g : chosen) {
            out.addAll(groups.get(g));
        }
        return sorted(out);
    }

    /**
     * Seeded k-fold assignment for cross-fitting: the fold (0..k−1) of each of {@code n} rows, fold sizes
     * differing by at most one. Same algorithm as {@link org.causalrx.learn.Folds#assign}.
     */
    public static int[] kFolds(int n, int k, long seed) {
        return org.causalrx.learn.Folds.assign(n, k, null, seed);
    }

    /**
     * Like {@link #kFolds(int, int, long)} but stratified by treatment arm (0/1): each fold gets its share of
     * each arm (within one row).
     */
    public static int[] kFolds(int[] treatment, int k, long seed) {
        for (int i = 0; i < treatment.length; i++) {
            if (treatment[i] != 0 && treatment[i] != 1) {
                throw new IllegalArgumentException("treatment must be 0/1, row " + i + " is " + treatment[i]);
            }
        }
        return org.causalrx.learn.Folds.assign(treatment.length, k, treatment, seed);
    }

    private static int[] sorted(List<Integer> v) {
        int[] a = v.stream().mapToInt(Integer::intValue).toArray();
        Arrays.sort(a);
        return a;
    }
}
