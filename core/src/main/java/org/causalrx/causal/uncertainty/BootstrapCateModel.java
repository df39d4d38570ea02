package org.causalrx.causal.uncertainty;

import java.util.List;

import org.causalrx.causal.CateModel;
import org.causalrx.causal.EffectIntervals;
import org.causalrx.causal.IntervalCateModel;
import org.causalrx.util.IndexedTasks;
import org.causalrx.util.Normal;

/**
 * A point CATE model with B bootstrap refits of the same estimator. {@link #effect} is the point model's;
 * {@link #effectInterval} is the <b>normal bootstrap interval</b> tau(x) ± q · SD_b(tau_b(x)), where SD_b is the
 * standard deviation (divisor B − 1) of the B refits' predictions at x and q the (1 − alpha/2) quantile of Student's
 * t with B − 1 degrees of freedom (the SD is itself estimated from B refits; with B = 10 the normal quantile would
 * cover about 92 % instead of 95 % even for an unbiased estimator). Normal-type rather than percentile intervals
 * because B is small (10–50), where percentile tails rest on one or two refits. The interval
 * always contains the point estimate. Composed only of fitted models (no captured closures of its own).
 *
 * <p>When the refits were fit on subsamples of m of the n training units without replacement ({@code subsample}
 * not null), SD_b is multiplied by {@link Subsample#spreadScale()} = √(m/(n − m)) and the bias estimate
 * mean_b tau_b − tau by {@link Subsample#biasScale()} = √m/(√n − √m), carrying both from size m to n (derivation
 * there); the quantile stays Student's t with B − 1 degrees of freedom. Refits of two sizes (estimated rate β,
 * {@link Subsample#twoSizes()}): the first ⌈B/2⌉ refits (size m) and the other ⌊B/2⌋ (size m_s) each give an SD
 * and a mean; SD² = ((B_m − 1)·(f_m·SD_m)² + (B_s − 1)·(f_s·SD_s)²)/(B − 2) with f the groups' spread factors, the
 * bias is the average of g_m·(mean_m − tau) and g_s·(mean_s − tau) with g their bias factors, and the quantile is
 * Student's t with B − 2 degrees of freedom.
 *
 * @param point     the model fit on all training rows
 * @param refits    B ≥ 2 models, each fit on one seeded bootstrap resample (see {@link BootstrapCate})
 * @param subsample the refits' subsample size, or null: full-size bootstrap resamples
 */
public record BootstrapCateModel(CateModel point, List<CateModel> refits, Subsample subsample)
        implements IntervalCateModel {
    public BootstrapCateModel {
        if (point == null || refits == null || refits.size() < 2) {
            throw new IllegalArgumentException("a bootstrap CATE model needs a point model and at least 2 refits");
        }
        if (subsample != null && subsample.twoSizes() && refits.size() < 4) {
            throw new IllegalArgumentException("refits of two subsample sizes need at least 4 refits, got "
                    + refits.size());
        }
        refits = List.copyOf(refits);
    }

    /** Refits whose predictions are held at once while the moments are summed. */
    private static final int PREDICT_BATCH = 8;

    /** Refits on full-size bootstrap resamples. */
    public BootstrapCateModel(CateModel point, List<CateModel> refits) {
        this(point, refits, null);
    }

    @Override
    public double[] effect(double[][] x) {
        return point.effect(x);
    }

    /**
     * Per-row SD of the refits' predictions (n values), times √(m/(n − m)) when the refits are subsamples; with two
     * subsample sizes the pooled rescaled SD (class comment).
     */
    public double[] bootstrapSd(double[][] x) {
        if (subsample != null && subsample.twoSizes()) {
            return twoSize(x, point.effect(x))[0];
        }
        double[] sd = moments(x)[1];
        if (subsample != null) {
            double s = subsample.spreadScale();
            for (int i = 0; i < sd.length; i++) {
                sd[i] *= s;
            }
        }
        return sd;
    }

    /** Per row: the refits' mean and SD (divisor B − 1). */
    private double[][] moments(double[][] x) {
        return moments(x, 0, refits.size());
    }

    /** Per row: the mean and SD (divisor count − 1) of refits from..to−1. */
    private double[][] moments(double[][] x, int from, int to) {
        int n = x.length;
        int b = to - from;
        double[] sum = new double[n];
        double[] sq = new double[n];
        // the refits predict on several threads, PREDICT_BATCH at a time (bounded memory); the sums add them in
        // refit order, so the moments are the same bytes for any thread count
        for (int first = from; first < to; first += PREDICT_BATCH) {
            int start = first;
            List<double[]> batch = IndexedTasks.map(Math.min(PREDICT_BATCH, to - first),
                    k -> refits.get(start + k).effect(x));
            for (double[] v : batch) {
                for (int i = 0; i < n; i++) {
                    sum[i] += v[i];
                    sq[i] += v[i] * v[i];
                }
            }
        }
        double[] mean = new double[n];
        double[] sd = new double[n];
        for (int i = 0; i < n; i++) {
            mean[i] = sum[i] / b;
            sd[i] = Math.sqrt(Math.max(0, (sq[i] - b * mean[i] * mean[i]) / (b - 1)));
        }
        return new double[][] {mean, sd};
    }

    /** Two subsample sizes: per row the pooled rescaled SD and the averaged rescaled bias estimate at size n. */
    private double[][] twoSize(double[][] x, double[] tau) {
        int b = refits.size();
        int b1 = subsample.largeRefits(b);
        double[][] large = moments(x, 0, b1);
        double[][] small = moments(x, b1, b);
        double fl = subsample.spreadScale();
        double fs = subsample.smallSpreadScale();
        double gl = subsample.biasScale();
        double gs = subsample.smallBiasScale();
        double[] sd = new double[tau.length];
        double[] bias = new double[tau.length];
        for (int i = 0; i < tau.length; i++) {
            double vl = fl * large[1][i];
            double vs = fs * small[1][i];
            sd[i] = Math.sqrt(((b1 - 1) * vl * vl + (b - b1 - 1) * vs * vs) / (b - 2));
            bias[i] = (gl * (large[0][i] - tau[i]) + gs * (small[0][i] - tau[i])) / 2;
        }
        return new double[][] {sd, bias};
    }

    /**
     * The union of the normal bootstrap interval around the point estimate and the same interval around the
     * bootstrap bias-corrected estimate 2·tau(x) − mean_b tau_b(x): tau ± q·SD, extended by |bias| on the side the
     * correction moves to. Regularised learners (shrinkage, early stopping) are biased towards no effect, a bias the
     * spread of the refits does not show; the refits, fit with the same regularisation on resamples, repeat it, so
     * the mean refit estimates it. The point estimate stays inside the interval. Subsample refits: SD and bias
     * rescaled to the full sample size (class comment).
     */
    @Override
    public EffectIntervals effectInterval(double[][] x, double alpha) {
        return effectIntervals(x, java.util.List.of(alpha)).get(0);
    }

    /** The intervals at every level from one prediction of the point model and the refits. */
    @Override
    public java.util.List<EffectIntervals> effectIntervals(double[][] x, java.util.List<Double> alphas) {
        alphas.forEach(BootstrapCateModel::checkAlpha);
        java.util.List<EffectIntervals> out = new java.util.ArrayList<>();
        if (alphas.isEmpty()) {
            return out;
        }
        double[] tau = point.effect(x);
        if (subsample != null && subsample.twoSizes()) {
            double[][] sb = twoSize(x, tau);
            for (double alpha : alphas) {
                double q = studentQuantile(1 - alpha / 2, refits.size() - 2);
                double[] lo = new double[tau.length];
                double[] hi = new double[tau.length];
                for (int i = 0; i < tau.length; i++) {
                    double corrected = tau[i] - sb[1][i];
                    lo[i] = Math.min(tau[i], corrected) - q * sb[0][i];
                    hi[i] = Math.max(tau[i], corrected) + q * sb[0][i];
                }
                out.add(new EffectIntervals(lo, hi));
            }
            return out;
        }
        double[][] mom = moments(x);
        double[] mean = mom[0];
        double[] sd = mom[1];
        for (double alpha : alphas) {
            double z = studentQuantile(1 - alpha / 2, refits.size() - 1);
            double[] lo = new double[tau.length];
            double[] hi = new double[tau.length];
            if (subsample != null) {
                double spread = z * subsample.spreadScale();
                double bias = subsample.biasScale();
                for (int i = 0; i < tau.length; i++) {
                    double corrected = tau[i] + bias * (tau[i] - mean[i]);
                    lo[i] = Math.min(tau[i], corrected) - spread * sd[i];
                    hi[i] = Math.max(tau[i], corrected) + spread * sd[i];
                }
            } else {
                for (int i = 0; i < tau.length; i++) {
                    double corrected = 2 * tau[i] - mean[i];
                    lo[i] = Math.min(tau[i], corrected) - z * sd[i];
                    hi[i] = Math.max(tau[i], corrected) + z * sd[i];
                }
            }
            out.add(new EffectIntervals(lo, hi));
        }
        return out;
    }

    /**
     * Quantile p (0.5 &lt; p &lt; 1) of Student's t with {@code df} ≥ 1 degrees of freedom: the Cornish–Fisher
     * expansion in 1/df around the normal quantile (Abramowitz &amp; Stegun 26.7.5), within 0.01 of the exact value
     * for df ≥ 3 at p ≤ 0.995; df = 1, 2 are exact closed forms.
     */
    public static double studentQuantile(double p, int df) {
        if (df == 1) {
            return Math.tan(Math.PI * (p - 0.5));
        }
        if (df == 2) {
            double a = 4 * p * (1 - p);
            return (2 * p - 1) * Math.sqrt(2 / a);
        }
        double z = Normal.quantile(p);
        double z2 = z * z;
        double g1 = (z2 + 1) * z / 4;
        double g2 = ((5 * z2 + 16) * z2 + 3) * z / 96;
        double g3 = (((3 * z2 + 19) * z2 + 17) * z2 - 15) * z / 384;
        double g4 = ((((79 * z2 + 776) * z2 + 1482) * z2 - 1920) * z2 - 945) * z / 92160;
        double v = df;
        return z + g1 / v + g2 / (v * v) + g3 / (v * v * v) + g4 / (v * v * v * v);
    }

    static void checkAlpha(double alpha) {
        if (!(alpha > 0 && alpha < 1)) {
            throw new IllegalArgumentException("alpha must be in (0, 1), got " + alpha);
        }
    }
}
