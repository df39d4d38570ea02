package org.causalrx.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.junit.jupiter.api.Test;

/**
 * The marginal-sensitivity-model bound of a policy's value: the sorted-threshold closed form against brute force over
 * every vertex of the weight box, Λ = 1 against the Hájek IPW value of {@link PolicyValue}, monotonicity in Λ, and a
 * simulation with a known positive gain and no hidden confounding.
 */
class MsmPolicyBoundsTest {

    @Test
    void theSortedThresholdEqualsTheBestVertexOfTheWeightBox() {
        Random r = new Random(11);
        for (int rep = 0; rep < 200; rep++) {
            int m = 1 + r.nextInt(12);
            double[] z = new double[m];
            double[] lo = new double[m];
            double[] hi = new double[m];
            for (int i = 0; i < m; i++) {
                // some ties in z, weight boxes of varied width
                z[i] = rep % 3 == 0 ? r.nextInt(4) : r.nextGaussian() * 3;
                lo[i] = 0.2 + r.nextDouble() * 2;
                hi[i] = lo[i] * (1 + r.nextDouble() * 5);
            }
            double brute = Double.POSITIVE_INFINITY;
            for (int mask = 0; mask < 1 << m; mask++) {
                double sw = 0;
                double swz = 0;
                for (int i = 0; i < m; i++) {
                    double w = (mask >> i & 1) == 1 ? hi[i] : lo[i];
                    sw += w;
                    swz += w * z[i];
                }
                brute = Math.min(brute, swz / sw);
            }
            assertEquals(brute, MsmPolicyBounds.minHajek(z, lo, hi), 1e-12 * (1 + Math.abs(brute)), "rep " + rep);
        }
    }

    @Test
    void atLambdaOneTheBoundIsTheIpwValueMinusTheObservedMeanInEitherDirection() {
        Sim s = Sim.draw(500, 3, 0.3);
        HeldOut h = s.heldOut();
        double ipw = PolicyValue.evaluate(h, s.decisions, null).ipw();
        double observed = org.causalrx.util.Stats.mean(s.y);
        assertEquals(ipw - observed, MsmPolicyBounds.gainLowerBound(h, s.decisions, 1, 1), 1e-12);
        assertEquals(observed - ipw, MsmPolicyBounds.gainLowerBound(h, s.decisions, -1, 1), 1e-12);
    }

    @Test
    void theBoundFallsWithLambdaAndMatchesBruteForceOnSmallData() {
        Random r = new Random(5);
        for (int rep = 0; rep < 30; rep++) {
            Sim s = Sim.draw(10, 100 + rep, 0.2);
            HeldOut h = s.heldOut();
            int sign = rep % 2 == 0 ? 1 : -1;
            double[] lambdas = {1, 1.1, 1.5, 2, 3, 8};
            double[] g = MsmPolicyBounds.gainLowerBounds(h, s.decisions, sign, lambdas);
            for (int l = 1; l < lambdas.length; l++) {
                assertTrue(g[l] <= g[l - 1] + 1e-12, "monotone in lambda, rep " + rep);
            }
            double lambda = 1 + 3 * r.nextDouble();
            assertEquals(bruteGain(s, sign, lambda), MsmPolicyBounds.gainLowerBound(h, s.decisions, sign, lambda),
                    1e-10, "rep " + rep);
        }
    }

    @Test
    void aTrueGainWithoutHiddenConfoundingIsCoveredAtOneAndSurvivesSomeLambda() {
        Sim s = Sim.draw(4000, 2024, 0.1);
        HeldOut h = s.heldOut();
        double truth = s.trueGain();
        assertTrue(truth > 0.3, "the simulated policy gains " + truth);
        double[] lambdas = {1, 1.1, 1.2, 1.3, 1.4, 1.5, 1.6, 1.7, 1.8, 1.9, 2, 2.5, 3};
        double[] g = MsmPolicyBounds.gainLowerBounds(h, s.decisions, 1, lambdas);
        assertEquals(truth, g[0], 0.12, "IPW gain at lambda 1 vs the truth");
        double largest = MsmPolicyBounds.largestLambda(h, s.decisions, 1, lambdas, g, 1e-6);
        assertTrue(largest > 1.1 && largest < 3, "largest lambda " + largest);
        assertTrue(MsmPolicyBounds.gainLowerBound(h, s.decisions, 1, largest) > 0);
        assertTrue(MsmPolicyBounds.gainLowerBound(h, s.decisions, 1, largest + 1e-5) <= 0);
        // the opposite policy harms: not favourable even at lambda 1
        int[] flipped = s.decisions.clone();
        for (int i = 0; i < flipped.length; i++) {
            flipped[i] = flipped[i] == PolicyDecisions.DEFER ? flipped[i] : 1 - flipped[i];
        }
        double[] gf = MsmPolicyBounds.gainLowerBounds(h, flipped, 1, lambdas);
        assertTrue(gf[0] < 0);
        assertTrue(Double.isNaN(MsmPolicyBounds.largestLambda(h, flipped, 1, lambdas, gf, 1e-6)));
    }

    /** Worst-case gain by enumerating every vertex of the weight box of the matched patients. */
    private static double bruteGain(Sim s, int sign, double lambda) {
        int n = s.y.length;
        int[] idx = new int[n];
        int m = 0;
        int nRec = 0;
        double deferred = 0;
        for (int i = 0; i < n; i++) {
            if (s.decisions[i] == PolicyDecisions.DEFER) {
                deferred += s.y[i];
            } else {
                nRec++;
                if (s.t[i] == s.decisions[i]) {
                    idx[m++] = i;
                }
            }
        }
        double worst = Double.POSITIVE_INFINITY;
        for (int mask = 0; mask < 1 << m; mask++) {
            double sw = 0;
            double swz = 0;
            for (int k = 0; k < m; k++) {
                int i = idx[k];
                double p = Math.min(Math.max(s.t[i] == 1 ? s.e[i] : 1 - s.e[i], HeldOut.CLIP), 1 - HeldOut.CLIP);
                double odds = 1 / p - 1;
                double w = (mask >> k & 1) == 1 ? 1 + odds * lambda : 1 + odds / lambda;
                sw += w;
                swz += w * sign * s.y[i];
            }
            worst = Math.min(worst, m == 0 ? 0 : swz / sw);
        }
        return (sign * deferred + nRec * worst) / n - sign * org.causalrx.util.Stats.mean(s.y);
    }

    /**
     * Unconfounded-given-x data: e(x) = logistic(0.8 x1), y0 = x1 + noise, tau(x) = x2; the policy treats when
     * x2 &gt; 0 and defers when |x2| &lt; {@code deferBand}.
     */
    record Sim(double[] y, int[] t, double[] e, int[] decisions, double[] y0, double[] y1) {
        static Sim draw(int n, long seed, double deferBand) {
            Random r = new Random(seed);
            double[] y = new double[n];
            int[] t = new int[n];
            double[] e = new double[n];
            int[] d = new int[n];
            double[] y0 = new double[n];
            double[] y1 = new double[n];
            for (int i = 0; i < n; i++) {
                double x1 = r.nextGaussian();
                double x2 = r.nextGaussian();
                e[i] = 1 / (1 + Math.exp(-0.8 * x1));
                t[i] = r.nextDouble() < e[i] ? 1 : 0;
                y0[i] = x1 + r.nextGaussian();
                y1[i] = y0[i] + x2;
                y[i] = t[i] == 1 ? y1[i] : y0[i];
                d[i] = Math.abs(x2) < deferBand ? PolicyDecisions.DEFER : x2 > 0 ? 1 : 0;
            }
            return new Sim(y, t, e, d, y0, y1);
        }

        HeldOut heldOut() {
            return new HeldOut(y, t, e, new double[y.length], new double[y.length]);
        }

        /** Mean outcome under the policy (deferred: observed) minus the mean observed outcome. */
        double trueGain() {
            double s = 0;
            for (int i = 0; i < y.length; i++) {
                double v = decisions[i] == PolicyDecisions.DEFER ? y[i] : decisions[i] == 1 ? y1[i] : y0[i];
                s += v - y[i];
            }
            return s / y.length;
        }
    }
}
