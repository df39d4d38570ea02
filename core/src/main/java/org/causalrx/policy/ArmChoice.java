package org.causalrx.policy;

/**
 * One K-arm decision with its reason (TRS §3.8 and §3.10 for K arms): the arm, or {@link PolicyDecisions#DEFER}, and
 * why, naming the two arms that were compared.
 *
 * @param arm    recommended arm 0..K−1, or {@link PolicyDecisions#DEFER}
 * @param reason why the patient was deferred or recommended
 * @param pair   the best and second-best arm on the point effects (also for patients outside overlap)
 * @param low    lower end of the interval of tau_best − tau_second (outcome units); NaN for the Inclusive set
 * @param high   upper end of that interval; NaN for the Inclusive set
 */
public record ArmChoice(int arm, Reason reason, ArmPair pair, double low, double high) {
    /** Why a patient got their decision. */
    public enum Reason {
        /** Deferred: the patient is outside the overlap set. */
        OUTSIDE_OVERLAP,
        /**
         * Deferred: the interval of the best-minus-second-best contrast contains the rule's boundary (0, or ±δ
         * when one of the two is the default arm).
         */
        UNCERTAIN,
        /** Recommended by the point effects (Inclusive set: no interval). */
        POINT,
        /** Recommended: the whole interval of the contrast lies on one side of the boundary. */
        INTERVAL
    }

    public ArmChoice {
        if ((arm == PolicyDecisions.DEFER) != (reason == Reason.OUTSIDE_OVERLAP || reason == Reason.UNCERTAIN)) {
            throw new IllegalArgumentException("arm " + arm + " does not fit the reason " + reason);
        }
    }

    public boolean deferred() {
        return arm == PolicyDecisions.DEFER;
    }
}
