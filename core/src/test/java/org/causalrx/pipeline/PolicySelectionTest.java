package org.causalrx.pipeline;

import static org.causalrx.result.SelectionScheme.TEST_SPLIT_DR;
import static org.causalrx.result.SelectionScheme.VALIDATION_SPLIT_DR;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import org.causalrx.policy.HeldOut;
import org.causalrx.policy.PolicyDecisions;
import org.causalrx.policy.PolicyValue;
import org.causalrx.result.PolicyId;
import org.junit.jupiter.api.Test;

/**
 * The winner's curse: when no policy has any real effect, the best of many noisy test values is biased upward,
 * while the value on the test split of the policy chosen on the validation split is unbiased.
 */
class PolicySelectionTest {
    static final int POLICIES = 30;

    /** Patients whose outcome does not depend on treatment: every policy's true value is E[Y] = 0. */
    private static HeldOut patients(SplittableRandom rng, int n, double[][] xOut) {
        double[] y = new double[n];
        int[] t = new int[n];
        double[] p = new double[n];
        double[] mu = new double[n];
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = rng.nextDouble() * 2 - 1;
            p[i] = 0.3 + 0.4 * (x[i] + 1) / 2;
            t[i] = rng.nextDouble() < p[i] ? 1 : 0;
            mu[i] = 0;
            y[i] = gaussian(rng);
        }
        xOut[0] = x;
        return new HeldOut(y, t, p, mu, mu);
    }

    private static double gaussian(SplittableRandom rng) {
        return Math.sqrt(-2 * Math.log(1 - rng.nextDouble())) * Math.cos(2 * Math.PI * rng.nextDouble());
    }

    /** Policy k treats patients with x above its own threshold (fixed per seed; none has any effect). */
    private static List<PolicyDecisions> decide(double[] x, double[] thresholds) {
        List<PolicyDecisions> out = new ArrayList<>();
        for (int k = 0; k < thresholds.length; k++) {
            int[] d = new int[x.length];
            for (int i = 0; i < x.length; i++) {
                d[i] = x[i] > thresholds[k] ? 1 : 0;
            }
            out.add(new PolicyDecisions(PolicyId.of("p" + k), "", d));
        }
        return out;
    }

    @Test
    void choosingOnValidationIsUnbiasedWhileChoosingOnTestIsNot() {
        int seeds = 300;
        double[] honest = new double[seeds];
        double[] cursed = new double[seeds];
        for (int s = 0; s < seeds; s++) {
            SplittableRandom rng = new SplittableRandom(500 + s);
            double[] thresholds = new double[POLICIES];
            for (int k = 0; k < POLICIES; k++) {
                thresholds[k] = rng.nextDouble() * 2 - 1;
            }
            double[][] xv = new double[1][];
            double[][] xt = new double[1][];
            HeldOut validation = patients(rng, 200, xv);
            HeldOut test = patients(rng, 200, xt);
            List<PolicyDecisions> onVal = decide(xv[0], thresholds);
            List<PolicyDecisions> onTest = decide(xt[0], thresholds);
            int sign = 1;
            RunResult.Selection sel = PolicySelection.choose(VALIDATION_SPLIT_DR, validation, onVal, sign);
            int chosen = Integer.parseInt(sel.selected().name().substring(1));
            honest[s] = PolicyValue.evaluate(test, onTest.get(chosen).valuedArms(), null).dr();
            RunResult.Selection onTestSel = PolicySelection.choose(TEST_SPLIT_DR, test, onTest, sign);
            int onTestChosen = Integer.parseInt(onTestSel.selected().name().substring(1));
            cursed[s] = PolicyValue.evaluate(test, onTest.get(onTestChosen).valuedArms(), null).dr();
            assertEquals(POLICIES, sel.values().size());
        }
        double[] h = meanSe(honest);
        double[] c = meanSe(cursed);
        // truth is 0 for every policy
        assertTrue(Math.abs(h[0]) < 3 * h[1], "validation choice: mean test value " + h[0] + " SE " + h[1]);
        assertTrue(c[0] > 5 * c[1], "test choice is biased upward: " + c[0] + " SE " + c[1]);
        assertTrue(c[0] - h[0] > 0.05, "the curse is visible: " + c[0] + " vs " + h[0]);
    }

    @Test
    void choiceIgnoresBaselinesAndRespectsTheDirection() {
        SplittableRandom rng = new SplittableRandom(3);
        double[][] xv = new double[1][];
        HeldOut h = patients(rng, 300, xv);
        List<PolicyDecisions> ps = new ArrayList<>(decide(xv[0], new double[] {-0.5, 0.0, 0.5}));
        int[] all = new int[h.size()];
        java.util.Arrays.fill(all, 1);
        ps.add(0, new PolicyDecisions(PolicyId.of("treat_all_1"), "", all));
        double[] v = new double[3];
        for (int k = 0; k < 3; k++) {
            v[k] = PolicyValue.evaluate(h, ps.get(k + 1).arms(), null).dr();
        }
        int hi = v[0] >= v[1] && v[0] >= v[2] ? 0 : v[1] >= v[2] ? 1 : 2;
        int lo = v[0] <= v[1] && v[0] <= v[2] ? 0 : v[1] <= v[2] ? 1 : 2;
        assertEquals(PolicyId.of("p" + hi), PolicySelection.choose(VALIDATION_SPLIT_DR, h, ps, 1).selected());
        assertEquals(PolicyId.of("p" + lo), PolicySelection.choose(VALIDATION_SPLIT_DR, h, ps, -1).selected());
    }

    private static double[] meanSe(double[] v) {
        double m = 0;
        for (double d : v) {
            m += d;
        }
        m /= v.length;
        double ss = 0;
        for (double d : v) {
            ss += (d - m) * (d - m);
        }
        return new double[] {m, Math.sqrt(ss / (v.length - 1) / v.length)};
    }
}
