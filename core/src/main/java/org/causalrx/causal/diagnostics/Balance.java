package org.causalrx.causal.diagnostics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.causalrx.util.Stats;

/**
 * Covariate balance between two arms before and after inverse-propensity weighting (causallib's and cobalt's
 * standardised mean difference, the numbers behind a Love plot).
 *
 * <p>Weights: w_i = 1 / e(x_i) for a treated patient (t = 1) and 1 / (1 − e(x_i)) for a control (t = 0), with
 * e clipped to [clip, 1 − clip] first. For feature j the standardised mean difference is
 * SMD_j = (m1_j − m0_j) / sqrt((s1_j² + s0_j²) / 2): m_a the arm's mean (unweighted before, weighted
 * Σ w x / Σ w after) and s_a² the arm's unweighted sample variance (n − 1 denominator), so the denominator is the
 * same before and after weighting. A feature constant in both arms has SMD 0 when the means agree and NaN
 * otherwise. Effective sample size of an arm (Kish): (Σ w)² / Σ w². Pure function of its arrays.
 */
public final class Balance {
    /** The usual bound on |SMD| after weighting (Austin 2009; cobalt's default threshold). */
    public static final double THRESHOLD = 0.1;

    private Balance() {
    }

    /**
     * One feature's balance.
     *
     * @param feature        encoded feature name
     * @param meanControl    unweighted mean in arm 0
     * @param meanTreated    unweighted mean in arm 1
     * @param smdUnweighted  SMD before weighting (treated minus control, in pooled SDs)
     * @param smdWeighted    SMD after inverse-propensity weighting, same denominator
     */
    public record FeatureBalance(String feature, double meanControl, double meanTreated, double smdUnweighted,
                                 double smdWeighted) {
    }

    /**
     * The inverse-propensity weights of one arm.
     *
     * @param arm        arm index (0 = control, 1 = treated)
     * @param n          patients of the arm
     * @param sum        Σ w
     * @param min        smallest weight (≥ 1)
     * @param q1         25th percentile (R type 7)
     * @param median     50th percentile
     * @param q3         75th percentile
     * @param max        largest weight
     * @param ess        Kish effective sample size (Σ w)² / Σ w², in [1, n]; n for equal weights
     */
    public record WeightSummary(int arm, int n, double sum, double min, double q1, double median, double q3,
                                double max, double ess) {
    }

    /**
     * Balance on one set of patients.
     *
     * @param features         one entry per feature, in the input's column order
     * @param weights          arm 0 then arm 1
     * @param maxAbsUnweighted largest |SMD| before weighting (NaN entries ignored)
     * @param maxAbsWeighted   largest |SMD| after weighting (NaN entries ignored)
     * @param imbalanced       features whose |SMD| after weighting exceeds {@code threshold}, or is NaN
     * @param threshold        the bound the flag uses
     */
    public record Result(List<FeatureBalance> features, List<WeightSummary> weights, double maxAbsUnweighted,
                         double maxAbsWeighted, List<String> imbalanced, double threshold) {
        public Result {
            features = List.copyOf(features);
            weights = List.copyOf(weights);
            imbalanced = List.copyOf(imbalanced);
        }

        /** Whether some feature's |SMD| after weighting exceeds the threshold. */
        public boolean flagged() {
            return !imbalanced.isEmpty();
        }
    }

    /**
     * Balance of every column of {@code x}.
     *
     * @param x         n × p covariates (not modified)
     * @param t         n arms in {0, 1}; each arm needs at least one patient
     * @param e         n propensities P(T = 1 | x)
     * @param names     p feature names
     * @param clip      e is clipped to [clip, 1 − clip] before weighting, 0 ≤ clip &lt; 0.5
     * @param threshold the bound on |SMD| after weighting above which a feature is listed as imbalanced
     * @throws IllegalArgumentException on mismatched lengths, an arm outside {0, 1} or an empty arm
     */
    public static Result compute(double[][] x, int[] t, double[] e, List<String> names, double clip,
                                 double threshold) {
        int n = t.length;
        if (x.length != n || e.length != n) {
            throw new IllegalArgumentException("balance: " + x.length + " rows of x, " + n + " arms and "
                    + e.length + " propensities");
        }
        if (!(clip >= 0 && clip < 0.5)) {
            throw new IllegalArgumentException("balance: clip " + clip + " outside [0, 0.5)");
        }
        return fromWeights(x, t, weights(t, e, clip), names, threshold);
    }

    /**
     * Balance of every column of {@code x} under given weights (the SMD and weight summaries of
     * {@link #compute}, whose weights are the two-arm inverse propensities).
     *
     * @param x         n × p covariates (not modified)
     * @param t         n arms in {0, 1}; each arm needs at least one patient
     * @param w         n positive weights
     * @param names     p feature names
     * @param threshold the bound on |SMD| after weighting above which a feature is listed as imbalanced
     * @throws IllegalArgumentException on mismatched lengths, an arm outside {0, 1} or an empty arm
     */
    public static Result fromWeights(double[][] x, int[] t, double[] w, List<String> names, double threshold) {
        int n = t.length;
        if (x.length != n || w.length != n) {
            throw new IllegalArgumentException("balance: " + x.length + " rows of x, " + n + " arms and "
                    + w.length + " weights");
        }
        int[][] rows = {Stats.indicesOf(t, 0), Stats.indicesOf(t, 1)};
        if (rows[0].length + rows[1].length != n) {
            throw new IllegalArgumentException("balance: arms must be 0 or 1");
        }
        if (rows[0].length == 0 || rows[1].length == 0) {
            throw new IllegalArgumentException("balance: arm " + (rows[0].length == 0 ? 0 : 1) + " has no patients");
        }
        int p = names.size();
        List<FeatureBalance> features = new ArrayList<>(p);
        List<String> imbalanced = new ArrayList<>();
        double maxBefore = Double.NaN;
        double maxAfter = Double.NaN;
        for (int j = 0; j < p; j++) {
            double[] col0 = column(x, rows[0], j);
            double[] col1 = column(x, rows[1], j);
            double sd = Math.sqrt((variance(col0) + variance(col1)) / 2);
            double m0 = Stats.mean(col0);
            double m1 = Stats.mean(col1);
            double before = smd(m1 - m0, sd);
            // sd = 0: the feature is constant within each arm, so weighting leaves both means as they are
            double after = sd > 0 ? smd(weightedMean(x, w, rows[1], j) - weightedMean(x, w, rows[0], j), sd)
                    : before;
            features.add(new FeatureBalance(names.get(j), m0, m1, before, after));
            maxBefore = maxAbs(maxBefore, before);
            maxAfter = maxAbs(maxAfter, after);
            if (Double.isNaN(after) || Math.abs(after) > threshold) {
                imbalanced.add(names.get(j));
            }
        }
        return new Result(features, List.of(summary(0, Stats.select(w, rows[0])), summary(1, Stats.select(w,
                rows[1]))), maxBefore, maxAfter, imbalanced, threshold);
    }

    /** Inverse-propensity weights: 1 / e for t = 1, 1 / (1 − e) for t = 0, e clipped to [clip, 1 − clip]. */
    public static double[] weights(int[] t, double[] e, double clip) {
        double[] w = new double[t.length];
        for (int i = 0; i < t.length; i++) {
            double p = Math.min(1 - clip, Math.max(clip, e[i]));
            w[i] = t[i] == 1 ? 1 / p : 1 / (1 - p);
        }
        return w;
    }

    /** Kish effective sample size (Σ w)² / Σ w²; NaN for no weights. */
    public static double effectiveSampleSize(double[] w) {
        double s = 0;
        double s2 = 0;
        for (double v : w) {
            s += v;
            s2 += v * v;
        }
        return w.length == 0 ? Double.NaN : s * s / s2;
    }

    /** Distribution of one arm's weights. */
    static WeightSummary summary(int arm, double[] w) {
        double[] s = w.clone();
        Arrays.sort(s);
        double sum = 0;
        for (double v : s) {
            sum += v;
        }
        return new WeightSummary(arm, s.length, sum, s[0], Stats.quantileSorted(s, 0.25),
                Stats.quantileSorted(s, 0.5), Stats.quantileSorted(s, 0.75), s[s.length - 1],
                effectiveSampleSize(s));
    }

    private static double smd(double diff, double sd) {
        if (sd > 0) {
            return diff / sd;
        }
        return diff == 0 ? 0 : Double.NaN;
    }

    private static double maxAbs(double current, double v) {
        if (Double.isNaN(v)) {
            return current;
        }
        return Double.isNaN(current) ? Math.abs(v) : Math.max(current, Math.abs(v));
    }

    private static double[] column(double[][] x, int[] rows, int j) {
        double[] out = new double[rows.length];
        for (int i = 0; i < rows.length; i++) {
            out[i] = x[rows[i]][j];
        }
        return out;
    }

    private static double variance(double[] v) {
        double sd = Stats.sd(v);
        return sd * sd;
    }

    private static double weightedMean(double[][] x, double[] w, int[] rows, int j) {
        double sw = 0;
        double swx = 0;
        for (int i : rows) {
            sw += w[i];
            swx += w[i] * x[i][j];
        }
        return swx / sw;
    }
}
