package org.causalrx.causal.uncertainty;

import org.causalrx.causal.EffectIntervals;
import org.causalrx.causal.IntervalCateModel;

/**
 * An interval model whose intervals are the inner model's widened about their centre: with c = (lo + hi) / 2 and
 * h = (hi − lo) / 2 of the inner interval, [c − factor·h, c + factor·h] (each end taken no tighter than the inner
 * end, so floating-point rounding cannot narrow it). The point estimate is the inner model's; since factor ≥ 1 the
 * interval contains the inner one and hence the point wherever the inner interval does. Factor 1 returns the inner
 * intervals unchanged. Outcome units throughout.
 *
 * @param inner  the interval model to widen
 * @param factor finite scale factor ≥ 1
 */
public record ScaledIntervalModel(IntervalCateModel inner, double factor) implements IntervalCateModel {
    public ScaledIntervalModel {
        if (inner == null) {
            throw new IllegalArgumentException("no inner interval model");
        }
        if (!(factor >= 1) || !Double.isFinite(factor)) {
            throw new IllegalArgumentException("the interval scale factor must be finite and at least 1, got "
                    + factor);
        }
    }

    @Override
    public double[] effect(double[][] x) {
        return inner.effect(x);
    }

    @Override
    public EffectIntervals effectInterval(double[][] x, double alpha) {
        return widen(inner.effectInterval(x, alpha));
    }

    /** The inner model's intervals at every level (its shared work done once), each widened. */
    @Override
    public java.util.List<EffectIntervals> effectIntervals(double[][] x, java.util.List<Double> alphas) {
        java.util.List<EffectIntervals> out = new java.util.ArrayList<>();
        for (EffectIntervals iv : inner.effectIntervals(x, alphas)) {
            out.add(widen(iv));
        }
        return out;
    }

    private EffectIntervals widen(EffectIntervals iv) {
        if (factor == 1) {
            return iv;
        }
        double[] lo = iv.lo();
        double[] hi = iv.hi();
        for (int i = 0; i < lo.length; i++) {
            double c = (lo[i] + hi[i]) / 2;
            double h = (hi[i] - lo[i]) / 2;
            lo[i] = Math.min(lo[i], c - factor * h);
            hi[i] = Math.max(hi[i], c + factor * h);
        }
        return new EffectIntervals(lo, hi);
    }
}
