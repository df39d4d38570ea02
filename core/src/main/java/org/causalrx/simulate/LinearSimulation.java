package org.causalrx.simulate;

import java.util.SplittableRandom;

import org.causalrx.learn.linear.LinearSettings;
import org.causalrx.learn.linear.LogisticModel;
import org.causalrx.learn.linear.LogisticRegression;
import org.causalrx.util.CausalRxException;
import org.causalrx.util.Seeds;

/**
 * TRS Algorithm 1 (App. C) on standardised covariates: {@code beta_prop} = coefficients of a (nearly unpenalised)
 * logistic regression of t on x, normalised; {@code beta_rand ~ N(0, 1/d)}, normalised;
 * {@code Delta = sign·(sqrt(lambda)·beta_prop + sqrt(1 − lambda)·beta_rand)}, rescaled so mean |x·Delta| = C;
 * {@code w0 ~ N(0, 1/d)}, {@code w1 = w0 + Delta}; {@code Y^t = w_t·x + N(0, (1.2·SD(w_t·X))²)}. The study's
 * direction {@code sign} makes lambda = 1 mean "clinicians treat the patients who benefit". Outcomes are then put
 * on the real outcome's scale by {@link OutcomeScaling} (the scale of {@code w0} is set there).
 *
 * @param lambda how far the true effect follows the clinicians' practice, in [0, 1]
 * @param effect C, the mean absolute effect in outcome units (&gt; 0)
 */
public record LinearSimulation(double lambda, double effect) implements OutcomeSimulator {
    public LinearSimulation {
        if (!(lambda >= 0 && lambda <= 1)) {
            throw new CausalRxException("simulation: --lambda must be in [0, 1], got " + lambda);
        }
        if (!(effect > 0) || Double.isInfinite(effect)) {
            throw new CausalRxException("simulation: --effect must be a positive number, got " + effect);
        }
    }

    /**
     * Algorithm 1's draw before scaling to outcome units.
     *
     * @param betaProp normalised propensity coefficients
     * @param betaRand normalised random direction
     * @param delta    effect direction with mean |x·Delta| = 1 (the unit effect; {@link PotentialOutcomes#cate()}
     *                 is C·x·Delta)
     * @param w0       baseline weights before the baseline scale is chosen
     */
    public record Draw(double[] betaProp, double[] betaRand, double[] delta, double[] w0) {
    }

    @Override
    public String name() {
        return "linear";
    }

    @Override
    public PotentialOutcomes simulate(SimulationCohort cohort, long seed) {
        Draw d = draw(cohort, seed);
        double[][] x = cohort.x();
        return OutcomeScaling.scale(cohort, dot(x, d.w0()), dot(x, d.delta()), effect, Seeds.derive(seed, "noise"));
    }

    /** Draws beta_prop, beta_rand, Delta (mean |x·Delta| = 1) and w0. */
    public Draw draw(SimulationCohort cohort, long seed) {
        double[][] x = cohort.x();
        int d = cohort.dimension();
        if (d == 0) {
            throw new CausalRxException("simulation: the study keeps no covariates; declare at least one kept "
                    + "covariate in the study file");
        }
        LogisticModel prop = new LogisticRegression(0.0, LinearSettings.nearlyUnpenalized())
                .fit(x, cohort.treatment(), null, Seeds.derive(seed, "beta-prop"));
        double[] betaProp = normalised(prop.coefficients());
        SplittableRandom rng = new SplittableRandom(Seeds.derive(seed, "weights"));
        double[] betaRand = new double[d];
        double[] w0 = new double[d];
        for (int j = 0; j < d; j++) {
            betaRand[j] = rng.nextGaussian() / Math.sqrt(d);
        }
        for (int j = 0; j < d; j++) {
            w0[j] = rng.nextGaussian() / Math.sqrt(d);
        }
        betaRand = normalised(betaRand);
        double[] delta = new double[d];
        for (int j = 0; j < d; j++) {
            delta[j] = cohort.sign() * (Math.sqrt(lambda) * betaProp[j] + Math.sqrt(1 - lambda) * betaRand[j]);
        }
        double[] xd = dot(x, delta);
        double m = 0;
        for (double v : xd) {
            m += Math.abs(v);
        }
        m /= xd.length;
        if (!(m > 1e-12)) {
            throw new CausalRxException("simulation: the drawn effect direction is constant over the cohort; "
                    + "try another --lambda or seed");
        }
        for (int j = 0; j < d; j++) {
            delta[j] /= m;
        }
        return new Draw(betaProp, betaRand, delta, w0);
    }

    static double[] dot(double[][] x, double[] w) {
        double[] out = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            double s = 0;
            for (int j = 0; j < w.length; j++) {
                s += x[i][j] * w[j];
            }
            out[i] = s;
        }
        return out;
    }

    private static double[] normalised(double[] v) {
        double s = 0;
        for (double d : v) {
            s += d * d;
        }
        double norm = Math.sqrt(s);
        double[] out = new double[v.length];
        for (int j = 0; j < v.length; j++) {
            out[j] = norm > 0 ? v[j] / norm : 0.0;
        }
        return out;
    }
}
