package org.causalrx.policy;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.causalrx.result.Arms;
import org.causalrx.result.PolicyId;

/**
 * The consensus ensemble for K ≥ 2 arms (TRS §4.4.3): every member estimator's effects go through the same
 * {@link MultiArmRule} (point rule); a patient in overlap is recommended the arm every member picks, and is deferred
 * where the members pick different arms. Patients outside overlap are deferred as by every K-arm policy. With K = 2
 * the decisions are those of {@link Policies#consensus(PolicyId, String, List, DecisionRule, boolean[])}.
 *
 * @param rule the decision rule each member's effects are put through
 */
public record MultiArmConsensus(MultiArmRule rule) {

    /**
     * One patient's consensus decision.
     *
     * @param arm            the agreed arm 0..K−1, or {@link PolicyDecisions#DEFER}
     * @param outsideOverlap deferred because the patient is outside the overlap set
     * @param memberArms     the arm each member's point rule picks, in member order (also outside overlap)
     */
    public record Decision(int arm, boolean outsideOverlap, int[] memberArms) {
        public Decision {
            memberArms = memberArms.clone();
        }

        @Override
        public int[] memberArms() {
            return memberArms.clone();
        }

        /** Whether the members pick different arms. */
        public boolean disagree() {
            for (int a : memberArms) {
                if (a != memberArms[0]) {
                    return true;
                }
            }
            return false;
        }
    }

    /**
     * One patient's decision.
     *
     * @param memberRows each member's effects for the patient (length K each, entry 0 = 0), at least one
     */
    public Decision decide(List<double[]> memberRows, boolean inOverlap) {
        if (memberRows.isEmpty()) {
            throw new IllegalArgumentException("a consensus needs at least one member");
        }
        int[] votes = new int[memberRows.size()];
        for (int m = 0; m < votes.length; m++) {
            votes[m] = rule.arm(memberRows.get(m));
        }
        Decision d = new Decision(PolicyDecisions.DEFER, !inOverlap, votes);
        return !inOverlap || d.disagree() ? d : new Decision(votes[0], false, votes);
    }

    /**
     * Per patient the consensus decision.
     *
     * @param members each member's n × K effects against the reference, same n
     */
    public List<Decision> decide(List<double[][]> members, boolean[] inOverlap) {
        for (double[][] m : members) {
            if (m.length != inOverlap.length) {
                throw new IllegalArgumentException("member effects for " + m.length + " patients, overlap for "
                        + inOverlap.length);
            }
        }
        List<Decision> out = new ArrayList<>(inOverlap.length);
        for (int i = 0; i < inOverlap.length; i++) {
            List<double[]> rows = new ArrayList<>(members.size());
            for (double[][] m : members) {
                rows.add(m[i]);
            }
            out.add(decide(rows, inOverlap[i]));
        }
        return out;
    }

    /** The consensus policy's decisions on these patients. */
    public PolicyDecisions policy(PolicyId id, String description, List<double[][]> members, boolean[] inOverlap) {
        return new PolicyDecisions(id, description, decide(members, inOverlap).stream()
                .mapToInt(Decision::arm).toArray());
    }

    /**
     * A disagreement in words, naming each arm picked and the members that picked it, e.g.
     * {@code members disagree: 'moderate' (t_ridge, x_xgboost) vs 'much' (t_xgboost)}; arms in the order first
     * picked.
     *
     * @param names the members' names, in member order
     */
    public static String disagreement(Decision d, Arms arms, List<String> names) {
        int[] votes = d.memberArms();
        if (names.size() != votes.length) {
            throw new IllegalArgumentException(names.size() + " member names for " + votes.length + " votes");
        }
        Map<Integer, List<String>> byArm = new LinkedHashMap<>();
        for (int m = 0; m < votes.length; m++) {
            byArm.computeIfAbsent(votes[m], a -> new ArrayList<>()).add(names.get(m));
        }
        List<String> parts = new ArrayList<>();
        byArm.forEach((a, who) -> parts.add(String.format(Locale.ROOT, "'%s' (%s)", arms.label(a),
                String.join(", ", who))));
        return "members disagree: " + String.join(" vs ", parts);
    }
}
