package org.causalrx.causal.uncertainty;

import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;

import org.causalrx.causal.MultiArmCateEstimator;
import org.causalrx.causal.MultiArmCateModel;
import org.causalrx.util.Seeds;
import org.causalrx.util.Stats;

/**
 * Bootstrap draws of a K-arm effect matrix: refit b (b = 0..B−1) is the estimator fit on resample b of the
 * training rows, drawn with replacement <i>within each arm</i> (arm sizes kept, so every arm is present) from
 * {@code Seeds.derive(resampleSeed, b)}, and fit with seed {@code Seeds.derive(fitSeed, b)}; each refit predicts the
 * effects (n × K against the reference) of every covariate matrix it is given. Same seeds ⇒ same draws, on one
 * thread or several.
 *
 * <p>Large training splits, as for two arms ({@link BootstrapCate}): when {@code subsampleRows} m ≥ 1 and the split
 * has n ≥ 2m rows ({@link Subsample#applies}), resample b is instead a within-arm subsample of m rows (or the same
 * share of the patients) drawn without replacement ({@link PatientSubsample}) from the same seed; with {@code rate}
 * {@link Subsample.Rate#ESTIMATED} (and B ≥ 4) the last ⌊B/2⌋ are subsamples of m/4 rows, and the convergence rate β
 * is estimated from how the refits' spread shrinks between the two sizes, per evaluation training row and
 * non-reference arm ({@link #estimated}). The refits' draws are then carried to size n before any quantile is taken
 * ({@link #rescaled}): per patient and arm effect a, with g the size group of the draw (the first ⌈B/2⌉ refits, or
 * the rest), mean_g the group's mean effect and tau the point estimate,
 * draw' = tau − bias_n + s_g·(draw − mean_g), where s_g is the group's spread factor
 * ({@link Subsample#spreadScale()}, {@link Subsample#smallSpreadScale()}) and bias_n the average over the groups of
 * (mean_g − tau)·c_g with c_g their bias factors ({@link Subsample#biasScale()}, {@link Subsample#smallBiasScale()}).
 * The rescaled draws of a group have the SD the estimate has at size n (the derivation in {@link Subsample}) and are
 * centred on the bias-corrected point estimate, as the two-arm intervals' corrected side is. The transformation is
 * linear with one factor per group for all arms, so any contrast of two arms' draws (tau_best − tau_second) is
 * transformed the same way as the arms' effects. Below the gate the refits and draws are exactly the full bootstrap.
 *
 * @param estimator     the K-arm estimator to refit
 * @param refits        B ≥ 2
 * @param parallel      fit refits on several threads (results identical either way)
 * @param subsampleRows m, rows per subsample refit on training splits of at least 2m rows; 0: always full
 *                      bootstrap resamples
 * @param rate          how subsample refits are carried to size n: root-n (one size) or an estimated rate (two sizes)
 */
public record MultiArmBootstrap(MultiArmCateEstimator estimator, int refits, boolean parallel, int subsampleRows,
                                Subsample.Rate rate) {
    public MultiArmBootstrap {
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
    public MultiArmBootstrap(MultiArmCateEstimator estimator, int refits, boolean parallel) {
        this(estimator, refits, parallel, 0, Subsample.Rate.ROOT_N);
    }

    /**
     * The B refits and the subsample they were fit on.
     *
     * @param models    refit b at index b
     * @param subsample the refits' subsample sizes and (two sizes) estimated rate; null: full bootstrap resamples
     */
    public record Refits(List<MultiArmCateModel> models, Subsample subsample) {
        public Refits {
            models = List.copyOf(models);
            if (models.size() < 2 || subsample != null && subsample.twoSizes() && models.size() < 4) {
                throw new IllegalArgumentException("K-arm refits need at least 2 refits (4 with two subsample "
                        + "sizes), got " + models.size());
            }
        }
    }

    /**
     * Fits the B refits on (x, t, y) and predicts each covariate matrix.
     *
     * @param x            training covariates, n × p (not modified)
     * @param t            training arms in 0..k−1, every arm present
     * @param k            number of arms K
     * @param y            training outcomes
     * @param predictOn    covariate matrices to predict (each m × p)
     * @param resampleSeed seed of the resamples
     * @param fitSeed      seed of the fits
     * @return draws[j][b]: the effects (m_j × K) of matrix j under refit b (subsample refits: not rescaled)
     */
    public double[][][][] draws(double[][] x, int[] t, int k, double[] y, List<double[][]> predictOn,
                                long resampleSeed, long fitSeed) {
        return draws(fit(x, t, k, y, resampleSeed, fitSeed), predictOn, parallel);
    }

    /**
     * The B refits themselves (refit b fit on resample b), for predicting later (e.g. from a model bundle).
     * Arguments as for {@link #draws(double[][], int[], int, double[], List, long, long)}.
     */
    public List<MultiArmCateModel> fit(double[][] x, int[] t, int k, double[] y, long resampleSeed, long fitSeed) {
        return fit(x, t, k, y, null, resampleSeed, fitSeed);
    }

    /**
     * The B refits on resamples of whole patients when {@code groups} (patient id per training row, or null:
     * rows) is given ({@link PatientResample}); otherwise as {@link #fit(double[][], int[], int, double[], long,
     * long)}. Subsample refits (class comment) without their sizes: see {@link #refit}.
     */
    public List<MultiArmCateModel> fit(double[][] x, int[] t, int k, double[] y, int[] groups, long resampleSeed,
                                       long fitSeed) {
        return fitModels(x, t, k, y, groups, plan(t, k, groups), resampleSeed, fitSeed);
    }

    /**
     * The B refits as {@link #fit(double[][], int[], int, double[], int[], long, long)} fits them, with the
     * subsample they were fit on (two sizes: the rate estimated from them on x's evaluation rows), or null.
     */
    public Refits refit(double[][] x, int[] t, int k, double[] y, int[] groups, long resampleSeed, long fitSeed) {
        Subsample plan = plan(t, k, groups);
        List<MultiArmCateModel> models = fitModels(x, t, k, y, groups, plan, resampleSeed, fitSeed);
        return new Refits(models, estimated(plan, models, x));
    }

    private Subsample plan(int[] t, int k, int[] groups) {
        return BootstrapCate.plan(t, k, groups, subsampleRows, refits, rate);
    }

    private List<MultiArmCateModel> fitModels(double[][] x, int[] t, int k, double[] y, int[] groups,
                                              Subsample plan, long resampleSeed, long fitSeed) {
        IntStream range = IntStream.range(0, refits);
        return (parallel ? range.parallel() : range).mapToObj(b -> {
            int[] rows = BootstrapCate.refitRows(t, k, groups, subsampleRows, plan, b, refits,
                    Seeds.derive(resampleSeed, b));
            return estimator.fit(Stats.select(x, rows), Stats.select(t, rows), k, Stats.select(y, rows),
                    Seeds.derive(fitSeed, b));
        }).toList();
    }

    /**
     * {@code plan} with its rate estimated from the refits {@code models} when it has two sizes
     * ({@link Subsample#withEstimatedRate(double[][])} on every non-reference arm's effect at the evaluation rows of
     * the training covariates x); otherwise {@code plan} itself (null stays null).
     */
    public static Subsample estimated(Subsample plan, List<MultiArmCateModel> models, double[][] x) {
        if (plan == null || !plan.twoSizes()) {
            return plan;
        }
        double[][] xe = Subsample.evaluationRows(x);
        double[][] pred = new double[models.size()][];
        for (int r = 0; r < pred.length; r++) {
            double[][] eff = models.get(r).effects(xe);
            int k = eff.length == 0 ? 1 : eff[0].length;
            double[] flat = new double[eff.length * (k - 1)];
            for (int i = 0; i < eff.length; i++) {
                System.arraycopy(eff[i], 1, flat, i * (k - 1), k - 1);
            }
            pred[r] = flat;
        }
        return plan.withEstimatedRate(pred);
    }

    /**
     * Effects of fitted refits on each covariate matrix (on several threads when {@code parallel}, same values).
     *
     * @return draws[j][b]: the effects (m_j × K) of matrix j under refit b
     */
    public static double[][][][] draws(List<MultiArmCateModel> refits, List<double[][]> predictOn,
                                       boolean parallel) {
        double[][][][] out = new double[predictOn.size()][refits.size()][][];
        IntStream range = IntStream.range(0, refits.size());
        (parallel ? range.parallel() : range).forEach(b -> {
            for (int j = 0; j < predictOn.size(); j++) {
                out[j][b] = refits.get(b).effects(predictOn.get(j));
            }
        });
        return out;
    }

    /**
     * The refits' draws carried to size n (class comment): per patient i and arm a,
     * draw'[b][i][a] = point[i][a] − bias_n + s_g·(draw[b][i][a] − mean_g), with the groups and factors of
     * {@code subsample}. Full bootstrap draws (subsample null) are returned as they are (the same array).
     *
     * @param point     the point effects, n × K
     * @param draws     draws[b]: refit b's effects (n × K), in refit order
     * @param subsample the refits' subsample, or null
     * @return the rescaled draws (new arrays), or {@code draws}
     */
    public static double[][][] rescaled(double[][] point, double[][][] draws, Subsample subsample) {
        if (subsample == null) {
            return draws;
        }
        int b = draws.length;
        int b1 = subsample.largeRefits(b);
        boolean two = subsample.twoSizes() && b1 < b;
        double fl = subsample.spreadScale();
        double fs = subsample.smallSpreadScale();
        double gl = subsample.biasScale();
        double gs = subsample.smallBiasScale();
        int n = point.length;
        double[][][] out = new double[b][n][];
        for (int i = 0; i < n; i++) {
            int k = point[i].length;
            for (int r = 0; r < b; r++) {
                if (draws[r].length != n || draws[r][i].length != k) {
                    throw new IllegalArgumentException("draw " + r + " is not " + n + " × " + k + " like the point "
                            + "effects");
                }
                out[r][i] = new double[k];
            }
            for (int a = 0; a < k; a++) {
                double tau = point[i][a];
                double ml = mean(draws, i, a, 0, two ? b1 : b);
                if (!two) {
                    double bias = (ml - tau) * gl;
                    for (int r = 0; r < b; r++) {
                        out[r][i][a] = tau - bias + fl * (draws[r][i][a] - ml);
                    }
                    continue;
                }
                double ms = mean(draws, i, a, b1, b);
                double bias = ((ml - tau) * gl + (ms - tau) * gs) / 2;
                for (int r = 0; r < b; r++) {
                    out[r][i][a] = r < b1 ? tau - bias + fl * (draws[r][i][a] - ml)
                            : tau - bias + fs * (draws[r][i][a] - ms);
                }
            }
        }
        return out;
    }

    private static double mean(double[][][] draws, int i, int a, int from, int to) {
        double s = 0;
        for (int r = from; r < to; r++) {
            s += draws[r][i][a];
        }
        return s / (to - from);
    }

    /**
     * E.g. "20 subsample refits, 10 of 31,623 and 10 of 7,906 of 900,000 rows each (without replacement, within
     * arm); ...": the sizes, the rate and the factors each draw is rescaled with (class comment), as
     * {@link Subsample#describe} says them for two arms.
     */
    public static String describe(Subsample subsample, int refits, String what) {
        String unit = subsample.patients() ? "patients" : "rows";
        String draw = "each draw's effect of every arm moved to the point estimate minus the bias estimate plus its "
                + "deviation from its size group's mean";
        if (subsample.twoSizes()) {
            int large = subsample.largeRefits(refits);
            return String.format(Locale.ROOT, "%d subsample refits%s, %d of %,d and %d of %,d of %,d %s each (without "
                            + "replacement, within arm); convergence rate estimated from how their spread shrinks "
                            + "between the two sizes (every arm's effect): SD proportional to size^-%.3f (root-n: 0.5; "
                            + "clamped to [%.2f, %.2f]); %s, rescaled to n by 1/sqrt((n/m)^(2 rate) - 1) = %.4f and "
                            + "%.4f, the bias estimate the groups' mean minus the point estimate times "
                            + "1/((n/m)^rate - 1) = %.4f and %.4f, averaged", refits, what, large,
                    subsample.drawn(), refits - large, subsample.smallDrawn(), subsample.of(), unit, subsample.rate(),
                    Subsample.MIN_RATE, Subsample.MAX_RATE, draw, subsample.spreadScale(),
                    subsample.smallSpreadScale(), subsample.biasScale(), subsample.smallBiasScale());
        }
        return String.format(Locale.ROOT, "%d subsample refits%s of %,d of %,d %s each (without replacement, within "
                        + "arm); %s, rescaled to n by sqrt(m/(n - m)) = %.4f, the bias estimate the mean minus the "
                        + "point estimate times sqrt(m)/(sqrt(n) - sqrt(m)) = %.4f", refits, what, subsample.drawn(),
                subsample.of(), unit, draw, subsample.spreadScale(), subsample.biasScale());
    }

    /** Row indices of a within-arm bootstrap resample of arms 0..k−1 (same length as t, grouped by arm). */
    public static int[] resample(int[] t, int k, long seed) {
        return PatientResample.rows(t, k, null, seed);
    }
}
