package org.causalrx.causal.bounds;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;

import org.causalrx.util.Stats;
import org.junit.jupiter.api.Test;

/** The pointwise formulas against an independent solution: the weight-optimisation problem solved greedily. */
class SharpBoundsTest {
    /** max (or min) mean(y·w) over w in [1/L, L] with mean(w) = 1, equal masses: greedy by sorted y. */
    static double greedy(double[] y, double lambda, boolean upper) {
        double[] s = y.clone();
        Arrays.sort(s);
        if (upper) {
            for (int i = 0; i < s.length / 2; i++) {
                double tmp = s[i];
                s[i] = s[s.length - 1 - i];
                s[s.length - 1 - i] = tmp;
            }
        }
        int n = s.length;
        double budget = n;   // sum of weights must be n
        double[] w = new double[n];
        Arrays.fill(w, 1 / lambda);
        budget -= n / lambda;
        for (int i = 0; i < n && budget > 0; i++) {
            double add = Math.min(lambda - 1 / lambda, budget);
            w[i] += add;
            budget -= add;
        }
        double v = 0;
        for (int i = 0; i < n; i++) {
            v += s[i] * w[i];
        }
        return v / n;
    }

    @Test
    void cvarFormMatchesTheSharpOptimumForContinuousY() {
        SplittableRandom r = new SplittableRandom(1);
        double[] y = new double[20000];
        for (int i = 0; i < y.length; i++) {
            y[i] = r.nextGaussian() + 0.3 * r.nextDouble();
        }
        for (double lambda : new double[] {1.0, 1.5, 2.0, 4.0}) {
            double tau = SharpBounds.level(lambda);
            double qUp = Stats.quantile(y, tau);
            double qLo = Stats.quantile(y, 1 - tau);
            double up = 0;
            double lo = 0;
            for (double v : y) {
                up += SharpBounds.kappaUpper(v, qUp, lambda);
                lo += SharpBounds.kappaLower(v, qLo, lambda);
            }
            assertEquals(greedy(y, lambda, true), up / y.length, 2e-3, "upper at " + lambda);
            assertEquals(greedy(y, lambda, false), lo / y.length, 2e-3, "lower at " + lambda);
        }
    }

    /**
     * Rockafellar–Uryasev: mean kappa+(Y, q) is at least the sharp upper value for every threshold q, with equality at
     * the tau-quantile (and mean kappa−(Y, q) at most the sharp lower value), so a wrong quantile loosens the bound
     * and never invalidates it. The B-learner's location–scale tails rely on this.
     */
    @Test
    void everyThresholdGivesAValidBoundTightestAtTheQuantile() {
        SplittableRandom r = new SplittableRandom(2);
        double[] y = new double[5000];
        for (int i = 0; i < y.length; i++) {
            y[i] = -Math.log(1 - r.nextDouble()) * (r.nextDouble() < 0.3 ? -1 : 2);
        }
        for (double lambda : new double[] {1.25, 2.0, 3.0}) {
            double tau = SharpBounds.level(lambda);
            double sharpUp = greedy(y, lambda, true);
            double sharpLo = greedy(y, lambda, false);
            double bestUp = Double.POSITIVE_INFINITY;
            double bestLo = Double.NEGATIVE_INFINITY;
            for (double q = -6; q <= 10; q += 0.05) {
                double up = 0;
                double lo = 0;
                for (double v : y) {
                    up += SharpBounds.kappaUpper(v, q, lambda);
                    lo += SharpBounds.kappaLower(v, q, lambda);
                }
                up /= y.length;
                lo /= y.length;
                assertTrue(up >= sharpUp - 1e-9, "upper at q " + q + ": " + up + " < " + sharpUp);
                assertTrue(lo <= sharpLo + 1e-9, "lower at q " + q + ": " + lo + " > " + sharpLo);
                bestUp = Math.min(bestUp, up);
                bestLo = Math.max(bestLo, lo);
            }
            assertEquals(sharpUp, bestUp, 2e-3, "tightest upper at " + lambda);
            assertEquals(sharpLo, bestLo, 2e-3, "tightest lower at " + lambda);
            double atQuantile = 0;
            for (double v : y) {
                atQuantile += SharpBounds.kappaUpper(v, Stats.quantile(y, tau), lambda);
            }
            assertEquals(sharpUp, atQuantile / y.length, 2e-3, "at the quantile, " + lambda);
        }
    }

    @Test
    void binaryClosedFormMatchesTheSharpOptimumAndTheCvarForm() {
        for (double p : new double[] {0.02, 0.2, 0.45, 0.7, 0.97}) {
            double[] y = new double[1000];
            for (int i = 0; i < Math.round(p * y.length); i++) {
                y[i] = 1;
            }
            for (double lambda : new double[] {1.0, 1.25, 2.0, 3.0}) {
                double up = SharpBounds.binaryRhoUpper(p, lambda);
                double lo = SharpBounds.binaryRhoLower(p, lambda);
                assertEquals(greedy(y, lambda, true), up, 1e-9, "p " + p + " lambda " + lambda);
                assertEquals(greedy(y, lambda, false), lo, 1e-9, "p " + p + " lambda " + lambda);
                double kUp = 0;
                double kLo = 0;
                for (double v : y) {
                    kUp += SharpBounds.kappaUpper(v, SharpBounds.binaryQuantileUpper(p, lambda), lambda);
                    kLo += SharpBounds.kappaLower(v, SharpBounds.binaryQuantileLower(p, lambda), lambda);
                }
                assertEquals(up, kUp / y.length, 1e-9);
                assertEquals(lo, kLo / y.length, 1e-9);
            }
        }
    }
}
