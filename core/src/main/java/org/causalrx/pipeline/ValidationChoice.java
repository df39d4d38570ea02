package org.causalrx.pipeline;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.causalrx.causal.CateModel;
import org.causalrx.causal.OverlapSet;
import org.causalrx.causal.TLearner;
import org.causalrx.data.SplitIndices;
import org.causalrx.data.Table;
import org.causalrx.learn.ProbabilityModel;
import org.causalrx.policy.HeldOut;
import org.causalrx.policy.PolicyDecisions;
import org.causalrx.result.SelectionScheme;
import org.causalrx.study.AnalysisColumns;
import org.causalrx.study.Cohort;
import org.causalrx.study.Study;
import org.causalrx.util.Seeds;
import org.causalrx.util.Stats;

/**
 * The run's policies decided for the validation patients and valued there (on the valued outcome, with the same
 * evaluation propensity p*, overlap set, fitted CATE models and interval models as on the test split), to choose
 * the recommended policy without looking at the test split ({@link PolicySelection}).
 */
final class ValidationChoice {
    private ValidationChoice() {
    }

    /** What the run has fitted, for deciding and valuing on the validation split. */
    record Fitted(Map<String, CateModel> cateModels, DeferralStage.Fitted deferral, OverlapSet overlap,
                  double[] e, ProbabilityModel pStar, TLearner.Fitted plugIn) {
    }

    /**
     * @param x per cohort row, encoded; {@code t}, {@code y}: treatment and modelled outcome per cohort row
     * @param testHeldOut the valued test data and policies, used (with a note saying the value is optimistic) only
     *                    when the study has no validation split
     */
    static RunResult.Selection choose(Study study, Table table, Cohort cohort, Fitted f, double[][] x, int[] t,
                                      double[] y, SplitIndices split, Learners learners, long seed,
                                      ValuedOutcome testHeldOut) {
        int[] val = split.validation();
        if (val.length == 0) {
            return PolicySelection.choose(SelectionScheme.TEST_SPLIT_DR, testHeldOut.heldOut(), testHeldOut.policies(),
                    testHeldOut.study().outcome().sign());
        }
        double[][] xVal = Stats.select(x, val);
        int[] tVal = Stats.select(t, val);
        double[] eVal = Stats.select(f.e(), val);
        boolean[] inOverlap = new boolean[val.length];
        for (int i = 0; i < val.length; i++) {
            inOverlap[i] = f.overlap().contains(eVal[i]);
        }
        Map<String, double[]> cates = new LinkedHashMap<>();
        f.cateModels().forEach((name, m) -> cates.put(name, m.effect(xVal)));
        List<PolicyDecisions> policies = new ArrayList<>(PolicySet.build(study, cates, tVal, eVal, inOverlap, seed));
        if (f.deferral() != null) {
            policies.addAll(DeferralStage.conservative(study, DeferralStage.predict(study, f.deferral(), xVal, false),
                    eVal, f.overlap()));
        }
        double[] pStarVal = f.pStar().predictProba(xVal);
        Study.EvaluationOutcome eval = study.analyses().evaluationOutcome();
        if (eval == null) {
            HeldOut heldOut = new HeldOut(Stats.select(y, val), tVal, pStarVal, f.plugIn().mu(xVal, 0),
                    f.plugIn().mu(xVal, 1));
            return PolicySelection.choose(SelectionScheme.VALIDATION_SPLIT_DR, heldOut, policies,
                    study.outcome().sign());
        }
        // the derived evaluation outcome, with its plug-in fit on the training split as for the test split
        double[] yEval = AnalysisColumns.evaluation(study, table, eval, cohort.sourceRows());
        OutcomeEvaluation.Prepared p = OutcomeEvaluation.prepare(yEval, false, learners, x, t,
                new SplitIndices(split.train(), val, val), pStarVal, policies,
                Seeds.derive(seed, "evaluation-outcome"));
        return PolicySelection.choose(SelectionScheme.VALIDATION_SPLIT_DR, p.heldOut(), p.policies(), eval.sign());
    }
}
