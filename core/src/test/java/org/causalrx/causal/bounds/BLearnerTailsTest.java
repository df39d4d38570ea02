package org.causalrx.causal.bounds;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;

import org.causalrx.causal.CrossFit;
import org.causalrx.causal.EffectIntervals;
import org.causalrx.causal.Nuisance;
import org.causalrx.learn.linear.LogisticRegression;
import org.causalrx.learn.xgb.XGBoostParams;
import org.causalrx.learn.xgb.XGBoostRegressor;
import org.causalrx.util.Seeds;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The B-learner's location–scale tails: used only where the large-fold gate subsamples (every smaller study keeps
 * its quantile models, byte for byte), and on designs with closed-form sharp bounds ({@link BLearnerTailsBench})
 * their average bounds match the sharp ones.
 */
class BLearnerTailsTest {
    private static final XGBoostParams P = XGBoostParams.defaults().withRounds(150).withEarlyStopping(0)
            .withDepth(2);
    private static final double[] LAMBDAS = {1.5, 2.0};

    private static BLearner learner(int nuisanceRows) {
        return learner(nuisanceRows, false);
    }

    private static BLearner learner(int nuisanceRows, boolean parallel) {
        return new BLearner(new XGBoostRegressor(P), LogisticRegression.l2(), P,
                new XGBoostRegressor(P.withRounds(40)), 3, 0.02, false, nuisanceRows, parallel);
    }

    /**
     * Pseudo-outcomes [Lambda][upper, lower][row] with the nuisances fit() uses, {@code rule} on large folds (null:
     * the rule fit() uses, Lambda by Lambda).
     */
    private static double[][][] pseudo(BLearner b, BLearnerTailsBench.Sim d, long seed, BLearner.LargeTails rule) {
        CrossFit cf = CrossFit.stratified(d.t(), 3, Seeds.derive(seed, "b-folds"));
        double[] e = Nuisance.propensity(b.propensity(), d.x(), d.t(), cf, 0.02, Seeds.derive(seed, "b-e"));
        double[][] mu = Nuisance.armOutcomes(b.outcome(), d.x(), d.t(), d.y(), cf, Seeds.derive(seed, "b-mu"));
        if (rule == null) {
            double[][][] out = new double[LAMBDAS.length][][];
            for (int l = 0; l < LAMBDAS.length; l++) {
                out[l] = b.pseudoOutcomes(d.x(), d.t(), d.y(), e, mu, cf, LAMBDAS[l], seed);
            }
            return out;
        }
        return b.pseudoOutcomes(d.x(), d.t(), d.y(), e, mu, cf, LAMBDAS, seed, rule);
    }

    @Test
    void locationScaleTailsOnlyWhereTheGateSubsamples() {
        BLearnerTailsBench.Sim d = BLearnerTailsBench.sim(1200, 4, false);
        // each fold's arm holds about 400 training rows: 250 asked ⇒ every row, quantile models as before
        assertTrue(Arrays.deepEquals(pseudo(learner(250), d, 7, BLearner.LargeTails.QUANTILE),
                pseudo(learner(250), d, 7, BLearner.LargeTails.LOCATION_SCALE)), "below the gate: the same bytes");
        CateBoundsFamily all = learner(0).fit(d.x(), d.t(), d.y(), LAMBDAS, 7);
        CateBoundsFamily below = learner(250).fit(d.x(), d.t(), d.y(), LAMBDAS, 7);
        for (double l : LAMBDAS) {
            EffectIntervals a = all.bounds(d.x(), l);
            EffectIntervals b = below.bounds(d.x(), l);
            assertArrayEquals(a.lo(), b.lo(), "lower at " + l);
            assertArrayEquals(a.hi(), b.hi(), "upper at " + l);
        }
        // 150 asked ⇒ subsampled tails, from location–scale models
        double[][][] now = pseudo(learner(150), d, 7, null);
        assertFalse(Arrays.deepEquals(pseudo(learner(150), d, 7, BLearner.LargeTails.QUANTILE), now),
                "above the gate: not the quantile models");
        assertTrue(Arrays.deepEquals(pseudo(learner(150), d, 7, BLearner.LargeTails.LOCATION_SCALE), now),
                "above the gate: the location–scale tails");
    }

    @Test
    void locationScaleTailsTheSameOnSeveralThreads() {
        BLearnerTailsBench.Sim d = BLearnerTailsBench.sim(1200, 6, true);
        CateBoundsFamily one = learner(150, false).fit(d.x(), d.t(), d.y(), LAMBDAS, 9);
        CateBoundsFamily many = learner(150, true).fit(d.x(), d.t(), d.y(), LAMBDAS, 9);
        for (double l : LAMBDAS) {
            assertArrayEquals(one.bounds(d.x(), l).lo(), many.bounds(d.x(), l).lo(), "lower at " + l);
            assertArrayEquals(one.bounds(d.x(), l).hi(), many.bounds(d.x(), l).hi(), "upper at " + l);
        }
    }

    @Test
    @Tag("slow")
    void averageBoundsMatchTheSharpBoundsAboveTheGate() {
        for (boolean skew : new boolean[] {false, true}) {
            BLearnerTailsBench.Sim d = BLearnerTailsBench.sim(6000, 5, skew);
            // each fold's arm holds about 2,000 training rows: 600 asked ⇒ location–scale tails
            double[][][] phi = pseudo(learner(600), d, 3, BLearner.LargeTails.LOCATION_SCALE);
            for (int l = 0; l < LAMBDAS.length; l++) {
                double hi = 0;
                double lo = 0;
                double sharpHi = 0;
                double sharpLo = 0;
                for (int i = 0; i < d.y().length; i++) {
                    double[] s = BLearnerTailsBench.sharp(d, i, LAMBDAS[l], skew);
                    sharpLo += s[0];
                    sharpHi += s[1];
                    hi += phi[l][0][i];
                    lo += phi[l][1][i];
                }
                int n = d.y().length;
                String at = (skew ? "skewed" : "Gaussian") + " noise, Lambda " + LAMBDAS[l];
                // valid (not inside the sharp bounds beyond noise) and tight (measured: within 0.04)
                assertTrue(hi / n > sharpHi / n - 0.05, "upper below sharp, " + at + ": " + hi / n);
                assertTrue(lo / n < sharpLo / n + 0.05, "lower above sharp, " + at + ": " + lo / n);
                assertEquals(sharpHi / n, hi / n, 0.1, "upper, " + at);
                assertEquals(sharpLo / n, lo / n, 0.1, "lower, " + at);
            }
        }
    }
}
