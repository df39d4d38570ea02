package org.causalrx.causal;

/**
 * Per-patient intervals for the CATE: row i is [lo[i], hi[i]]. Arrays are copied in and out.
 *
 * @param lo lower ends, one per patient
 * @param hi upper ends, one per patient, hi[i] ≥ lo[i]
 */
public record EffectIntervals(double[] lo, double[] hi) {
    public EffectIntervals {
        if (lo.length != hi.length) {
            throw new IllegalArgumentException("lo and hi differ in length: " + lo.length + " vs " + hi.length);
        }
        lo = lo.clone();
        hi = hi.clone();
        for (int i = 0; i < lo.length; i++) {
            if (hi[i] < lo[i]) {
                throw new IllegalArgumentException("interval " + i + " is reversed: [" + lo[i] + ", " + hi[i] + "]");
            }
        }
    }

    @Override
    public double[] lo() {
        return lo.clone();
    }

    @Override
    public double[] hi() {
        return hi.clone();
    }

    public int size() {
        return lo.length;
    }

    /** True when row i's interval contains 0 (the sign of the effect is not known). */
    public boolean containsZero(int i) {
        return lo[i] <= 0 && hi[i] >= 0;
    }
}
