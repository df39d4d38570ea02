package org.causalrx.policy;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.DoubleToIntFunction;

import org.causalrx.result.Arms;
import org.causalrx.util.Seeds;
import org.causalrx.util.Stats;
import org.causalrx.result.PolicyId;
import org.junit.jupiter.api.Test;

/**
 * Known-answer tests with K = 3 arms: x ~ N(0, 1), mu_a(x) = 1 + x/2 − |x − c_a| with c = (−1, 0, 1), so arm 0 is
 * best for x &lt; −1/2, arm 1 for −1/2 &lt; x &lt; 1/2 and arm 2 for x &gt; 1/2; treatment is confounded by x through a
 * multinomial logit. True policy values are integrals over the normal density, computed numerically.
 */
class ThreeArmKnownAnswerTest {
    static final double[] CENTRE = {-1, 0, 1};

    static double meanOutcome(int a, double x) {
        return 1 + 0.5 * x - Math.abs(x - CENTRE[a]);
    }

    static double[] propensity(double x) {
        double[] s = {0, 0.3 + 0.4 * x, -0.2 + 0.8 * x};
        double z = 0;
        double[] e = new double[3];
        for (int a = 0; a < 3; a++) {
            e[a] = Math.exp(s[a]);
            z += e[a];
        }
        for (int a = 0; a < 3; a++) {
            e[a] /= z;
        }
        return e;
    }

    /** One data set: covariate, arm, outcome, true propensities and true mean outcomes per arm. */
    record Sim(double[] x, int[] t, double[] y, double[][] e, double[][] mu) {
        static Sim draw(int n, long seed) {
            Random r = new Random(seed);
            double[] x = new double[n];
            int[] t = new int[n];
            double[] y = new double[n];
            double[][] e = new double[n][];
            double[][] mu = new double[n][3];
            for (int i = 0; i < n; i++) {
                x[i] = r.nextGaussian();
                e[i] = propensity(x[i]);
                double u = r.nextDouble();
                t[i] = u < e[i][0] ? 0 : u < e[i][0] + e[i][1] ? 1 : 2;
                for (int a = 0; a < 3; a++) {
                    mu[i][a] = meanOutcome(a, x[i]);
                }
                y[i] = mu[i][t[i]] + r.nextGaussian();
            }
            return new Sim(x, t, y, e, mu);
        }
    }

    static final int DEFER = PolicyDecisions.DEFER;

    /** Fixed policies of x (DEFER: the clinicians' choice, valued as the observed outcome). */
    static Map<String, DoubleToIntFunction> policies() {
        Map<String, DoubleToIntFunction> p = new LinkedHashMap<>();
        p.put("oracle", x -> x < -0.5 ? 0 : x < 0.5 ? 1 : 2);
        p.put("treat_all_0", x -> 0);
        p.put("treat_all_1", x -> 1);
        p.put("treat_all_2", x -> 2);
        p.put("threshold", x -> x > 0 ? 2 : 0);
        p.put("defer_tails", x -> Math.abs(x) > 1.2 ? DEFER : 1);
        p.put("propensity", x -> argmax(propensity(x)));
        return p;
    }

    static int argmax(double[] v) {
        int b = 0;
        for (int a = 1; a < v.length; a++) {
            if (v[a] > v[b]) {
                b = a;
            }
        }
        return b;
    }

    /** E[value of the decision at x] over x ~ N(0, 1); deferred patients get the observational mean outcome. */
    static double truth(DoubleToIntFunction policy) {
        double h = 1e-3;
        double sum = 0;
        for (int k = -9000; k <= 9000; k++) {
            double x = k * h;
            int d = policy.applyAsInt(x);
            double v = 0;
            if (d == DEFER) {
                double[] e = propensity(x);
                for (int a = 0; a < 3; a++) {
                    v += e[a] * meanOutcome(a, x);
                }
            } else {
                v = meanOutcome(d, x);
            }
            double w = Math.exp(-0.5 * x * x) / Math.sqrt(2 * Math.PI) * (Math.abs(k) == 9000 ? 0.5 : 1);
            sum += w * v * h;
        }
        return sum;
    }

    static int[] decide(DoubleToIntFunction policy, double[] x) {
        return Arrays.stream(x).mapToInt(policy).toArray();
    }

    @Test
    void ipwAndDrValuesOfFixedPoliciesAreUnbiasedOverRepeatedDataSets() {
        Map<String, DoubleToIntFunction> ps = policies();
        // 1000 data sets of 500: every estimate below shares the draws of x, so their errors are correlated; with
        // 1000 sets the common sampling error of x is small next to the 3 SE bound
        int sets = 1000;
        int n = 500;
        String[] names = ps.keySet().toArray(new String[0]);
        // estimators: IPW, DR with the true plug-ins, DR with a wrong plug-in (a line in x per arm), cohort AIPW with
        // the wrong plug-in
        double[][][] est = new double[4][names.length + 1][sets];
        double[][] naive = new double[names.length][sets];
        for (int s = 0; s < sets; s++) {
            Sim sim = Sim.draw(n, Seeds.derive(2024, "three_arm_" + s));
            double[][] wrong = new double[n][3];
            for (int i = 0; i < n; i++) {
                for (int a = 0; a < 3; a++) {
                    wrong[i][a] = a - 0.7 * sim.x()[i];
                }
            }
            HeldOut right = new HeldOut(sim.y(), sim.t(), sim.e(), sim.mu());
            HeldOut misspecified = new HeldOut(sim.y(), sim.t(), sim.e(), wrong);
            AipwScores scores = AipwScores.multiArm(sim.y(), sim.t(), sim.e(), wrong, HeldOut.CLIP);
            boolean[] all = new boolean[n];
            Arrays.fill(all, true);
            for (int p = 0; p <= names.length; p++) {
                int[] d = p < names.length ? decide(ps.get(names[p]), sim.x())
                        : MultiArmPolicies.random(3, all, Seeds.derive(s, "random")).arms();
                PolicyValue.Values v = PolicyValue.evaluate(right, d, null);
                est[0][p][s] = v.ipw();
                est[1][p][s] = v.dr();
                est[2][p][s] = PolicyValue.evaluate(misspecified, d, null).dr();
                est[3][p][s] = scores.value(d, 1).value();
                if (p < names.length) {
                    naive[p][s] = naiveMatched(sim, d);
                }
            }
        }
        String[] estimators = {"IPW", "DR", "DR (wrong plug-in)", "AIPW scores (wrong plug-in)"};
        double maxZ = 0;
        for (int p = 0; p <= names.length; p++) {
            double truth = p < names.length ? truth(ps.get(names[p]))
                    : (truth(x -> 0) + truth(x -> 1) + truth(x -> 2)) / 3;
            String name = p < names.length ? names[p] : "random";
            for (int k = 0; k < estimators.length; k++) {
                double se = Stats.sd(est[k][p]) / Math.sqrt(sets);
                double z = (Stats.mean(est[k][p]) - truth) / se;
                maxZ = Math.max(maxZ, Math.abs(z));
                assertTrue(Math.abs(z) < 3, estimators[k] + " of " + name + ": mean " + Stats.mean(est[k][p])
                        + ", truth " + truth + ", z = " + z);
            }
        }
        assertTrue(maxZ > 0);
        // the check has power: the unweighted mean outcome of the patients whose arm matches the policy is
        // confounded, and misses the truth of the oracle by far more than 3 SE
        int oracle = Arrays.asList(names).indexOf("oracle");
        double se = Stats.sd(naive[oracle]) / Math.sqrt(sets);
        assertTrue(Math.abs(Stats.mean(naive[oracle]) - truth(ps.get("oracle"))) > 3 * se);
    }

    /** Mean outcome of patients whose observed arm equals the policy's (deferred: factual), unweighted. */
    private static double naiveMatched(Sim sim, int[] d) {
        double s = 0;
        int c = 0;
        for (int i = 0; i < d.length; i++) {
            if (d[i] == DEFER || d[i] == sim.t()[i]) {
                s += sim.y()[i];
                c++;
            }
        }
        return s / c;
    }

    @Test
    void theOracleRuleIsTheBestArmRuleOnTheTrueEffectsAndBeatsEveryTreatAll() {
        Sim sim = Sim.draw(4000, Seeds.derive(7, "oracle"));
        int n = sim.x().length;
        double[][] effects = new double[n][3];
        double[][] negated = new double[n][3];
        for (int i = 0; i < n; i++) {
            for (int a = 0; a < 3; a++) {
                effects[i][a] = sim.mu()[i][a] - sim.mu()[i][0];
                negated[i][a] = -effects[i][a];
            }
        }
        boolean[] all = new boolean[n];
        Arrays.fill(all, true);
        int[] rule = MultiArmPolicies.decisionRule(PolicyId.of("best"), "", effects, MultiArmRule.best(3, +1), all)
                .arms();
        assertArrayEquals(decide(policies().get("oracle"), sim.x()), rule);
        // the same decisions when the outcome is negated and lower is better
        assertArrayEquals(rule, MultiArmRule.best(3, -1).arms(negated, all));
        double vOracle = truth(policies().get("oracle"));
        HeldOut h = new HeldOut(sim.y(), sim.t(), sim.e(), sim.mu());
        List<PolicyDecisions> treatAll = MultiArmPolicies.treatAll(new Arms(List.of("a", "b", "c"),
                List.of("A", "B", "C")), all);
        List<PolicyDecisions> compared = new java.util.ArrayList<>(treatAll);
        compared.add(0, new PolicyDecisions(PolicyId.of("oracle"), "", rule));
        Bootstrap.Result boot = Bootstrap.run(h, compared, 500, 11, true);
        int[][] wins = WinMatrix.wins(boot.dr(), +1);
        double dr = PolicyValue.evaluate(h, rule, null).dr();
        for (int a = 0; a < 3; a++) {
            PolicyDecisions ta = treatAll.get(a);
            assertEquals("treat_all_" + "abc".charAt(a), ta.id().name());
            assertEquals(1.0, ta.armShare(a));
            assertTrue(vOracle > truth(x -> ta.arm(0)) + 0.1, "true values");
            assertTrue(dr > PolicyValue.evaluate(h, ta.arms(), null).dr(), "estimated values, arm " + a);
            assertTrue(wins[0][a + 1] >= 495, "oracle beats treat-all " + a + " in almost every round");
        }
    }

    @Test
    void currentPracticeIsValuedAsTheMeanObservedOutcome() {
        Sim sim = Sim.draw(600, Seeds.derive(3, "doctors"));
        HeldOut h = new HeldOut(sim.y(), sim.t(), sim.e(), sim.mu());
        PolicyDecisions doctors = MultiArmPolicies.doctors(sim.t());
        double mean = Stats.mean(sim.y());
        PolicyValue.Values v = PolicyValue.evaluate(h, doctors.valuedArms(), null);
        assertEquals(mean, v.dr(), 1e-12);
        assertEquals(mean, v.ipw(), 1e-12);
        assertEquals(mean, AipwScores.multiArm(sim.y(), sim.t(), sim.e(), sim.mu(), HeldOut.CLIP)
                .currentPractice(1).value(), 1e-12);
        Bootstrap.Result b = Bootstrap.run(h, List.of(doctors), 50, 5, false);
        for (int r = 0; r < 50; r++) {
            int[] c = BootstrapKernelTest.counts(sim.y().length, 5, r);
            double s = 0;
            for (int i = 0; i < c.length; i++) {
                s += c[i] * sim.y()[i];
            }
            assertEquals(s / c.length, b.dr()[0][r], 1e-12);
        }
        // the arm shares of current practice are the observed ones
        double[] shares = doctors.armShares(3);
        for (int a = 0; a < 3; a++) {
            final int arm = a;
            assertEquals(Arrays.stream(sim.t()).filter(t -> t == arm).count() / 600.0, shares[a], 1e-15);
        }
        // the propensity baseline gives the most likely arm
        int[] prop = MultiArmPolicies.propensity(sim.e(), allTrue(600)).arms();
        for (int i = 0; i < 600; i++) {
            assertEquals(argmax(sim.e()[i]), prop[i]);
        }
    }

    private static boolean[] allTrue(int n) {
        boolean[] b = new boolean[n];
        Arrays.fill(b, true);
        return b;
    }
}
