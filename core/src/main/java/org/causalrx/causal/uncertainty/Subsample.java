package org.causalrx.causal.uncertainty;

import java.util.Locale;

/**
 * Subsample refits: each refit is fit on {@code drawn} of the {@code of} training units (rows, or patients when the
 * rows are grouped) drawn <i>without</i> replacement within arm, and the refits' spread and bias are carried to the
 * full sample size n = {@code of} (subsampling, Politis, Romano &amp; Wolf 1999).
 *
 * <p><b>Spread.</b> For an estimator that is asymptotically linear, tau_n − tau ≈ (1/n) Σ ψ_i with Var ψ = σ², so
 * SD(tau_n) ≈ σ/√n. A subsample of m of the n units without replacement gives tau_m − tau_n ≈ the difference of a
 * sample mean of ψ over m units and the mean over all n, whose variance given the data is the finite-population
 * variance S²(1/m − 1/n) = S²(n − m)/(m·n), S² → σ². Hence Var(tau_n) ≈ Var_sub · m/(n − m), and the refits' SD
 * is multiplied by {@link #spreadScale()} = √(m/(n − m)) (≈ √(m/n) for m ≪ n; exactly 1 at m = n/2, the
 * half-sampling identity). Stratified by arm with the same fraction m_a/n_a = m/n in each arm, each arm's term
 * (σ_a²/n_a for a T-learner's arm means) carries the same factor, so the sum does too.
 *
 * <p><b>Bias.</b> The mean of full-bootstrap refits minus the point estimate estimates the bias at size n; the mean of
 * size-m subsample refits minus the point estimate estimates bias(m) − bias(n) instead, which for a regularised
 * learner (shrinkage, early stopping on fewer rows) overstates the bias at n. Under the rate the spread correction
 * assumes, bias(k) = c/√k, bias(m) − bias(n) = c(1/√m − 1/√n), so bias(n) = (mean_b − tau)·√m/(√n − √m):
 * {@link #biasScale()}. With m ≪ n the noise of this estimate (SD_m/√B times the factor) is about SD_n/√B, as for the
 * full bootstrap. For learners whose bias shrinks more slowly than 1/√k the scaled estimate understates the bias
 * at n, as the spread correction understates their spread; coverage is measured per run by the interval-coverage
 * check.
 *
 * @param drawn    m ≥ 1 units per refit
 * @param of       n &gt; m units in the training split
 * @param patients the units are patients (grouped rows), else rows
 */
public record Subsample(int drawn, int of, boolean patients) {
    /** Smallest subsample of the automatic rule, in rows. */
    public static final int AUTO_FLOOR = 20_000;

    public Subsample {
        if (drawn < 1 || of <= drawn) {
            throw new IllegalArgumentException("a subsample needs 1 <= m < n units, got m = " + drawn + ", n = " + of);
        }
    }

    /** √(m/(n − m)): the factor from the refits' SD at size m to the SD of the estimate at size n. */
    public double spreadScale() {
        return Math.sqrt((double) drawn / (of - drawn));
    }

    /** √m/(√n − √m): the factor from mean_b tau_b − tau to the bias at size n (bias ∝ 1/√size). */
    public double biasScale() {
        double sm = Math.sqrt(drawn);
        return sm / (Math.sqrt(of) - sm);
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

    /** E.g. "20 subsample refits of 31,623 of 900,000 rows (without replacement, within arm), SD × √(m/(n − m))". */
    public String describe(int refits, String what) {
        String unit = patients ? "patients" : "rows";
        return String.format(Locale.ROOT, "%d subsample refits%s of %,d of %,d %s each (without replacement, within "
                        + "arm), SD rescaled to n by sqrt(m/(n - m)) = %.4f and the bias estimate by "
                        + "sqrt(m)/(sqrt(n) - sqrt(m)) = %.4f", refits, what, drawn, of, unit, spreadScale(),
                biasScale());
    }
}
