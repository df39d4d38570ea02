package org.causalrx.pipeline;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.causalrx.data.SplitIndices;
import org.causalrx.data.Table;
import org.causalrx.policy.HeldOut;
import org.causalrx.policy.PolicyDecisions;
import org.causalrx.study.AnalysisColumns;
import org.causalrx.study.Cohort;
import org.causalrx.study.Study;
import org.causalrx.util.Seeds;
import org.causalrx.util.Stats;

/**
 * The outcome policies are valued on: the modelled outcome, or the study's derived evaluation outcome
 * ({@code outcome.evaluate}, e.g. the paper's RTB computed from modelled creatinine). For a derived outcome the
 * held-out data carry its values and a DR plug-in model fit on it ({@link OutcomeEvaluation}); test patients
 * without a value are left out (only with {@code missing: drop}), and the policies and CATEs are restricted to
 * the rest.
 *
 * @param study    the study as the policy insights see it: its outcome is the valued one (name, direction)
 * @param heldOut  held-out data of the valued outcome
 * @param policies the policies on the valued patients
 * @param cates    test-set CATEs on the valued patients, oriented so that {@code study}'s direction ranks
 *                 benefit as the modelled outcome's direction does
 * @param info     the evaluation outcome for results.json, or null when the modelled outcome is valued
 * @param kept     the valued patients' positions in the test split (0-based, increasing): every row of
 *                 {@code heldOut}, {@code policies} and {@code cates} is test position {@code kept[i]}; arrays
 *                 over all test patients are restricted to these with {@link #restrict}
 */
record ValuedOutcome(Study study, HeldOut heldOut, List<PolicyDecisions> policies, Map<String, double[]> cates,
                     RunResult.EvaluationOutcome info, int[] kept) {

    /** Decisions over all test patients, restricted to the valued ones (same order as {@link #heldOut}). */
    int[] restrict(int[] allTest) {
        return Stats.select(allTest, kept);
    }

    static ValuedOutcome of(Study study, Table table, Cohort cohort, HeldOut modelHeldOut,
                            List<PolicyDecisions> policies, Map<String, double[]> testCates, Learners learners,
                            double[][] x, int[] t, SplitIndices split, double[] pStarTest, long seed) {
        Study.EvaluationOutcome eval = study.analyses().evaluationOutcome();
        if (eval == null) {
            return new ValuedOutcome(study, modelHeldOut, policies, testCates, null,
                    java.util.stream.IntStream.range(0, split.test().length).toArray());
        }
        double[] y = AnalysisColumns.evaluation(study, table, eval, cohort.sourceRows());
        OutcomeEvaluation.Prepared p = OutcomeEvaluation.prepare(y, false, learners, x, t, split, pStarTest, policies,
                Seeds.derive(seed, "evaluation-outcome"));
        // CATEs are on the modelled outcome; benefit = sign × CATE must keep the modelled direction, so flip them
        // when the evaluation outcome's direction is the opposite one
        int flip = study.outcome().sign() * eval.sign();
        Map<String, double[]> cates = new LinkedHashMap<>();
        testCates.forEach((name, c) -> {
            double[] v = Stats.select(c, p.kept());
            for (int i = 0; i < v.length; i++) {
                v[i] *= flip;
            }
            cates.put(name, v);
        });
        Study view = study.withOutcome(new Study.Outcome(eval.name(), Study.OutcomeType.CONTINUOUS, eval.direction(),
                eval.missing()));
        return new ValuedOutcome(view, p.heldOut(), p.policies(), cates, new RunResult.EvaluationOutcome(eval.name(),
                eval.formula(), eval.direction(), study.outcome().column(),
                p.kept().length, split.test().length - p.kept().length, p.plugIn()), p.kept());
    }
}
