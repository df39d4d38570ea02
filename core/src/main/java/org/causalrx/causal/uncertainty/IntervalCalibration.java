package org.causalrx.causal.uncertainty;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.causalrx.causal.IntervalCateModel;

/**
 * Per estimator, the factor by which its statistical interval is widened about its centre before it drives
 * deferral ({@link ScaledIntervalModel}), and where the factors came from. An estimator without a factor keeps its
 * interval (factor 1).
 *
 * @param factors estimator name → finite factor ≥ 1, in the order measured
 * @param source  where the factors came from, in words ("none" when there are none)
 */
public record IntervalCalibration(Map<String, Double> factors, String source) {
    /** No calibration: every factor is 1. */
    public static final IntervalCalibration NONE = new IntervalCalibration(Map.of(), "none");

    public IntervalCalibration {
        factors.forEach((n, f) -> {
            if (f == null || !(f >= 1) || !Double.isFinite(f)) {
                throw new IllegalArgumentException(n + ": the interval scale factor must be finite and at least 1, "
                        + "got " + f);
            }
        });
        factors = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(factors));
    }

    /**
     * Factors from measured scales: per estimator max(1, mean of its scales k), k being the factor its interval
     * needed on one data set to reach nominal coverage. An estimator with a non-finite scale (a zero-width interval
     * that missed) gets no factor.
     *
     * @param scales estimator → its scales over data sets, in order
     */
    public static IntervalCalibration fromScales(Map<String, List<Double>> scales, String source) {
        Map<String, Double> f = new LinkedHashMap<>();
        scales.forEach((n, ks) -> {
            double mean = ks.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
            if (Double.isFinite(mean)) {
                f.put(n, Math.max(1, mean));
            }
        });
        return new IntervalCalibration(f, source);
    }

    /** The estimator's factor, 1 when it has none. */
    public double factor(String estimator) {
        return factors.getOrDefault(estimator, 1.0);
    }

    /** The estimator's interval model widened by its factor; the model itself when the factor is 1. */
    public IntervalCateModel apply(String estimator, IntervalCateModel m) {
        double f = factor(estimator);
        return f == 1 ? m : new ScaledIntervalModel(m, f);
    }
}
