package org.causalrx.estimators;

import java.util.Locale;

/** What family a named estimator belongs to (the T-learners are the candidates for the DR plug-in). */
public enum EstimatorKind {
    T_LEARNER, S_LEARNER, X_LEARNER, R_LEARNER, DR_LEARNER, CAUSAL_FOREST, NEURAL, ENSEMBLE, POLICY_TREE;

    /** Lower-case key as results.json writes it, e.g. "t_learner". */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
