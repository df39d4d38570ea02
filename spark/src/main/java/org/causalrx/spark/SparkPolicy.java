package org.causalrx.spark;

import java.io.Serializable;

import org.causalrx.result.PolicyId;

/**
 * A two-arm policy the Spark engine values: its identity, description, and its decision for a held-out patient from
 * the T-learner's arm predictions.
 *
 * @param id          policy name in results.json
 * @param description in words
 * @param rule        the decision
 */
public record SparkPolicy(PolicyId id, String description, Rule rule) implements Serializable {

    /**
     * Decision for one patient from the T-learner's predicted outcomes and whether the patient's propensity lies in
     * the overlap set: arm 0 or 1, or {@link #DEFER} (the clinicians' choice, valued as observed).
     */
    public interface Rule extends Serializable {
        int decide(double mu0, double mu1, boolean inOverlap);
    }

    /** The decision of a patient left to current practice. */
    public static final int DEFER = -1;

    /**
     * The learned T-learner policy: the non-default arm when its predicted benefit in the study's direction exceeds
     * {@code margin} (as {@link org.causalrx.policy.DecisionRule#arm}), else the default arm; deferred outside
     * overlap.
     */
    public static SparkPolicy learned(PolicyId id, int defaultArm, double margin, int betterSign) {
        int switchSign = defaultArm == 0 ? betterSign : -betterSign;
        return new SparkPolicy(id, "recommend the arm with the better predicted outcome (" + id
                + "); defer outside overlap", (mu0, mu1, in) -> !in ? DEFER
                : switchSign * (mu1 - mu0) > margin ? 1 - defaultArm : defaultArm);
    }

    /** Everyone in overlap gets {@code arm}; deferred outside overlap. */
    public static SparkPolicy treatAll(PolicyId id, String armLabel, int arm) {
        return new SparkPolicy(id, "give everyone '" + armLabel + "'", (mu0, mu1, in) -> in ? arm : DEFER);
    }

    /** Current practice: every patient keeps the observed treatment and outcome. */
    public static SparkPolicy doctors(PolicyId id) {
        return new SparkPolicy(id, "the treatment the clinicians actually gave (current practice), valued as the "
                + "observed outcomes", (mu0, mu1, in) -> DEFER);
    }
}
