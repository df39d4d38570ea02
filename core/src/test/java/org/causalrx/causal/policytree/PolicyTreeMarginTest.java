package org.causalrx.causal.policytree;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;

import org.causalrx.causal.CateEstimator;
import org.causalrx.causal.OutcomeAware;
import org.causalrx.pipeline.Learners;
import org.causalrx.policy.DecisionRule;
import org.causalrx.policy.MultiArmRule;
import org.causalrx.study.Study;
import org.causalrx.study.StudyLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The policy tree honours the decision margin: on scores whose true gain is 4 where x0 &gt; 0.6 and 0.5 (two arms)
 * elsewhere, a margin of 1.5 makes the tree stop treating the patients whose gain is below it, in either outcome
 * direction and with either default arm; without the margin in the search the leaves mix the two groups and most
 * patients whose gain is below the margin are switched. The same for K actions, with the default arm 0 or 2.
 */
class PolicyTreeMarginTest {
    private static final int N = 2000;
    private static final double MARGIN = 1.5;
    private static final PolicyTreeSettings SETTINGS = new PolicyTreeSettings(2, 20, 200);

    private static double[][] x(SplittableRandom rnd) {
        double[][] x = new double[N][];
        for (int i = 0; i < N; i++) {
            x[i] = new double[] {rnd.nextDouble(), rnd.nextDouble(), rnd.nextGaussian()};
        }
        return x;
    }

    private static boolean high(double[] row) {
        return row[0] > 0.6;
    }

    /** Share of rows where {@code arm} equals {@code expected(row)}. */
    private static double agreement(double[][] x, int[] arm, java.util.function.ToIntFunction<double[]> expected) {
        int ok = 0;
        for (int i = 0; i < x.length; i++) {
            ok += arm[i] == expected.applyAsInt(x[i]) ? 1 : 0;
        }
        return ok / (double) x.length;
    }

    @Test
    void withALargeMarginTheTwoArmTreeStopsTreatingPatientsWhoseGainIsBelowIt() {
        SplittableRandom rnd = new SplittableRandom(7);
        double[][] x = x(rnd);
        double[] gain = new double[N];
        for (int i = 0; i < N; i++) {
            gain[i] = (high(x[i]) ? 4 : 0.5) + rnd.nextGaussian();
        }
        double[] negated = java.util.Arrays.stream(gain).map(v -> -v).toArray();
        // higher better, default arm 0: the score is tau; lower better: tau = -gain; default arm 1: arm 0 gains
        DecisionRule[] rules = {new DecisionRule(0, MARGIN, 1), new DecisionRule(0, MARGIN, -1),
            new DecisionRule(1, MARGIN, 1)};
        double[][] scores = {gain, negated, negated};
        for (int r = 0; r < rules.length; r++) {
            DecisionRule rule = rules[r];
            PolicyTree tree = PolicyTreeSearch.fit(x, scores[r], rule.boundary(), SETTINGS);
            int[] arm = rule.arms(tree.effect(x), allTrue());
            double share = agreement(x, arm, row -> high(row) ? rule.otherArm() : rule.defaultArm());
            assertTrue(share > 0.95, "rule " + rule + ": the tree switches arm only where the gain exceeds the "
                    + "margin, agreement " + share + ", tree " + tree.nodes());
            PolicyTree blind = PolicyTreeSearch.fit(x, scores[r], SETTINGS);
            int[] blindArm = rule.arms(blind.effect(x), allTrue());
            assertTrue(lowSwitched(x, blindArm, rule.defaultArm()) > 0.5, "without the margin in the search the "
                    + "tree switches most patients whose gain is below it: " + blind.nodes());
        }
        PolicyTree zero = PolicyTreeSearch.fit(x, gain, 0, SETTINGS);
        assertEquals(PolicyTreeSearch.fit(x, gain, SETTINGS), zero, "boundary 0 is the plain search");
    }

    @Test
    void withALargeMarginTheKActionTreeKeepsTheDefaultArmWhereNoGainExceedsIt() {
        SplittableRandom rnd = new SplittableRandom(8);
        double[][] x = x(rnd);
        // default arm 0: arm 1 gains 4 or 0.5 over arm 0, arm 2 loses 1
        double[][] toZero = new double[N][];
        // default arm 2: arm 1 gains 3 or 0.8 over arm 2, arm 0 loses 1
        double[][] toTwo = new double[N][];
        for (int i = 0; i < N; i++) {
            toZero[i] = new double[] {0, (high(x[i]) ? 4 : 0.5) + rnd.nextGaussian(), -1 + rnd.nextGaussian()};
            toTwo[i] = new double[] {0, (high(x[i]) ? 4 : 1.8) + rnd.nextGaussian(), 1 + rnd.nextGaussian()};
        }
        for (int sign : new int[] {1, -1}) {
            check(x, signed(toZero, sign), new MultiArmRule(3, 0, MARGIN, sign), 0);
            check(x, signed(toTwo, sign), new MultiArmRule(3, 2, MARGIN, sign), 2);
        }
    }

    private static void check(double[][] x, double[][] contrasts, MultiArmRule rule, int elsewhere) {
        MultiArmPolicyTree tree = PolicyTreeSearch.fitActions(x, contrasts, rule.betterSign(),
                PolicyTreeSearch.marginShift(3, rule.betterSign(), rule.defaultArm(), rule.margin()), SETTINGS);
        int[] actions = tree.actions(x);
        double[][] effects = tree.effects(x);
        for (int i = 0; i < x.length; i++) {
            assertEquals(rule.arm(effects[i]), actions[i], "the leaf's action is the rule's arm on its effects");
        }
        double share = agreement(x, actions, row -> high(row) ? 1 : elsewhere);
        assertTrue(share > 0.95, rule + ": agreement " + share + ", " + tree.nodes());
        MultiArmPolicyTree blind = PolicyTreeSearch.fitActions(x, contrasts, rule.betterSign(), SETTINGS);
        double[][] blindEffects = blind.effects(x);
        int[] blindArm = new int[x.length];
        for (int i = 0; i < x.length; i++) {
            blindArm[i] = rule.arm(blindEffects[i]);
        }
        assertTrue(lowSwitched(x, blindArm, elsewhere) > 0.5, "without the margin in the search arm 1 for most "
                + "patients whose gain is below it: " + blind.nodes());
    }

    /** Among the patients whose gain is below the margin, the share not given {@code keep}. */
    private static double lowSwitched(double[][] x, int[] arm, int keep) {
        int low = 0;
        int switched = 0;
        for (int i = 0; i < x.length; i++) {
            if (!high(x[i])) {
                low++;
                switched += arm[i] != keep ? 1 : 0;
            }
        }
        return switched / (double) low;
    }

    private static double[][] signed(double[][] c, int sign) {
        double[][] out = new double[c.length][];
        for (int i = 0; i < c.length; i++) {
            out[i] = new double[] {0, sign * c[i][1], sign * c[i][2]};
        }
        return out;
    }

    private static boolean[] allTrue() {
        boolean[] b = new boolean[N];
        java.util.Arrays.fill(b, true);
        return b;
    }

    @Test
    void theRunsPolicyTreeEstimatorIsToldTheStudysBoundary(@TempDir Path dir) throws Exception {
        Path s = dir.resolve("s.yaml");
        Files.writeString(s, "name: m\ndata: d.csv\ntreatment: {column: t, arms: {\"0\": a, \"1\": b}}\n"
                + "outcome: {column: y, type: continuous, direction: lower}\ncovariates:\n  - {name: age, role: "
                + "confounder}\nseed: 3\nestimators: [policy_tree]\npolicy: {default_arm: \"0\", margin: 2.5}\n");
        Study study = StudyLoader.load(s);
        CateEstimator e = Learners.standard().forStudy(study).estimators().estimator("policy_tree",
                OutcomeAware.Kind.CONTINUOUS);
        assertTrue(e instanceof PolicyTreeEstimator, e.getClass().getName());
        assertEquals(study.decisionRule().boundary(), ((PolicyTreeEstimator) e).boundary());
        assertEquals(-2.5, ((PolicyTreeEstimator) e).boundary(), "lower is better: treat when tau < -2.5");
    }
}
