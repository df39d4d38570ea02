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

    /** Decision for one patient: arm 0 or 1, or {@link #DEFER} (the clinicians' choice, valued as observed). */
    public interface Rule extends Serializable {
        int decide(double mu0, double mu1);
    }

    /** The decision of a patient left to current practice. */
    public static final int DEFER = -1;

    /**
     * The learned T-learner policy: the non-default arm when its predicted benefit in the study's direction exceeds
     * {@code margin} (as {@link org.causalrx.policy.DecisionRule#arm}), else the default arm.
     */
    public static SparkPolicy learned(String name, int defaultArm, double margin, int betterSign) {
        int switchSign = defaultArm == 0 ? betterSign : -betterSign;
        return new SparkPolicy(PolicyId.of(name), "recommend the arm with the better predicted outcome ("
                + name + ")", (mu0, mu1) -> switchSign * (mu1 - mu0) > margin ? 1 - defaultArm : defaultArm);
    }

    /** Everyone gets {@code arm}. */
    public static SparkPolicy treatAll(PolicyId id, String armLabel, int arm) {
        return new SparkPolicy(id, "give everyone '" + armLabel + "'", (mu0, mu1) -> arm);
    }

    /** Current practice: every patient keeps the observed treatment and outcome. */
    public static SparkPolicy doctors(PolicyId id) {
        return new SparkPolicy(id, "the treatment the clinicians actually gave (current practice), valued as the "
                + "observed outcomes", (mu0, mu1) -> DEFER);
    }
}
