package org.causalrx.policy;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

import org.causalrx.result.Arms;
import org.causalrx.result.Baseline;
import org.causalrx.result.PolicyId;

/**
 * The policies of TRS §3.10–3.11 for K ≥ 2 arms (index 0 the reference, see {@link Arms}): the K-arm decision rule
 * ({@link MultiArmRule}) on an n × K effect matrix, and the baselines Doctors, Random (uniform over the K arms),
 * Propensity (the most likely arm) and Treat-all per arm. As in {@link Policies}, every policy except Doctors defers
 * patients outside the overlap set, so that all are compared on the same recommended patients.
 */
public final class MultiArmPolicies {
    private MultiArmPolicies() {
    }

    /** The point rule on n × K effects against the reference (the Inclusive set: defers outside overlap only). */
    public static PolicyDecisions decisionRule(PolicyId name, String description, double[][] effects, MultiArmRule rule,
                                               boolean[] inOverlap) {
        return new PolicyDecisions(name, description, rule.arms(effects, inOverlap));
    }

    /** The Conservative policy: the arms of {@link MultiArmRule#decide(double[][], ContrastIntervals, boolean[])}. */
    public static PolicyDecisions fromChoices(PolicyId name, String description, List<ArmChoice> choices) {
        return new PolicyDecisions(name, description, MultiArmRule.armsOf(choices));
    }

    /** Doctors: the arm actually given (0..K−1), valued as the observed outcomes. */
    public static PolicyDecisions doctors(int[] observed) {
        return Policies.doctors(observed);
    }

    /**
     * Random: each patient in overlap gets one of the K arms uniformly at random, seeded; defers outside overlap.
     *
     * @param seed e.g. {@code Seeds.derive(runSeed, "random_policy")}
     */
    public static PolicyDecisions random(int arms, boolean[] inOverlap, long seed) {
        if (arms < 2) {
            throw new IllegalArgumentException("a random policy needs at least two arms, got " + arms);
        }
        SplittableRandom rng = new SplittableRandom(seed);
        int[] d = new int[inOverlap.length];
        for (int i = 0; i < d.length; i++) {
            d[i] = inOverlap[i] ? rng.nextInt(arms) : PolicyDecisions.DEFER;
        }
        return new PolicyDecisions(Baseline.RANDOM.id(), String.format(Locale.ROOT,
                "gives each patient one of the %d arms at random (1 in %d each)", arms, arms), d);
    }

    /**
     * Propensity: the arm the propensity model says most clinicians would give (largest P(T = a | x), lowest index
     * on ties); defers outside overlap.
     *
     * @param e n × K generalized propensities
     */
    public static PolicyDecisions propensity(double[][] e, boolean[] inOverlap) {
        if (e.length != inOverlap.length) {
            throw new IllegalArgumentException(e.length + " propensity rows for " + inOverlap.length + " patients");
        }
        int[] d = new int[e.length];
        for (int i = 0; i < d.length; i++) {
            if (!inOverlap[i]) {
                d[i] = PolicyDecisions.DEFER;
                continue;
            }
            int best = 0;
            for (int a = 1; a < e[i].length; a++) {
                if (e[i][a] > e[i][best]) {
                    best = a;
                }
            }
            d[i] = best;
        }
        return new PolicyDecisions(Baseline.PROPENSITY.id(), "give the arm the propensity model says most clinicians "
                + "would give (the largest P(T = a | x))", d);
    }

    /** Treat-all for every arm, in arm order: everyone in overlap gets that arm. */
    public static List<PolicyDecisions> treatAll(Arms arms, boolean[] inOverlap) {
        List<PolicyDecisions> out = new ArrayList<>();
        for (int a = 0; a < arms.size(); a++) {
            out.add(Policies.treatAll(a, arms.code(a), arms.label(a), inOverlap));
        }
        return out;
    }
}
