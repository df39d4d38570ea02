package org.causalrx.causal.uncertainty;

import java.util.List;
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
 * @param estimator the K-arm estimator to refit
 * @param refits    B ≥ 2
 * @param parallel  fit refits on several threads (results identical either way)
 */
public record MultiArmBootstrap(MultiArmCateEstimator estimator, int refits, boolean parallel) {
    public MultiArmBootstrap {
        if (refits < 2) {
            throw new IllegalArgumentException("bootstrap refits must be at least 2, got " + refits);
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
     * @return draws[j][b]: the effects (m_j × K) of matrix j under refit b
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
     * long)}.
     */
    public List<MultiArmCateModel> fit(double[][] x, int[] t, int k, double[] y, int[] groups, long resampleSeed,
                                       long fitSeed) {
        IntStream range = IntStream.range(0, refits);
        return (parallel ? range.parallel() : range).mapToObj(b -> {
            int[] rows = PatientResample.rows(t, k, groups, Seeds.derive(resampleSeed, b));
            return estimator.fit(Stats.select(x, rows), Stats.select(t, rows), k, Stats.select(y, rows),
                    Seeds.derive(fitSeed, b));
        }).toList();
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

    /** Row indices of a within-arm bootstrap resample of arms 0..k−1 (same length as t, grouped by arm). */
    public static int[] resample(int[] t, int k, long seed) {
        return PatientResample.rows(t, k, null, seed);
    }
}
