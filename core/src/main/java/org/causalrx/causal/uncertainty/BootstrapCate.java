package org.causalrx.causal.uncertainty;

import java.util.List;
import java.util.stream.IntStream;

import org.causalrx.causal.CateEstimator;
import org.causalrx.causal.CateModel;
import org.causalrx.util.Seeds;
import org.causalrx.util.Stats;

/**
 * Bootstrap refits of a CATE estimator: refit b (b = 0..B−1) is the estimator fit on resample b, drawn with
 * replacement <i>within each arm</i> (arm sizes kept, so both arms are always present) from
 * {@code Seeds.derive(resampleSeed, b)}, and fit with seed {@code Seeds.derive(fitSeed, b)}. Estimators that share a
 * resample seed are refit on the same resamples, so refit b of every ensemble member sees the same patients. Each
 * refit is told which rows are copies of one patient (the group id is the patient's row in x), so cross-fitting
 * folds and early-stopping splits keep a patient's copies together. When the rows are grouped by patient (several
 * stays each), whole patients are drawn instead ({@link PatientResample}) and the id is the patient's. Same seeds ⇒
 * same refits, in parallel or not.
 *
 * <p>Large training splits: when {@code subsampleRows} m ≥ 1 and the split has n ≥ 2m rows
 * ({@link Subsample#applies}), resample b is instead a within-arm subsample of m rows (or the same share of the
 * patients) drawn without replacement ({@link PatientSubsample}) from the same seed, and the model rescales the
 * refits' spread and bias to size n ({@link Subsample}). With {@code rate} {@link Subsample.Rate#ESTIMATED} (and
 * B ≥ 4) the last ⌊B/2⌋ refits are subsamples of m/4 rows instead ({@link Subsample#smallRows}), same seeds, and the
 * convergence rate is estimated from the two sizes' spread on the training rows. Otherwise the refits are exactly the
 * full bootstrap above.
 *
 * @param estimator     the estimator to refit
 * @param refits        B ≥ 2
 * @param parallel      fit refits on several threads (results identical either way)
 * @param subsampleRows m, rows per subsample refit on training splits of at least 2m rows; 0: always full
 *                      bootstrap resamples
 * @param rate          how subsample refits are carried to size n: root-n (one size) or an estimated rate (two sizes)
 */
public record BootstrapCate(CateEstimator estimator, int refits, boolean parallel, int subsampleRows,
                            Subsample.Rate rate) {
    public BootstrapCate {
        if (refits < 2) {
            throw new IllegalArgumentException("bootstrap refits must be at least 2, got " + refits);
        }
        if (subsampleRows < 0) {
            throw new IllegalArgumentException("subsample rows must be 0 (off) or positive, got " + subsampleRows);
        }
        if (rate == null) {
            throw new IllegalArgumentException("a subsample rate scheme is required");
        }
    }

    /** Full bootstrap refits at every size. */
    public BootstrapCate(CateEstimator estimator, int refits, boolean parallel) {
        this(estimator, refits, parallel, 0);
    }

    /** Subsample refits of one size m on splits of at least 2m rows, root-n rate. */
    public BootstrapCate(CateEstimator estimator, int refits, boolean parallel, int subsampleRows) {
        this(estimator, refits, parallel, subsampleRows, Subsample.Rate.ROOT_N);
    }

    /** Fits B refits on resamples of (x, t, y); resample and fit seeds both {@code seed}. */
    public BootstrapCateModel wrap(CateModel point, double[][] x, int[] t, double[] y, long seed) {
        return wrap(point, x, t, y, seed, seed);
    }

    /**
     * Fits B refits on the resamples of {@code resampleSeed}; returns them with {@code point}.
     *
     * @param resampleSeed seed of the resamples (share it across estimators whose refits are combined)
     * @param fitSeed      seed of the fits
     */
    public BootstrapCateModel wrap(CateModel point, double[][] x, int[] t, double[] y, long resampleSeed,
                                   long fitSeed) {
        return wrap(point, x, t, y, null, resampleSeed, fitSeed);
    }

    /**
     * As {@link #wrap(CateModel, double[][], int[], double[], long, long)}, drawing whole patients when
     * {@code groups} (patient id per row, or null) is given ({@link PatientResample}).
     */
    public BootstrapCateModel wrap(CateModel point, double[][] x, int[] t, double[] y, int[] groups,
                                   long resampleSeed, long fitSeed) {
        List<CateModel> fits = fitRefits(x, t, y, groups, resampleSeed, fitSeed);
        return new BootstrapCateModel(point, fits, estimated(plan(t, 2, groups, subsampleRows, refits, rate), fits, x));
    }

    /**
     * The subsample sizes the B refits of a training split with arms t use, or null: full bootstrap. Two sizes (rate
     * still 0.5, to be estimated) when the rate is estimated, B ≥ 4 and m/4 rows draw fewer units than m.
     */
    static Subsample plan(int[] t, int k, int[] groups, int m, int refits, Subsample.Rate rate) {
        if (!Subsample.applies(m, t.length)) {
            return null;
        }
        Subsample large = PatientSubsample.size(t, k, groups, m);
        if (rate == Subsample.Rate.ROOT_N || refits < 4) {
            return large;
        }
        int small = PatientSubsample.size(t, k, groups, Subsample.smallRows(m)).drawn();
        return small < large.drawn() ? new Subsample(large.drawn(), large.of(), large.patients(), small,
                Subsample.MAX_RATE) : large;
    }

    /** The plan with its rate estimated from the refits on the training rows x when it has two sizes. */
    static Subsample estimated(Subsample plan, List<CateModel> fits, double[][] x) {
        return plan != null && plan.twoSizes() ? plan.withEstimatedRate(fits, x) : plan;
    }

    /** Row indices of refit b's resample (or subsample, see the class comment). */
    static int[] refitRows(int[] t, int k, int[] groups, int m, Subsample plan, int b, int refits, long seed) {
        if (plan == null) {
            return PatientResample.rows(t, k, groups, seed);
        }
        boolean small = plan.twoSizes() && b >= plan.largeRefits(refits);
        return PatientSubsample.rows(t, k, groups, small ? Subsample.smallRows(m) : m, seed);
    }

    /** The B refits, in order b = 0..B−1. */
    public List<CateModel> fitRefits(double[][] x, int[] t, double[] y, long resampleSeed, long fitSeed) {
        return fitRefits(x, t, y, null, resampleSeed, fitSeed);
    }

    /** The B refits on resamples of whole patients when {@code groups} is given (else rows), b = 0..B−1. */
    public List<CateModel> fitRefits(double[][] x, int[] t, double[] y, int[] groups, long resampleSeed,
                                     long fitSeed) {
        IntStream range = IntStream.range(0, refits);
        Subsample plan = plan(t, 2, groups, subsampleRows, refits, rate);
        return (parallel ? range.parallel() : range).mapToObj(b -> {
            int[] rows = refitRows(t, 2, groups, subsampleRows, plan, b, refits, Seeds.derive(resampleSeed, b));
            return estimator.fit(Stats.select(x, rows), Stats.select(t, rows), Stats.select(y, rows),
                    PatientResample.ids(rows, groups), Seeds.derive(fitSeed, b));
        }).toList();
    }

    /** Row indices of a within-arm bootstrap resample (same length as t). */
    public static int[] resample(int[] t, long seed) {
        return PatientResample.rows(t, 2, null, seed);
    }
}
