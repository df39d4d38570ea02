package org.causalrx.causal.uncertainty;

import java.util.List;

import org.causalrx.causal.CateModel;
import org.causalrx.causal.EffectIntervals;
import org.causalrx.causal.IntervalCateModel;
import org.causalrx.util.Normal;

/**
 * A point CATE model with B bootstrap refits of the same estimator. {@link #effect} is the point model's;
 * {@link #effectInterval} is the <b>normal bootstrap interval</b> tau(x) ± z(1 − alpha/2) · SD_b(tau_b(x)), where
 * SD_b is the standard deviation (divisor B − 1) of the B refits' predictions at x. Normal rather than percentile
 * intervals because B is small (20–50 by default), where percentile tails rest on one or two refits. The interval
 * always contains the point estimate. Composed only of fitted models (no captured closures of its own).
 *
 * @param point  the model fit on all training rows
 * @param refits B ≥ 2 models, each fit on one seeded bootstrap resample (see {@link BootstrapCate})
 */
public record BootstrapCateModel(CateModel point, List<CateModel> refits) implements IntervalCateModel {
    public BootstrapCateModel {
        if (point == null || refits == null || refits.size() < 2) {
            throw new IllegalArgumentException("a bootstrap CATE model needs a point model and at least 2 refits");
        }
        refits = List.copyOf(refits);
    }

    @Override
    public double[] effect(double[][] x) {
        return point.effect(x);
    }

    /** Per-row SD of the refits' predictions (n values). */
    public double[] bootstrapSd(double[][] x) {
        int n = x.length;
        int b = refits.size();
        double[] sum = new double[n];
        double[] sq = new double[n];
        for (CateModel m : refits) {
            double[] v = m.effect(x);
            for (int i = 0; i < n; i++) {
                sum[i] += v[i];
                sq[i] += v[i] * v[i];
            }
        }
        double[] sd = new double[n];
        for (int i = 0; i < n; i++) {
            double mean = sum[i] / b;
            sd[i] = Math.sqrt(Math.max(0, (sq[i] - b * mean * mean) / (b - 1)));
        }
        return sd;
    }

    @Override
    public EffectIntervals effectInterval(double[][] x, double alpha) {
        checkAlpha(alpha);
        double z = Normal.quantile(1 - alpha / 2);
        double[] tau = point.effect(x);
        double[] sd = bootstrapSd(x);
        double[] lo = new double[tau.length];
        double[] hi = new double[tau.length];
        for (int i = 0; i < tau.length; i++) {
            lo[i] = tau[i] - z * sd[i];
            hi[i] = tau[i] + z * sd[i];
        }
        return new EffectIntervals(lo, hi);
    }

    static void checkAlpha(double alpha) {
        if (!(alpha > 0 && alpha < 1)) {
            throw new IllegalArgumentException("alpha must be in (0, 1), got " + alpha);
        }
    }
}
