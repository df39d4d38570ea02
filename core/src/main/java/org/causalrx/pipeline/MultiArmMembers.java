package org.causalrx.pipeline;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.causalrx.causal.MultiArmCateModel;
import org.causalrx.causal.MultiArmEnsembles;
import org.causalrx.estimators.MultiArmEstimators;
import org.causalrx.result.PolicyKind;
import org.causalrx.study.Study;
import org.causalrx.util.CausalRxException;

/**
 * The combinations a K-arm study may list under {@code estimators} besides its single estimators: {@code average}
 * (the mean of the singles' n × K effects, {@link MultiArmEnsembles.Averaged}), {@code majority} (their median, entry
 * by entry, {@link MultiArmEnsembles.Median}) and {@code consensus} (a policy: the arm every single picks, else defer;
 * {@link org.causalrx.policy.MultiArmConsensus}). Each combines the single estimators listed with it, in study order.
 */
final class MultiArmMembers {
    /** The averaging ensemble's name. */
    static final String AVERAGE = "average";
    /** The median ensemble's name. */
    static final String MAJORITY = "majority";

    private MultiArmMembers() {
    }

    /** Whether {@code name} combines the singles (average, majority or consensus). */
    static boolean combines(String name) {
        return name.equals(AVERAGE) || name.equals(MAJORITY) || name.equals(PolicyKind.CONSENSUS_NAME);
    }

    /** The single estimators of the study's list, in order. */
    static List<String> singles(Study study) {
        return study.estimators().stream().filter(n -> !combines(n)).toList();
    }

    /**
     * Checks the study's {@code estimators}: each a K-arm single, {@code average}, {@code majority} or
     * {@code consensus}, and at least
     * two singles when a combination is listed.
     *
     * @throws CausalRxException naming the study file and the estimator
     */
    static void check(Study study) {
        String f = study.file().getFileName().toString();
        boolean combined = false;
        for (String name : study.estimators()) {
            if (combines(name)) {
                combined = true;
            } else if (!MultiArmEstimators.supports(name)) {
                throw new CausalRxException(f + ": estimator '" + name + "' in 'estimators' does not handle "
                        + study.treatment().size() + " arms; use one of " + String.join(", ",
                        MultiArmEstimators.names()) + ", " + AVERAGE + ", " + MAJORITY + ", "
                        + PolicyKind.CONSENSUS_NAME);
            }
        }
        if (combined && singles(study).size() < 2) {
            throw new CausalRxException(f + ": estimators: 'average', 'majority' and 'consensus' combine the single "
                    + "estimators listed with them; list at least two, e.g. [t_xgboost, x_xgboost, consensus]");
        }
    }

    /** Per name of the study (singles, average, majority; not consensus) its model, from the fitted singles. */
    static Map<String, MultiArmCateModel> models(Study study, Map<String, MultiArmCateModel> singles) {
        Map<String, MultiArmCateModel> out = new LinkedHashMap<>();
        for (String name : study.estimators()) {
            if (name.equals(AVERAGE) || name.equals(MAJORITY)) {
                out.put(name, ensemble(name, new ArrayList<>(singles.values())));
            } else if (!combines(name)) {
                out.put(name, singles.get(name));
            }
        }
        return out;
    }

    /**
     * An ensemble's bootstrap refits from the singles' refits of the same resamples: refit b combines refit b of
     * every single.
     *
     * @param name    {@code average} or {@code majority}
     * @param members per single its B refits, in study order
     */
    static List<MultiArmCateModel> ensembleRefits(String name, List<List<MultiArmCateModel>> members) {
        List<MultiArmCateModel> out = new ArrayList<>();
        for (int b = 0; b < members.get(0).size(); b++) {
            int r = b;
            out.add(ensemble(name, members.stream().map(m -> m.get(r)).toList()));
        }
        return out;
    }

    private static MultiArmCateModel ensemble(String name, List<MultiArmCateModel> fitted) {
        return name.equals(MAJORITY) ? MultiArmEnsembles.majorityFitted(fitted)
                : MultiArmEnsembles.averageFitted(fitted);
    }
}
