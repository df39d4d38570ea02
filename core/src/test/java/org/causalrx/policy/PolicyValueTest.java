package org.causalrx.policy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;

import org.causalrx.result.PolicyId;
import org.causalrx.util.Stats;
import org.junit.jupiter.api.Test;

/** Known-answer tests: IPW and DR are unbiased for a fixed policy whose true value is known. */
class PolicyValueTest {

    /** A confounded simulation with known potential-outcome means. */
    record Sim(double[] x, int[] t, double[] y, double[] e, double[] mu0, double[] mu1) {
        static Sim draw(int n, long seed) {
            Random r = new Random(seed);
            double[] x = new double[n];
            int[] t = new int[n];
            double[] y = new double[n];
            double[] e = new double[n];
            double[] mu0 = new double[n];
            double[] mu1 = new double[n];
            for (int i = 0; i < n; i++) {
                x[i] = r.nextGaussian();
                e[i] = 1 / (1 + Math.exp(-0.8 * x[i]));
                t[i] = r.nextDouble() < e[i] ? 1 : 0;
                mu0[i] = 1 + x[i];
                mu1[i] = 1 + x[i] + 2 * x[i];          // tau(x) = 2x
                y[i] = (t[i] == 1 ? mu1[i] : mu0[i]) + r.nextGaussian();
            }
            return new Sim(x, t, y, e, mu0, mu1);
        }
    }

    /** Policy: treat when x > 0 (the optimal policy when higher is better); true value = 1 + E[max(x, 3x)]. */
    private static int[] policy(double[] x) {
        int[] d = new int[x.length];
        for (int i = 0; i < x.length; i++) {
            d[i] = x[i] > 0 ? 1 : 0;
        }
        return d;
    }

    @Test
    void ipwAndDrAreUnbiasedForAFixedPolicy() {
        // E[max(x, 3x)] for x ~ N(0,1) = E[x] + E[max(0, 2x)] = 2·phi(0) = 2/sqrt(2·pi)
        double truth = 1 + 2 / Math.sqrt(2 * Math.PI);
        int seeds = 200;
        double[] ipw = new double[seeds];
        double[] drWrongModel = new double[seeds];
        double[] drRightModel = new double[seeds];
        for (int s = 0; s < seeds; s++) {
            Sim sim = Sim.draw(400, 1000 + s);
            int[] d = policy(sim.x());
            double[] zero = new double[sim.x().length];
            HeldOut correct = new HeldOut(sim.y(), sim.t(), sim.e(), sim.mu0(), sim.mu1());
            HeldOut misspecified = new HeldOut(sim.y(), sim.t(), sim.e(), zero, zero);
            ipw[s] = PolicyValue.evaluate(correct, d, null).ipw();
            drRightModel[s] = PolicyValue.evaluate(correct, d, null).dr();
            drWrongModel[s] = PolicyValue.evaluate(misspecified, d, null).dr();
        }
        for (double[] v : List.of(ipw, drRightModel, drWrongModel)) {
            double se = Stats.sd(v) / Math.sqrt(seeds);
            assertEquals(truth, Stats.mean(v), 2.5 * se + 0.01, "mean over seeds within ~2 SE of the truth");
        }
        // with the right outcome model DR has smaller variance than IPW
        assertTrue(Stats.sd(drRightModel) < Stats.sd(ipw));
    }

    @Test
    void deferredPatientsContributeTheirFactualOutcome() {
        double[] y = {1, 2, 3, 10};
        int[] t = {0, 1, 0, 1};
        double[] p = {0.5, 0.5, 0.5, 0.5};
        HeldOut h = new HeldOut(y, t, p, new double[] {0, 0, 0, 0}, new double[] {0, 0, 0, 0});
        int[] allDeferred = {-1, -1, -1, -1};
        assertEquals(4.0, PolicyValue.evaluate(h, allDeferred, null).dr(), 1e-12);
        assertEquals(4.0, PolicyValue.evaluate(h, allDeferred, null).ipw(), 1e-12);
        // Doctors (everyone gets what they got) with a zero plug-in: IPW = DR = mean y
        assertEquals(4.0, PolicyValue.evaluate(h, t, null).ipw(), 1e-12);
        assertEquals(4.0, PolicyValue.evaluate(h, t, null).dr(), 1e-12);
        // half deferred, the other half agrees with the observed arm: mix by shares
        int[] mixed = {-1, -1, 0, 1};
        assertEquals((1 + 2) / 4.0 + 2 / 4.0 * (3 + 10) / 2.0, PolicyValue.evaluate(h, mixed, null).ipw(), 1e-12);
    }

    @Test
    void countsEqualDuplicatedRows() {
        Sim sim = Sim.draw(50, 7);
        int[] d = policy(sim.x());
        int[] counts = new int[50];
        int m = 0;
        for (int i = 0; i < 50; i++) {
            counts[i] = i % 3;
            m += counts[i];
        }
        double[] y = new double[m];
        int[] t = new int[m];
        double[] e = new double[m];
        double[] mu0 = new double[m];
        double[] mu1 = new double[m];
        int[] dd = new int[m];
        int k = 0;
        for (int i = 0; i < 50; i++) {
            for (int c = 0; c < counts[i]; c++) {
                y[k] = sim.y()[i];
                t[k] = sim.t()[i];
                e[k] = sim.e()[i];
                mu0[k] = sim.mu0()[i];
                mu1[k] = sim.mu1()[i];
                dd[k++] = d[i];
            }
        }
        PolicyValue.Values a = PolicyValue.evaluate(new HeldOut(sim.y(), sim.t(), sim.e(), sim.mu0(), sim.mu1()), d,
                counts);
        PolicyValue.Values b = PolicyValue.evaluate(new HeldOut(y, t, e, mu0, mu1), dd, null);
        assertEquals(b.dr(), a.dr(), 1e-12);
        assertEquals(b.ipw(), a.ipw(), 1e-12);
    }

    @Test
    void bootstrapIsDeterministicAndIndependentOfThreads() {
        Sim sim = Sim.draw(300, 11);
        HeldOut h = new HeldOut(sim.y(), sim.t(), sim.e(), sim.mu0(), sim.mu1());
        List<PolicyDecisions> ps = List.of(Policies.doctors(sim.t()),
                new PolicyDecisions(PolicyId.of("opt"), "treat when x > 0", policy(sim.x())));
        Bootstrap.Result serial = Bootstrap.run(h, ps, 1000, 42, false);
        Bootstrap.Result parallel = Bootstrap.run(h, ps, 1000, 42, true);
        Bootstrap.Result other = Bootstrap.run(h, ps, 1000, 43, true);
        for (int p = 0; p < 2; p++) {
            assertArrayEquals(serial.dr()[p], parallel.dr()[p]);
            assertArrayEquals(serial.ipw()[p], parallel.ipw()[p]);
        }
        assertTrue(serial.dr()[1][0] != other.dr()[1][0]);
        // the bootstrap mean is close to the point estimate, and its SD is a sensible standard error
        double point = PolicyValue.evaluate(h, policy(sim.x()), null).dr();
        assertEquals(point, Stats.mean(serial.dr()[1]), 3 * Stats.sd(serial.dr()[1]) / Math.sqrt(1000) + 0.02);
        assertTrue(Stats.sd(serial.dr()[1]) > 0.02 && Stats.sd(serial.dr()[1]) < 0.5);
    }
}
