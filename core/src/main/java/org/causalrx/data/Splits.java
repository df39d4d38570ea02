package org.causalrx.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/** Seeded train / validation / test splits, stratified by treatment arm. */
public final class Splits {
    private Splits() {
    }

    /**
     * Within each arm, shuffles rows with the seed and cuts them by the fractions (rounded; the test split
     * takes the remainder). Indices in each split are sorted ascending.
     */
    public static SplitIndices stratified(int[] treatment, double train, double validation, double test, long seed) {
        if (train <= 0 || validation < 0 || test <= 0 || Math.abs(train + validation + test - 1) > 1e-9) {
            throw new IllegalArgumentException("split fractions must be positive and sum to 1");
        }
        SplittableRandom rng = new SplittableRandom(seed);
        List<Integer> tr = new ArrayList<>();
        List<Integer> va = new ArrayList<>();
        List<Integer> te = new ArrayList<>();
        for (int arm = 0; arm <= 1; arm++) {
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

    private static int[] sorted(List<Integer> v) {
        int[] a = v.stream().mapToInt(Integer::intValue).toArray();
        Arrays.sort(a);
        return a;
    }
}
