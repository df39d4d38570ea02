package org.causalrx.simulate;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

import org.causalrx.learn.linear.LinearSettings;
import org.causalrx.learn.linear.LogisticModel;
import org.causalrx.learn.linear.LogisticRegression;
import org.causalrx.util.CausalRxException;
import org.causalrx.util.Seeds;
import org.causalrx.util.Stats;

/**
 * TRS Algorithm 1 (App. C) on standardised covariates, one Delta per non-reference arm (see {@link #draws}):
 * {@code beta_prop} = coefficients of a (nearly unpenalised) logistic regression of t on x, normalised;
 * {@code beta_rand ~ N(0, 1/d)}, normalised; {@code Delta = sign·(sqrt(lambda)·beta_prop +
 * sqrt(1 − lambda)·beta_rand)}, rescaled so mean |x·Delta| = C; {@code w0 ~ N(0, 1/d)}, {@code w_a = w0 + Delta_a};
 * {@code Y^a = w_a·x + N(0, (1.2·SD(w_a·X))²)}. The study's direction {@code sign} makes lambda = 1 mean
 * "clinicians treat the patients who benefit". Outcomes are then put on the real outcome's scale by
 * {@link OutcomeScaling} (the scale of {@code w0} is set there).
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
    public ArmOutcomes simulateArms(SimulationCohort cohort, int arms, long seed) {
        List<Draw> draws = draws(cohort, arms, seed);
        double[][] x = cohort.x();
        double[][] tau = new double[draws.size()][];
        for (int a = 0; a < tau.length; a++) {
            tau[a] = dot(x, draws.get(a).delta());
        }
        return OutcomeScaling.scale(cohort, dot(x, draws.get(0).w0()), tau, effect, Seeds.derive(seed, "noise"));
    }

    /** Draws beta_prop, beta_rand, Delta (mean |x·Delta| = 1) and w0 of the two-arm simulation (arm 1). */
    public Draw draw(SimulationCohort cohort, long seed) {
        return draws(cohort, 2, seed).get(0);
    }

    /**
     * One draw per non-reference arm a = 1..arms−1, sharing w0: {@code beta_prop} of arm a from a logistic
     * regression of 1[t = a] on x among the patients given arm a or the reference, {@code beta_rand} its own. Arm 1
     * draws from the two-arm streams, so its draw is {@link #draw}'s.
     */
    public List<Draw> draws(SimulationCohort cohort, int arms, long seed) {
        int d = cohort.dimension();
        if (d == 0) {
            throw new CausalRxException("simulation: the study keeps no covariates; declare at least one kept "
                    + "covariate in the study file");
        }
        if (arms < 2) {
            throw new IllegalArgumentException("a simulation needs at least two arms, got " + arms);
        }
        SplittableRandom rng = new SplittableRandom(Seeds.derive(seed, "weights"));
        double[] firstRand = gaussian(rng, d);
        double[] w0 = gaussian(rng, d);
        List<Draw> out = new ArrayList<>();
        for (int a = 1; a < arms; a++) {
            double[] betaRand = a == 1 ? firstRand
                    : gaussian(new SplittableRandom(Seeds.derive(seed, "weights-arm-" + a)), d);
            out.add(arm(cohort, a, betaRand, w0, Seeds.derive(seed, a == 1 ? "beta-prop" : "beta-prop-arm-" + a)));
        }
        return out;
    }

    private Draw arm(SimulationCohort cohort, int arm, double[] rand, double[] w0, long propSeed) {
        double[][] x = cohort.x();
        int[] t = cohort.treatment();
        int[] rows = IntStream.range(0, t.length).filter(i -> t[i] == 0 || t[i] == arm).toArray();
        int[] label = Arrays.stream(rows).map(i -> t[i] == arm ? 1 : 0).toArray();
        LogisticModel prop = new LogisticRegression(0.0, LinearSettings.nearlyUnpenalized())
                .fit(Stats.select(x, rows), label, null, propSeed);
        double[] betaProp = normalised(prop.coefficients());
        double[] betaRand = normalised(rand);
        int d = betaProp.length;
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

    private static double[] gaussian(SplittableRandom rng, int d) {
        double[] v = new double[d];
        for (int j = 0; j < d; j++) {
            v[j] = rng.nextGaussian() / Math.sqrt(d);
        }
        return v;
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
