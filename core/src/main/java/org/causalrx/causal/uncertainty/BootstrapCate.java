package org.causalrx.causal.uncertainty;

import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

import org.causalrx.causal.CateEstimator;
import org.causalrx.causal.CateModel;
import org.causalrx.util.Seeds;
import org.causalrx.util.Stats;

/**
 * Bootstrap refits of a CATE estimator: refit b (b = 0..B−1) is the estimator fit on a resample drawn with
 * replacement <i>within each arm</i> (arm sizes kept, so both arms are always present), with resampling and fit
 * seeded from {@code Seeds.derive(seed, b)}. Same seed ⇒ same refits, whether run in parallel or not.
 *
 * @param estimator the estimator to refit
 * @param refits    B ≥ 2
 * @param parallel  fit refits on several threads (results identical either way)
 */
public record BootstrapCate(CateEstimator estimator, int refits, boolean parallel) {
    public BootstrapCate {
        if (refits < 2) {
            throw new IllegalArgumentException("bootstrap refits must be at least 2, got " + refits);
        }
    }

    /** Fits B refits on resamples of (x, t, y); returns them with {@code point} as a {@link BootstrapCateModel}. */
    public BootstrapCateModel wrap(CateModel point, double[][] x, int[] t, double[] y, long seed) {
        return new BootstrapCateModel(point, fitRefits(x, t, y, seed));
    }

    /** The B refits, in order b = 0..B−1. */
    public List<CateModel> fitRefits(double[][] x, int[] t, double[] y, long seed) {
        IntStream range = IntStream.range(0, refits);
        return (parallel ? range.parallel() : range).mapToObj(b -> refit(x, t, y, Seeds.derive(seed, b))).toList();
    }

    private CateModel refit(double[][] x, int[] t, double[] y, long s) {
        int[] rows = resample(t, s);
        return estimator.fit(Stats.select(x, rows), Stats.select(t, rows), Stats.select(y, rows), Seeds.derive(s, "fit"));
    }

    /** Row indices of a within-arm bootstrap resample (same length as t). */
    public static int[] resample(int[] t, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        int[] out = new int[t.length];
        int k = 0;
        for (int arm = 0; arm <= 1; arm++) {
            int[] idx = Stats.indicesOf(t, arm);
            for (int i = 0; i < idx.length; i++) {
                out[k++] = idx[rng.nextInt(idx.length)];
            }
        }
        return out;
    }
}
