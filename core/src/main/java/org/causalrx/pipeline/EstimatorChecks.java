package org.causalrx.pipeline;

import java.util.List;

import org.causalrx.estimators.EstimatorEntry;
import org.causalrx.estimators.EstimatorKind;
import org.causalrx.estimators.EstimatorRegistry;
import org.causalrx.estimators.ParamException;
import org.causalrx.result.PolicyKind;
import org.causalrx.study.EstimatorSpec;
import org.causalrx.study.Study;
import org.causalrx.util.CausalRxException;

/**
 * Checks a study's {@code estimators} list and {@code policy_evaluation.plug_in} against the registry before any
 * work is done; each failure is one line naming the study file, the estimator and the key.
 */
final class EstimatorChecks {
    private EstimatorChecks() {
    }

    static void check(EstimatorRegistry registry, Study study) {
        String file = study.file() == null ? "the study file" : study.file().getFileName().toString();
        int singles = 0;
        for (EstimatorSpec s : study.estimatorSpecs()) {
            String n = s.name();
            if (n.equals(PolicyKind.CONSENSUS_NAME) || Estimators.isEnsemble(n)) {
                if (!s.params().isEmpty()) {
                    throw new CausalRxException(file + ": estimators: '" + n + "' takes no params (it combines the "
                            + "estimators listed with it); remove its params");
                }
                continue;
            }
            if (!registry.contains(n)) {
                throw new CausalRxException(file + ": 'estimators' lists unknown estimator '" + n
                        + "'; fix the name under 'estimators:' (available: " + String.join(", ", registry.names())
                        + ", " + PolicyKind.CONSENSUS_NAME + ")");
            }
            EstimatorEntry<?> entry = registry.entry(n);
            try {
                entry.configure(s.params());
            } catch (ParamException e) {
                throw new CausalRxException(file + ": estimators: '" + n + "' param " + e.getMessage()
                        + "; accepted keys: " + String.join(", ", entry.acceptedKeys()), e);
            }
            singles++;
        }
        List<String> names = study.estimators();
        boolean combines = names.stream()
                .anyMatch(n -> n.equals(PolicyKind.CONSENSUS_NAME) || Estimators.isEnsemble(n));
        if (combines && singles < 2) {
            throw new CausalRxException(file + ": estimators: 'average', 'majority' and 'consensus' combine the "
                    + "single "
                    + "estimators listed with them; list at least two, e.g. [t_xgboost, x_xgboost, average]");
        }
        String plugIn = study.policyEvaluation().plugIn();
        List<String> tLearners = registry.namesOf(EstimatorKind.T_LEARNER);
        if (!tLearners.contains(plugIn)) {
            throw new CausalRxException(file + ": 'policy_evaluation.plug_in' is '" + plugIn + "', which is not a "
                    + "T-learner outcome model; use one of " + String.join(", ", tLearners));
        }
    }
}
