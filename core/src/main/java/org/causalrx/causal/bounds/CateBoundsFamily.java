package org.causalrx.causal.bounds;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.causalrx.causal.CateModel;
import org.causalrx.causal.EffectIntervals;

/**
 * B-learner bound regressions at increasing Lambda, the first at Lambda = 1. The bounds at Lambda are the
 * <b>envelope</b> over every level Lambda_k ≤ Lambda: tau−(x) = min_k lower_k(x), tau+(x) = max_k upper_k(x). So
 * bounds contain the Lambda = 1 estimate, tau− ≤ tau+, and they widen monotonically in Lambda by construction
 * (the raw regressions could cross by noise). {@link #effect} is the Lambda = 1 (DR-learner) estimate. Composed only
 * of {@link org.causalrx.learn.RegressionModel} parts.
 *
 * @param levels fitted bounds, sorted by Lambda ascending, distinct, the first at Lambda = 1
 */
public record CateBoundsFamily(List<CateBounds> levels) implements CateModel {
    public CateBoundsFamily {
        levels = levels.stream().sorted(Comparator.comparingDouble(CateBounds::lambda)).toList();
        if (levels.isEmpty() || levels.get(0).lambda() != 1.0) {
            throw new IllegalArgumentException("a bounds family needs a level at Lambda = 1");
        }
        for (int k = 1; k < levels.size(); k++) {
            if (levels.get(k).lambda() == levels.get(k - 1).lambda()) {
                throw new IllegalArgumentException("Lambda " + levels.get(k).lambda() + " is fitted twice");
            }
        }
    }

    /** The fitted Lambda values, ascending. */
    public double[] lambdas() {
        return levels.stream().mapToDouble(CateBounds::lambda).toArray();
    }

    /** The Lambda = 1 estimate (a DR-learner). */
    @Override
    public double[] effect(double[][] x) {
        return levels.get(0).upper().predict(x);
    }

    /**
     * [tau−(x), tau+(x)] at {@code lambda}, which must be one of {@link #lambdas()}.
     */
    public EffectIntervals bounds(double[][] x, double lambda) {
        int last = indexOf(lambda);
        double[] lo = effect(x);
        double[] hi = lo.clone();
        for (int k = 1; k <= last; k++) {
            double[] u = levels.get(k).upper().predict(x);
            double[] l = levels.get(k).lower().predict(x);
            for (int i = 0; i < lo.length; i++) {
                hi[i] = Math.max(hi[i], Math.max(u[i], l[i]));
                lo[i] = Math.min(lo[i], Math.min(u[i], l[i]));
            }
        }
        return new EffectIntervals(lo, hi);
    }

    /**
     * The bounds at every fitted Lambda ({@link #lambdas()} order), each level predicted once: entry k equals
     * {@code bounds(x, lambdas()[k])} value for value (the envelope is built by the same min / max steps).
     */
    public List<EffectIntervals> allBounds(double[][] x) {
        double[] lo = effect(x);
        double[] hi = lo.clone();
        List<EffectIntervals> out = new ArrayList<>();
        out.add(new EffectIntervals(lo.clone(), hi.clone()));
        for (int k = 1; k < levels.size(); k++) {
            double[] u = levels.get(k).upper().predict(x);
            double[] l = levels.get(k).lower().predict(x);
            for (int i = 0; i < lo.length; i++) {
                hi[i] = Math.max(hi[i], Math.max(u[i], l[i]));
                lo[i] = Math.min(lo[i], Math.min(u[i], l[i]));
            }
            out.add(new EffectIntervals(lo.clone(), hi.clone()));
        }
        return out;
    }

    /** The levels up to and including {@code lambda} (what is needed to reproduce the bounds at it). */
    public CateBoundsFamily upTo(double lambda) {
        int last = indexOf(lambda);
        return new CateBoundsFamily(new ArrayList<>(levels.subList(0, last + 1)));
    }

    private int indexOf(double lambda) {
        for (int k = 0; k < levels.size(); k++) {
            if (levels.get(k).lambda() == lambda) {
                return k;
            }
        }
        throw new IllegalArgumentException("Lambda " + lambda + " was not fitted; fitted: "
                + java.util.Arrays.toString(lambdas()));
    }
}
