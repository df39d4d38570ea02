package org.causalrx.causal;

import java.util.List;

import org.causalrx.learn.Classifier;
import org.causalrx.learn.ProbabilityModel;
import org.causalrx.learn.RegressionModel;
import org.causalrx.learn.Regressor;
import org.causalrx.util.IndexedTasks;
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
 * @param models     the fold models behind them and the propensities before the clip ({@link #outside}), or null:
 *                   not kept
 */
public record CrossFittedNuisances(CrossFit folds, double[] e, double[][] mu, Classifier propensity, Regressor outcome,
                                   double clip, long data, FoldModels models) {
    public CrossFittedNuisances {
        int n = folds.foldOfRow().length;
        if (e.length != n || mu.length != 2 || mu[0].length != n || mu[1].length != n) {
            throw new IllegalArgumentException("nuisances need one e, mu_0 and mu_1 per row of the folds (" + n + ")");
        }
        if (models != null && (models.eRaw().length != n || models.propensity().size() != folds.k()
                || models.outcome().size() != 2 * folds.k())) {
            throw new IllegalArgumentException("fold models need one propensity model per fold, two arm models per "
                    + "fold and one unclipped propensity per row");
        }
    }

    /** Without the fold models. */
    public CrossFittedNuisances(CrossFit folds, double[] e, double[][] mu, Classifier propensity, Regressor outcome,
                                double clip, long data) {
        this(folds, e, mu, propensity, outcome, clip, data, null);
    }

    /**
     * The models of a cross-fit, kept so that its nuisances can be re-clipped and predicted for rows outside it.
     *
     * @param eRaw       out-of-fold P(T = 1 | x) per row as the fold models predicted it, before the clip (read only)
     * @param propensity fold f's propensity model at entry f
     * @param outcome    fold f's arm a outcome model at entry 2f + a
     */
    public record FoldModels(double[] eRaw, List<ProbabilityModel> propensity, List<RegressionModel> outcome) {
        public FoldModels {
            propensity = List.copyOf(propensity);
            outcome = List.copyOf(outcome);
        }
    }

    /**
     * Nuisances for rows that no fold model saw (patients outside the cross-fitted rows): per row the mean of the k
     * fold models' propensities, then clipped to [{@code clip}, 1 − {@code clip}], and the mean of the k fold models'
     * mu_0 and mu_1 (summed in fold order, then divided by k). Each fold model was fit on rows these are not, so the
     * values are out of sample for them as the out-of-fold values are for the cross-fitted rows.
     *
     * @return {e, mu_0, mu_1}, one value per row of {@code x}
     * @throws IllegalStateException when the fold models were not kept
     */
    public double[][] outside(double[][] x, double clip) {
        if (models == null) {
            throw new IllegalStateException("the fold models of these nuisances were not kept");
        }
        int k = folds.k();
        // task f: fold f's propensity; task k + 2f + a: fold f's arm a model (each predicts every row once)
        List<double[]> preds = IndexedTasks.map(3 * k, task -> task < k ? models.propensity().get(task)
                .predictProba(x) : models.outcome().get(task - k).predict(x));
        int n = x.length;
        double[][] out = new double[3][n];
        for (int f = 0; f < k; f++) {
            double[] p = preds.get(f);
            double[] m0 = preds.get(k + 2 * f);
            double[] m1 = preds.get(k + 2 * f + 1);
            for (int i = 0; i < n; i++) {
                out[0][i] += p[i];
                out[1][i] += m0[i];
                out[2][i] += m1[i];
            }
        }
        for (int i = 0; i < n; i++) {
            out[0][i] = Math.min(Math.max(out[0][i] / k, clip), 1 - clip);
            out[1][i] /= k;
            out[2][i] /= k;
        }
        return out;
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
        return fitBy(propensity, outcome, k) && Double.compare(this.clip, clip) == 0;
    }

    /** Whether these were fit by {@code propensity} and {@code outcome} (by value) with {@code k} folds, any clip. */
    public boolean fitBy(Classifier propensity, Regressor outcome, int k) {
        return folds.k() == k && this.propensity.equals(propensity) && this.outcome.equals(outcome);
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
