package org.causalrx.causal.uncertainty;

import org.causalrx.causal.ArmOutcomeModel;
import org.causalrx.causal.EffectIntervals;
import org.causalrx.causal.IntervalCateModel;
import org.causalrx.learn.bart.BartModel;
import org.causalrx.util.Stats;

/**
 * A BART T-learner with credible intervals: posterior draws of tau(x) are mu1_k(x) − mu0_k(x), pairing draw k of
 * the two independently fit arm models (k = 0..min(draws) − 1); the interval is the equal-tailed
 * (alpha/2, 1 − alpha/2) quantile range of those draws. {@link #effect} is the posterior mean difference (as the
 * T-learner's). The interval is widened to contain the point estimate if it does not already.
 *
 * @param mu0 BART model of the control arm
 * @param mu1 BART model of the treated arm
 */
public record PosteriorCateModel(BartModel mu0, BartModel mu1) implements IntervalCateModel, ArmOutcomeModel {

    @Override
    public double[] mu(double[][] x, int arm) {
        return arm == 0 ? mu0.predict(x) : mu1.predict(x);
    }

    @Override
    public double[] effect(double[][] x) {
        return ArmOutcomeModel.armDifference(this, x);
    }

    @Override
    public EffectIntervals effectInterval(double[][] x, double alpha) {
        BootstrapCateModel.checkAlpha(alpha);
        double[][] d1 = mu1.posteriorDraws(x);
        double[][] d0 = mu0.posteriorDraws(x);
        int k = Math.min(d1.length, d0.length);
        double[] tau = effect(x);
        double[] lo = new double[x.length];
        double[] hi = new double[x.length];
        double[] draws = new double[k];
        for (int i = 0; i < x.length; i++) {
            for (int j = 0; j < k; j++) {
                draws[j] = d1[j][i] - d0[j][i];
            }
            lo[i] = Math.min(tau[i], Stats.quantile(draws, alpha / 2));
            hi[i] = Math.max(tau[i], Stats.quantile(draws, 1 - alpha / 2));
        }
        return new EffectIntervals(lo, hi);
    }
}
