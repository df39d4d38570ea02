package org.causalrx.result;

/** What a policy decides from: a fixed baseline rule, one estimator's CATE, or the consensus of several. */
public enum PolicyKind {
    /** One of the {@link Baseline} policies. */
    BASELINE,
    /** The decision rule on one estimator's CATE (singles and averaging ensembles), any deferral set. */
    LEARNED,
    /** The consensus ensemble: recommend where every member agrees, defer where they disagree. */
    CONSENSUS;

    /** The estimator name of the consensus policy (a study lists it under {@code estimators}). */
    public static final String CONSENSUS_NAME = "consensus";

    /** Learned from data (everything but the baselines): the policies a run may select and bundle. */
    public boolean learned() {
        return this != BASELINE;
    }
}
