package org.causalrx.causal;

/**
 * A CATE model that can say how sure it is: {@code effectInterval(x, alpha)} gives a (1 − alpha) interval per
 * row (bootstrap refits for meta-learners, posterior credible intervals for BART, the forest's variance for the
 * causal forest). One vocabulary, as EconML's {@code effect_interval(X, alpha)}.
 */
public interface IntervalCateModel extends CateModel {
    /**
     * @param x     n × p covariates (not modified)
     * @param alpha 0 < alpha < 1; the interval has nominal coverage 1 − alpha
     */
    EffectIntervals effectInterval(double[][] x, double alpha);

    /**
     * The intervals at several levels, in {@code alphas} order: entry k equals {@code effectInterval(x,
     * alphas.get(k))}. Models whose intervals share work across levels (the bootstrap refits' predictions) override
     * this to do that work once.
     */
    default java.util.List<EffectIntervals> effectIntervals(double[][] x, java.util.List<Double> alphas) {
        java.util.List<EffectIntervals> out = new java.util.ArrayList<>();
        for (double alpha : alphas) {
            out.add(effectInterval(x, alpha));
        }
        return out;
    }
}
