package org.causalrx.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import org.causalrx.result.PolicyId;

/**
 * Current practice ("Doctors") is valued as the observed outcomes: TRS Eq. 5 with every patient deferred. Weighting
 * the observed treatment as if it were a policy of x (w = 1 / p*(t_i | x_i) for every patient) estimates
 * (E[Y(1)] + E[Y(0)]) / 2 instead, which differs from E[Y] whenever the treated share is not one half.
 */
class CurrentPracticeValueTest {

    /** Propensity in [0.1, 0.9], heterogeneous effect 2 + x, y0 = x + noise; n patients. */
    private static HeldOut simulate(int n, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[] y = new double[n];
        int[] t = new int[n];
        double[] p = new double[n];
        double[] mu0 = new double[n];
        double[] mu1 = new double[n];
        for (int i = 0; i < n; i++) {
            double x = 1 + gaussian(rng);
            p[i] = 0.1 + 0.8 / (1 + Math.exp(-2 * x));
            t[i] = rng.nextDouble() < p[i] ? 1 : 0;
            mu0[i] = x;
            mu1[i] = x + 2 + x;
            y[i] = (t[i] == 1 ? mu1[i] : mu0[i]) + gaussian(rng);
        }
        return new HeldOut(y, t, p, mu0, mu1);
    }

    private static double gaussian(SplittableRandom rng) {
        return Math.sqrt(-2 * Math.log(1 - rng.nextDouble())) * Math.cos(2 * Math.PI * rng.nextDouble());
    }

    private static double mean(double[] v) {
        double s = 0;
        for (double d : v) {
            s += d;
        }
        return s / v.length;
    }

    @Test
    void doctorsValueIsTheMeanObservedOutcomeWhileWeightingTheObservedTreatmentIsOff() {
        int sets = 200;
        double[] oldMinusObserved = new double[sets];
        for (int s = 0; s < sets; s++) {
            HeldOut h = simulate(400, 1000 + s);
            PolicyDecisions doctors = Policies.doctors(h.t());
            double observed = mean(h.y());
            PolicyValue.Values v = PolicyValue.evaluate(h, doctors.valuedArms(), null);
            assertEquals(observed, v.dr(), 1e-12, "DR of current practice = mean observed outcome");
            assertEquals(observed, v.ipw(), 1e-12, "IPW of current practice = mean observed outcome");
            // the formula that treats the observed treatment as a policy of x (every patient "matched")
            PolicyValue.Values old = PolicyValue.evaluate(h, h.t(), null);
            oldMinusObserved[s] = old.ipw() - observed;
        }
        double m = mean(oldMinusObserved);
        double sd = 0;
        for (double d : oldMinusObserved) {
            sd += (d - m) * (d - m);
        }
        double se = Math.sqrt(sd / (sets - 1)) / Math.sqrt(sets);
        // treated share is about 0.7 here, so the old formula's (E[Y1] + E[Y0]) / 2 lies well below E[Y]
        assertTrue(Math.abs(m) > 10 * se && Math.abs(m) > 0.2, "old formula off by " + m + " (SE " + se + ")");
    }

    @Test
    void everyBootstrapRoundValuesDoctorsAsTheResampledObservedMean() {
        HeldOut h = simulate(300, 7);
        PolicyDecisions doctors = Policies.doctors(h.t());
        PolicyDecisions matched = new PolicyDecisions(PolicyId.of("observed_as_policy"), "", h.t());
        Bootstrap.Result boot = Bootstrap.run(h, List.of(doctors, matched), 50, 11, false);
        int[] counts = new int[h.size()];
        for (int r = 0; r < 50; r++) {
            Bootstrap.resample(counts, 11, r);
            double s = 0;
            int n = 0;
            for (int i = 0; i < counts.length; i++) {
                s += counts[i] * h.y()[i];
                n += counts[i];
            }
            assertEquals(s / n, boot.dr()[0][r], 1e-12);
            assertEquals(s / n, boot.ipw()[0][r], 1e-12);
            assertTrue(Math.abs(boot.ipw()[1][r] - s / n) > 1e-6, "the matched-policy formula differs");
        }
        assertEquals(mean(toDouble(h.t())), doctors.treatedShare(), 1e-12,
                "current practice keeps its observed treated share");
        assertEquals(0.0, doctors.deferredShare());
    }

    private static double[] toDouble(int[] v) {
        double[] d = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            d[i] = v[i];
        }
        return d;
    }
}
