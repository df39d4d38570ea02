package org.causalrx.causal.diagnostics;

import org.causalrx.util.Normal;

/**
 * The best-linear-predictor calibration test of a CATE estimate (Chernozhukov, Demirer, Duflo and Fernández-Val;
 * grf's {@code test_calibration}): the doubly robust score ψ_i is regressed, without intercept, on the mean
 * prediction τ̄ and the differential prediction τ̂_i − τ̄,
 * <pre>  ψ_i = α · τ̄ + β · (τ̂_i − τ̄) + ε_i.</pre>
 * α = 1 says the average prediction is right; β &gt; 0 says the ranking carries real heterogeneity (β = 1: the spread
 * is right as well). Standard errors are heteroskedasticity-robust (HC3), p-values one-sided (H1: coefficient
 * &gt; 0) from the normal distribution. The two columns are orthogonal (the second sums to 0), so each coefficient
 * is a ratio of sums.
 */
public final class BlpCalibration {
    private BlpCalibration() {
    }

    /**
     * One coefficient.
     *
     * @param estimate the least-squares coefficient (NaN when its column is identically 0)
     * @param se       its HC3 standard error
     * @param pValue   one-sided p-value of H0: coefficient ≤ 0 against H1: coefficient &gt; 0
     */
    public record Coefficient(double estimate, double se, double pValue) {
        /** A coefficient that cannot be estimated (its regressor is identically 0). */
        public static final Coefficient UNDEFINED = new Coefficient(Double.NaN, Double.NaN, Double.NaN);
    }

    /**
     * The test's result.
     *
     * @param meanPrediction         α, the coefficient on τ̄ (1: the average effect is well calibrated)
     * @param differentialPrediction β, the coefficient on τ̂ − τ̄ (&gt; 0: real heterogeneity)
     * @param n                      patients
     */
    public record Result(Coefficient meanPrediction, Coefficient differentialPrediction, int n) {
    }

    /**
     * @param tauHat predicted CATE per patient (outcome units), length n ≥ 3
     * @param psi    doubly robust score per patient (same units, same order)
     */
    public static Result test(double[] tauHat, double[] psi) {
        int n = tauHat.length;
        if (psi.length != n || n < 3) {
            throw new IllegalArgumentException("calibration test needs equal-length series of at least 3 patients, got "
                    + n + " and " + psi.length);
        }
        double tauBar = 0;
        double psiBar = 0;
        for (int i = 0; i < n; i++) {
            tauBar += tauHat[i];
            psiBar += psi[i];
        }
        tauBar /= n;
        psiBar /= n;
        double[] d = new double[n];
        double sxx = 0;
        double sxy = 0;
        for (int i = 0; i < n; i++) {
            d[i] = tauHat[i] - tauBar;
            sxx += d[i] * d[i];
            sxy += d[i] * psi[i];
        }
        // a differential column that is 0 up to rounding (a constant prediction) carries no ranking
        double scale = Math.max(Math.abs(tauBar), 1e-300);
        boolean hasSpread = sxx > 1e-24 * n * scale * scale && sxx > 0;
        boolean hasMean = tauBar != 0;
        double alpha = hasMean ? psiBar / tauBar : Double.NaN;
        double beta = hasSpread ? sxy / sxx : Double.NaN;
        double meat11 = 0;
        double meat22 = 0;
        for (int i = 0; i < n; i++) {
            double fit = (hasMean ? alpha * tauBar : 0) + (hasSpread ? beta * d[i] : 0);
            double h = (hasMean ? 1.0 / n : 0) + (hasSpread ? d[i] * d[i] / sxx : 0);
            double r = (psi[i] - fit) / Math.max(1 - h, 1e-12);
            meat11 += r * r;
            meat22 += d[i] * d[i] * r * r;
        }
        Coefficient mean = hasMean ? coefficient(alpha, Math.sqrt(meat11) / (n * Math.abs(tauBar)))
                : Coefficient.UNDEFINED;
        Coefficient diff = hasSpread ? coefficient(beta, Math.sqrt(meat22) / sxx) : Coefficient.UNDEFINED;
        return new Result(mean, diff, n);
    }

    private static Coefficient coefficient(double estimate, double se) {
        double p = se > 0 ? 1 - Normal.cdf(estimate / se) : (estimate > 0 ? 0.0 : 1.0);
        return new Coefficient(estimate, se, p);
    }
}
