package org.causalrx.pipeline;

import java.util.Arrays;
import java.util.SplittableRandom;

import org.causalrx.util.Stats;

/**
 * The test patients SHAP values are computed on: all of them up to {@link #IMPORTANCE_ROWS}, else a seeded random
 * sample of that many (without replacement), so that explaining a large cohort costs a bounded number of tree-SHAP
 * passes and the beeswarm a bounded number of dots. The beeswarm draws the first {@link #BEESWARM_ROWS} rows of the
 * sample (a random subset when sampled; all test patients, in split order, when there are no more than that).
 *
 * @param x     the rows SHAP is computed on (n_s × p), in split order when not sampled, in random order otherwise
 * @param total the number of test patients they were taken from
 */
record ShapRows(double[][] x, int total) {
    /** Most test patients SHAP importances are averaged over. */
    static final int IMPORTANCE_ROWS = 10_000;
    /** Most patients the beeswarm draws. */
    static final int BEESWARM_ROWS = 2_000;

    /** All rows of {@code test} when there are at most {@code max}, else a random sample of {@code max} of them. */
    static ShapRows of(double[][] test, int max, long seed) {
        if (test.length <= max) {
            return new ShapRows(test, test.length);
        }
        int[] idx = new int[test.length];
        Arrays.setAll(idx, i -> i);
        SplittableRandom rng = new SplittableRandom(seed);
        for (int i = 0; i < max; i++) {
            int j = i + rng.nextInt(test.length - i);
            int tmp = idx[i];
            idx[i] = idx[j];
            idx[j] = tmp;
        }
        return new ShapRows(Stats.select(test, Arrays.copyOf(idx, max)), test.length);
    }

    boolean sampled() {
        return x.length < total;
    }
}
