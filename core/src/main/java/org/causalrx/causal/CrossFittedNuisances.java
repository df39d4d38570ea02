package org.causalrx.causal;

import org.causalrx.learn.Classifier;
import org.causalrx.learn.Regressor;
import org.causalrx.util.Seeds;

/**
 * The out-of-fold nuisances of a binary-treatment cross-fit — e(x), clipped, and mu_0(x), mu_1(x) — with what they
 * were fit by and on, so that a later step that would cross-fit the same learners on the same rows with the same
 * number of folds and clip can reuse them instead ({@link #reusableFor}). A reused set is another seeded draw of the
 * same estimator (its fold split comes from the step that fit it), not the same numbers the step would have drawn.
 *
 * @param folds      the fold of each row
 * @param e          out-of-fold propensity per row, clipped to [clip, 1 − clip] (read only)
 * @param mu         out-of-fold arm outcomes: row 0 mu_0, row 1 mu_1, one value per row (read only)
 * @param propensity the learner of e
 * @param outcome    the learner of each arm's mu
 * @param clip       the propensity clip
 * @param data       {@link #fingerprint} of the covariates, treatments and outcomes they were fit on
 */
public record CrossFittedNuisances(CrossFit folds, double[] e, double[][] mu, Classifier propensity, Regressor outcome,
                                   double clip, long data) {
    public CrossFittedNuisances {
        int n = folds.foldOfRow().length;
        if (e.length != n || mu.length != 2 || mu[0].length != n || mu[1].length != n) {
            throw new IllegalArgumentException("nuisances need one e, mu_0 and mu_1 per row of the folds (" + n + ")");
        }
    }

    /**
     * Whether these are the nuisances {@code propensity} and {@code outcome} would give cross-fitted with
     * {@code k} folds and {@code clip} on {@code (x, t, y)}: the same learners (by value), fold count and clip, and
     * data with the same fingerprint.
     */
    public boolean reusableFor(Classifier propensity, Regressor outcome, int k, double clip, double[][] x, int[] t,
                               double[] y) {
        return fitBy(propensity, outcome, k, clip) && y.length == e.length && data == fingerprint(x, t, y);
    }

    /** Whether these were fit by {@code propensity} and {@code outcome} (by value) with {@code k} folds and clip. */
    public boolean fitBy(Classifier propensity, Regressor outcome, int k, double clip) {
        return folds.k() == k && Double.compare(this.clip, clip) == 0 && this.propensity.equals(propensity)
                && this.outcome.equals(outcome);
    }

    /**
     * A 64-bit hash of every covariate, treatment and outcome value and of the shape (bit patterns of the doubles,
     * row by row, mixed by the SplitMix64 finaliser of {@link Seeds#derive(long, long)}): equal data give equal
     * fingerprints; different data almost surely differ.
     */
    public static long fingerprint(double[][] x, int[] t, double[] y) {
        long h = Seeds.derive(x.length, ((long) t.length << 32) ^ y.length);
        for (int i = 0; i < x.length; i++) {
            double[] row = x[i];
            h = Seeds.derive(h, row.length);
            for (double v : row) {
                h = h * 0x100000001B3L ^ Double.doubleToLongBits(v);
            }
            h = Seeds.derive(h ^ t[i], Double.doubleToLongBits(y[i]));
        }
        return h;
    }
}
