package org.causalrx.causal.uncertainty;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.causalrx.causal.CateModel;
import org.causalrx.util.Stats;

/**
 * Subsample refits: each refit is fit on {@code drawn} of the {@code of} training units (rows, or patients when the
 * rows are grouped) drawn <i>without</i> replacement within arm, and the refits' spread and bias are carried to the
 * full sample size n = {@code of} (subsampling, Politis, Romano &amp; Wolf 1999). Two schemes ({@link Rate}):
 * the root-n rate (one size m, {@code smallDrawn} 0, {@code rate} 0.5) and an estimated rate (two sizes, below).
 *
 * <p><b>Spread, root-n.</b> For an estimator that is asymptotically linear, tau_n − tau ≈ (1/n) Σ ψ_i with
 * Var ψ = σ², so SD(tau_n) ≈ σ/√n. A subsample of m of the n units without replacement gives tau_m − tau_n ≈ the
 * difference of a sample mean of ψ over m units and the mean over all n, whose variance given the data is the
 * finite-population variance S²(1/m − 1/n) = S²(n − m)/(m·n), S² → σ². Hence Var(tau_n) ≈ Var_sub · m/(n − m), and
 * the refits' SD is multiplied by {@link #spreadScale()} = √(m/(n − m)) (≈ √(m/n) for m ≪ n; exactly 1 at m = n/2,
 * the half-sampling identity). Stratified by arm with the same fraction m_a/n_a = m/n in each arm, each arm's term
 * (σ_a²/n_a for a T-learner's arm means) carries the same factor, so the sum does too.
 *
 * <p><b>Bias, root-n.</b> The mean of full-bootstrap refits minus the point estimate estimates the bias at size n;
 * the mean of size-m subsample refits minus the point estimate estimates bias(m) − bias(n) instead, which for a
 * regularised learner (shrinkage, early stopping on fewer rows) overstates the bias at n. Under the rate the spread
 * correction assumes, bias(k) = c/√k, bias(m) − bias(n) = c(1/√m − 1/√n), so bias(n) = (mean_b − tau)·√m/(√n − √m):
 * {@link #biasScale()}. With m ≪ n the noise of this estimate (SD_m/√B times the factor) is about SD_n/√B, as for the
 * full bootstrap.
 *
 * <p><b>Estimated rate</b> (Politis, Romano &amp; Wolf 1999 §8; Bertail, Politis &amp; Romano 1999). Learners that
 * are not root-n estimators (boosted trees, forests: their error shrinks like k^−β with β &lt; 1/2) spread more at
 * size n than the root-n factor says. Then the refits are fit at two sizes: the first ⌈B/2⌉ on m units
 * ({@code drawn}), the other ⌊B/2⌋ on m_s ≈ m/4 units ({@code smallDrawn}, {@link #smallRows}), which costs
 * (1/2 + 1/8)·B refits of m. Model: Var(tau_k − tau) = c·k^−2β, and the subsample estimate relates to the
 * full-sample one as a linear statistic's nested means do, Cov(tau_k, tau_n) = Var(tau_n) (tau_n is the average of
 * the tau_k over subsamples, to first order), so the spread of size-k subsample refits around tau_n is
 * Var_sub(k) = c(k^−2β − n^−2β). Writing x_k = n/k:
 * <ul>
 *   <li><i>Rate.</i> Var_sub(m_s)/Var_sub(m) = (x_s^2β − 1)/(x_m^2β − 1), increasing in β (x_s &gt; x_m &gt; 1).
 *       Per evaluation row (up to 2,000 training rows, evenly spaced: {@link #evaluationRows}) the ratio of the
 *       two groups' refit variances is taken; the median of their logarithms (rows where either variance is 0
 *       skipped) is set equal to the log of that ratio and solved for β by bisection, clamped to
 *       [{@link #MIN_RATE}, {@link #MAX_RATE}] (no estimator here converges faster than root-n; slower than n^−1/4
 *       is outside what 20 refits can tell from noise). Without the n terms this is the textbook
 *       log(SD_s/SD_m)/log(m/m_s); with m = n/5, as at n = 10⁵ by the automatic rule, those terms matter (a root-n
 *       learner's raw ratio reads β = 0.56). With K arms ({@link MultiArmBootstrap}) every evaluation row gives one
 *       ratio per non-reference arm, of the variances of that arm's effect, and the median runs over all of
 *       them.</li>
 *   <li><i>Spread.</i> Var(tau_n) = c·n^−2β = Var_sub(k)/(x_k^2β − 1), so the size-k refits' SD is multiplied by
 *       1/√(x_k^2β − 1) ({@link #spreadScale()}, {@link #smallSpreadScale()}). At β = 1/2 this is 1/√(n/m − 1) =
 *       √(m/(n − m)), the root-n factor above. The two groups' rescaled variances are pooled with weights B_g − 1
 *       and the interval's quantile is Student's t with B − 2 degrees of freedom.</li>
 *   <li><i>Bias.</i> bias(k) = c'·k^−β, so mean_g − tau = c'(m_g^−β − n^−β) and bias(n) = (mean_g − tau)/(x_g^β − 1)
 *       ({@link #biasScale()}, {@link #smallBiasScale()}; at β = 1/2: √m/(√n − √m), as above); the two groups'
 *       estimates are averaged.</li>
 * </ul>
 * The rate is the same power law for spread and bias and for every evaluation row: a pooled, not a per-patient, rate.
 * The nesting Cov(tau_k, tau_n) = Var(tau_n) is exact for linear statistics; for learners whose fit adapts to the
 * sample size (early stopping, smoothing that narrows with n) it is an approximation. With 10 + 10 refits the
 * estimate is noisy where the refits vary in few directions (a linear learner: SD about 0.1 around 0.5,
 * {@code SubsampleRefitsKnownAnswerTest}); the clamp at 0.5 then errs towards wider intervals. The run's
 * interval-coverage check measures the intervals either way.
 *
 * @param drawn      m ≥ 1 units per refit (with two sizes: the larger)
 * @param of         n &gt; m units in the training split
 * @param patients   the units are patients (grouped rows), else rows
 * @param smallDrawn m_s, 1 ≤ m_s &lt; m units of the smaller refits (the last ⌊B/2⌋), or 0: one size, root-n rate
 * @param rate       β, the convergence rate the refits are rescaled with: 0.5 with one size; estimated, in
 *                   [{@link #MIN_RATE}, {@link #MAX_RATE}], with two
 */
public record Subsample(int drawn, int of, boolean patients, int smallDrawn, double rate) {
    /** Smallest subsample of the automatic rule, in rows. */
    public static final int AUTO_FLOOR = 20_000;
    /** Smallest estimated rate β (the spread shrinks at least like size^−1/4). */
    public static final double MIN_RATE = 0.25;
    /** Largest estimated rate β: root-n. */
    public static final double MAX_RATE = 0.5;
    /** Evaluation rows of the rate estimate, at most. */
    public static final int RATE_ROWS = 2_000;
    /** The smaller refits ask for m / SMALL_DIVISOR rows. */
    public static final int SMALL_DIVISOR = 4;

    /** How the refits' spread and bias are carried from the subsample size to n. */
    public enum Rate {
        /** One subsample size, the root-n rate (β = 1/2). */
        ROOT_N,
        /** Two subsample sizes, β estimated from how the spread shrinks between them. */
        ESTIMATED
    }

    public Subsample {
        if (drawn < 1 || of <= drawn) {
            throw new IllegalArgumentException("a subsample needs 1 <= m < n units, got m = " + drawn + ", n = " + of);
        }
        if (smallDrawn == 0 ? rate != MAX_RATE : smallDrawn < 1 || smallDrawn >= drawn) {
            throw new IllegalArgumentException("one subsample size has the root-n rate 0.5, two need 1 <= m_s < m; got"
                    + " m_s = " + smallDrawn + ", rate " + rate);
        }
        if (!(rate >= MIN_RATE && rate <= MAX_RATE)) {
            throw new IllegalArgumentException("subsample rate must be in [" + MIN_RATE + ", " + MAX_RATE + "], got "
                    + rate);
        }
    }

    /** One subsample size, root-n rate. */
    public Subsample(int drawn, int of, boolean patients) {
        this(drawn, of, patients, 0, MAX_RATE);
    }

    /** Whether the refits come in two sizes (estimated rate). */
    public boolean twoSizes() {
        return smallDrawn > 0;
    }

    /** Of B refits, how many are of the larger size m: all with one size, else the first ⌈B/2⌉. */
    public int largeRefits(int refits) {
        return twoSizes() ? refits - refits / 2 : refits;
    }

    /** Rows the smaller refits ask for when the larger ask for m: max(1, m / 4). */
    public static int smallRows(int m) {
        return Math.max(1, m / SMALL_DIVISOR);
    }

    /** The same sizes with rate β. */
    public Subsample withRate(double beta) {
        return new Subsample(drawn, of, patients, smallDrawn, beta);
    }

    /**
     * The factor from the size-m refits' SD to the SD of the estimate at size n: √(m/(n − m)) with one size,
     * 1/√((n/m)^2β − 1) with two (class comment).
     */
    public double spreadScale() {
        return twoSizes() ? spread(drawn) : Math.sqrt((double) drawn / (of - drawn));
    }

    /** The factor from the size-m_s refits' SD to the SD at size n, 1/√((n/m_s)^2β − 1); NaN with one size. */
    public double smallSpreadScale() {
        return twoSizes() ? spread(smallDrawn) : Double.NaN;
    }

    /**
     * The factor from mean_b tau_b − tau (size-m refits) to the bias at size n: √m/(√n − √m) with one size,
     * 1/((n/m)^β − 1) with two.
     */
    public double biasScale() {
        if (twoSizes()) {
            return bias(drawn);
        }
        double sm = Math.sqrt(drawn);
        return sm / (Math.sqrt(of) - sm);
    }

    /** The factor from the size-m_s refits' mean minus tau to the bias at size n, 1/((n/m_s)^β − 1); NaN: one size. */
    public double smallBiasScale() {
        return twoSizes() ? bias(smallDrawn) : Double.NaN;
    }

    private double spread(int k) {
        return 1 / Math.sqrt(Math.pow((double) of / k, 2 * rate) - 1);
    }

    private double bias(int k) {
        return 1 / (Math.pow((double) of / k, rate) - 1);
    }

    /**
     * These two-size refits with the rate estimated from them (class comment): the median over the evaluation rows
     * of x of log(Var_small/Var_large), solved for β; β = 0.5 when no row has both variances positive.
     *
     * @param refits the B refits, the first {@link #largeRefits} of size m
     * @param x      the training covariates (the evaluation rows are taken from them)
     */
    public Subsample withEstimatedRate(List<CateModel> refits, double[][] x) {
        if (!twoSizes()) {
            throw new IllegalStateException("the rate is estimated from refits of two sizes");
        }
        double[][] xe = evaluationRows(x);
        double[][] pred = new double[refits.size()][];
        for (int r = 0; r < pred.length; r++) {
            pred[r] = refits.get(r).effect(xe);
        }
        return withEstimatedRate(pred);
    }

    /**
     * These two-size refits with the rate estimated from their predictions (class comment): per evaluation point i
     * the log of the ratio of the small refits' variance of pred[·][i] to the large refits', the median over the
     * points (those where either variance is 0 or not finite skipped) solved for β; β = 0.5 when no point is left.
     * A point is whatever the refits predict alike: an evaluation row's CATE, or one arm's effect at a row (K arms).
     *
     * @param pred pred[r][i]: refit r's prediction at point i, the first {@link #largeRefits} refits of size m
     */
    public Subsample withEstimatedRate(double[][] pred) {
        if (!twoSizes()) {
            throw new IllegalStateException("the rate is estimated from refits of two sizes");
        }
        int b = pred.length;
        int b1 = largeRefits(b);
        int points = b == 0 ? 0 : pred[0].length;
        List<Double> logs = new ArrayList<>();
        for (int i = 0; i < points; i++) {
            double vl = variance(pred, i, 0, b1);
            double vs = variance(pred, i, b1, b);
            if (vl > 0 && vs > 0 && Double.isFinite(vl) && Double.isFinite(vs)) {
                logs.add(Math.log(vs / vl));
            }
        }
        if (logs.isEmpty()) {
            return withRate(MAX_RATE);
        }
        double med = Stats.median(logs.stream().mapToDouble(Double::doubleValue).toArray());
        return withRate(rateFor(med, drawn, smallDrawn, of));
    }

    /**
     * β solving log((x_s^2β − 1)/(x_m^2β − 1)) = {@code logRatio} (x_k = n/k), clamped to [MIN_RATE, MAX_RATE].
     *
     * @param logRatio log of Var_sub(small)/Var_sub(large)
     */
    public static double rateFor(double logRatio, int large, int small, int n) {
        double xl = (double) n / large;
        double xs = (double) n / small;
        if (logRatio <= logVarRatio(MIN_RATE, xl, xs)) {
            return MIN_RATE;
        }
        if (logRatio >= logVarRatio(MAX_RATE, xl, xs)) {
            return MAX_RATE;
        }
        double lo = MIN_RATE;
        double hi = MAX_RATE;
        for (int it = 0; it < 60; it++) {
            double mid = (lo + hi) / 2;
            if (logVarRatio(mid, xl, xs) < logRatio) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return (lo + hi) / 2;
    }

    /** log((xs^2β − 1)/(xl^2β − 1)): the model's log variance ratio of the small to the large refits. */
    static double logVarRatio(double beta, double xl, double xs) {
        return Math.log(Math.expm1(2 * beta * Math.log(xs))) - Math.log(Math.expm1(2 * beta * Math.log(xl)));
    }

    private static double variance(double[][] pred, int i, int from, int to) {
        double mean = 0;
        for (int r = from; r < to; r++) {
            mean += pred[r][i];
        }
        mean /= to - from;
        double ss = 0;
        for (int r = from; r < to; r++) {
            double d = pred[r][i] - mean;
            ss += d * d;
        }
        return ss / (to - from - 1);
    }

    /** Up to {@link #RATE_ROWS} rows of x, evenly spaced (row ⌊j·n/k⌋ for j = 0..k−1), all rows when fewer. */
    public static double[][] evaluationRows(double[][] x) {
        int k = Math.min(RATE_ROWS, x.length);
        double[][] out = new double[k][];
        for (int j = 0; j < k; j++) {
            out[j] = x[(int) ((long) j * x.length / k)];
        }
        return out;
    }

    /**
     * Rows per refit of the automatic rule for a training split of n rows: max(20,000, ⌈n^0.75⌉). m grows with n
     * (m → ∞, m/n → 0, as subsampling asks) and 20 refits of n^0.75 rows cost less than one fit on all n rows from
     * n ≈ 160,000 (20·n^0.75 &lt; n); the floor keeps each refit large enough for XGBoost's early stopping to settle.
     */
    public static int autoRows(int n) {
        return Math.max(AUTO_FLOOR, (int) Math.ceil(Math.pow(n, 0.75)));
    }

    /**
     * Whether refits of m rows are subsamples for a training split of n rows: m ≥ 1 and n ≥ 2m, so that the
     * fraction is at most 1/2 (near fraction 1 the subsamples barely differ and √(m/(n − m)) amplifies the refits'
     * own fitting noise); otherwise refits are full bootstrap resamples.
     */
    public static boolean applies(int m, int n) {
        return m >= 1 && n >= 2L * m;
    }

    /** Rows per refit for a study setting ({@code setting} 0: {@link #autoRows}) and a training split of n rows. */
    public static int rowsFor(int setting, int n) {
        return setting > 0 ? setting : autoRows(n);
    }

    /**
     * E.g. "20 subsample refits of 31,623 of 900,000 rows (without replacement, within arm), SD × √(m/(n − m))", or
     * with two sizes the sizes, the estimated rate and the factors.
     */
    public String describe(int refits, String what) {
        String unit = patients ? "patients" : "rows";
        if (twoSizes()) {
            int large = largeRefits(refits);
            return String.format(Locale.ROOT, "%d subsample refits%s, %d of %,d and %d of %,d of %,d %s each (without "
                            + "replacement, within arm); convergence rate estimated from how their spread shrinks "
                            + "between the two sizes: SD proportional to size^-%.3f (root-n: 0.5; clamped to [%.2f, "
                            + "%.2f]); SD rescaled to n by 1/sqrt((n/m)^(2 rate) - 1) = %.4f and %.4f, pooled, and the "
                            + "bias estimate by 1/((n/m)^rate - 1) = %.4f and %.4f, averaged", refits, what, large,
                    drawn, refits - large, smallDrawn, of, unit, rate, MIN_RATE, MAX_RATE, spreadScale(),
                    smallSpreadScale(), biasScale(), smallBiasScale());
        }
        return String.format(Locale.ROOT, "%d subsample refits%s of %,d of %,d %s each (without replacement, within "
                        + "arm), SD rescaled to n by sqrt(m/(n - m)) = %.4f and the bias estimate by "
                        + "sqrt(m)/(sqrt(n) - sqrt(m)) = %.4f", refits, what, drawn, of, unit, spreadScale(),
                biasScale());
    }
}
