package org.causalrx.policy;

import java.util.SplittableRandom;

import org.causalrx.result.Baseline;
import org.causalrx.result.PolicyId;

/**
 * The policies of TRS §3.10–3.11: the decision rule ({@link DecisionRule}: sign rule, or default arm and margin)
 * on a CATE, and the baselines Doctors, Random, Propensity
 * and Treat-all. Every policy except Doctors defers patients outside the overlap set (the Inclusive set),
 * so that all are compared on the same recommended patients; Doctors is current practice by definition.
 */
public final class Policies {
    private Policies() {
    }

    /**
     * Sign rule: recommend arm 1 when the effect points the better way ({@code betterSign · tau > 0}), else arm 0;
     * defer outside overlap. The same as {@link #decisionRule} with {@link DecisionRule#sign}.
     *
     * @param betterSign +1 when higher outcomes are better, −1 when lower are better
     */
    public static PolicyDecisions signRule(PolicyId id, String description, double[] cate, int betterSign,
                                           boolean[] inOverlap) {
        return decisionRule(id, description, cate, DecisionRule.sign(betterSign), inOverlap);
    }

    /** The study's decision rule (default arm, margin) on a CATE vector; defers outside overlap. */
    public static PolicyDecisions decisionRule(PolicyId id, String description, double[] cate, DecisionRule rule,
                                               boolean[] inOverlap) {
        return new PolicyDecisions(id, description, rule.arms(cate, inOverlap));
    }

    /**
     * Doctors: the treatment actually given (current practice). Valued as the observed outcomes: see
     * {@link PolicyDecisions#observed()}.
     */
    public static PolicyDecisions doctors(int[] observed) {
        return new PolicyDecisions(Baseline.DOCTORS.id(), "the treatment the clinicians actually gave (current "
                + "practice), valued as the observed outcomes", observed.clone(), true);
    }

    /**
     * Random: treats a random subset of the recommended patients of the same share as the clinicians treated,
     * seeded; defers outside overlap.
     */
    public static PolicyDecisions random(int[] observed, boolean[] inOverlap, long seed) {
        int n = observed.length;
        int treated = 0;
        for (int t : observed) {
            treated += t;
        }
        double share = treated / (double) n;
        int[] inside = java.util.stream.IntStream.range(0, n).filter(i -> inOverlap[i]).toArray();
        SplittableRandom rng = new SplittableRandom(seed);
        for (int i = inside.length - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int tmp = inside[i];
            inside[i] = inside[j];
            inside[j] = tmp;
        }
        int k = (int) Math.round(share * inside.length);
        int[] d = new int[n];
        java.util.Arrays.fill(d, PolicyDecisions.DEFER);
        for (int r = 0; r < inside.length; r++) {
            d[inside[r]] = r < k ? 1 : 0;
        }
        return new PolicyDecisions(Baseline.RANDOM.id(), String.format(java.util.Locale.ROOT,
                "treats a random %.1f %% of patients (the clinicians' treated share)", 100 * share), d);
    }

    /** Propensity: treat when e(x) > 0.5, the clinicians' aggregated practice; defers outside overlap. */
    public static PolicyDecisions propensity(double[] e, boolean[] inOverlap) {
        int[] d = new int[e.length];
        for (int i = 0; i < d.length; i++) {
            d[i] = !inOverlap[i] ? PolicyDecisions.DEFER : (e[i] > 0.5 ? 1 : 0);
        }
        return new PolicyDecisions(Baseline.PROPENSITY.id(), "treat when the propensity model says most clinicians "
                + "would (e(x) > 0.5)", d);
    }

    /** Treat everyone in the overlap set with {@code arm}. */
    public static PolicyDecisions treatAll(int arm, String armCode, String armLabel, boolean[] inOverlap) {
        int[] d = new int[inOverlap.length];
        for (int i = 0; i < d.length; i++) {
            d[i] = inOverlap[i] ? arm : PolicyDecisions.DEFER;
        }
        return new PolicyDecisions(Baseline.treatAllId(armCode), "give everyone '" + armLabel + "'", d);
    }

    /**
     * Consensus ensemble (TRS §4.4.3) with the plain sign rule; see the {@link DecisionRule} form.
     */
    public static PolicyDecisions consensus(PolicyId id, String description, java.util.List<double[]> memberCates,
                                            int betterSign, boolean[] inOverlap) {
        return consensus(id, description, memberCates, DecisionRule.sign(betterSign), inOverlap);
    }

    /**
     * Consensus ensemble (TRS §4.4.3): recommend only where every member's point rule gives the same arm (all
     * predict a benefit of the non-default arm above the margin, or none does); defer where they disagree (reason:
     * the models disagree) and outside overlap.
     */
    public static PolicyDecisions consensus(PolicyId id, String description, java.util.List<double[]> memberCates,
                                            DecisionRule rule, boolean[] inOverlap) {
        int[] d = new int[inOverlap.length];
        for (int i = 0; i < d.length; i++) {
            if (!inOverlap[i]) {
                d[i] = PolicyDecisions.DEFER;
                continue;
            }
            int votesOther = 0;
            for (double[] c : memberCates) {
                if (rule.arm(c[i]) == rule.otherArm()) {
                    votesOther++;
                }
            }
            d[i] = votesOther == memberCates.size() ? rule.otherArm() : votesOther == 0 ? rule.defaultArm()
                    : PolicyDecisions.DEFER;
        }
        return new PolicyDecisions(id, description, d);
    }
}
