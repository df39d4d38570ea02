package org.causalrx.pipeline;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.causalrx.policy.MultiArmRule;
import org.causalrx.policy.PolicyDecisions;
import org.causalrx.study.Cohort;
import org.causalrx.study.Study;

/**
 * The CATE and evaluation stages of a finished K-arm run, run again on other outcomes of the same patients (a
 * feasibility simulation's): the split, encoding, generalized propensity model and overlap set are the finished
 * run's; the CATE models, policies and their values are new. Without deferral intervals.
 *
 * @param result       the run's result on the other outcomes
 * @param testPolicies every policy's decisions for the test patients, in the order of {@code result.policies()}
 * @param testPatients cohort index of each test patient
 * @param inOverlap    per test patient: inside the overlap set
 * @param rule         the study's K-arm decision rule
 * @param testEffects  estimator (study order) → n_test × K predicted effects against the reference
 */
public record MultiArmReplay(MultiArmResult result, List<PolicyDecisions> testPolicies, int[] testPatients,
                             boolean[] inOverlap, MultiArmRule rule, Map<String, double[][]> testEffects) {
    public MultiArmReplay {
        testPolicies = List.copyOf(testPolicies);
        testPatients = testPatients.clone();
        inOverlap = inOverlap.clone();
        testEffects = Collections.unmodifiableMap(new LinkedHashMap<>(testEffects));
    }

    @Override
    public int[] testPatients() {
        return testPatients.clone();
    }

    @Override
    public boolean[] inOverlap() {
        return inOverlap.clone();
    }

    /**
     * Runs the CATE and evaluation stages of {@code done} (a context after the K-arm run) for {@code study} (the
     * finished run's study with other outcome settings, e.g. its simulated form) on {@code outcome}, one value per
     * cohort patient in cohort order.
     */
    public static MultiArmReplay of(RunContext done, Study study, double[] outcome, boolean parallel) {
        MultiArmPropensity.Output prop = done.get(MultiArmStages.PROPENSITY);
        RunContext ctx = new MultiArmStages.Cate().apply(context(done, study, outcome), Progress.NONE);
        ctx = new MultiArmStages.Evaluation(parallel).apply(ctx, Progress.NONE);
        int[] test = ctx.get(RunSlots.SPLIT).test();
        return new MultiArmReplay(ctx.get(MultiArmStages.RESULT), ctx.get(MultiArmStages.VALUED).policies(), test,
                MultiArmEvaluation.select(prop.inOverlap(), test), MultiArmEvaluation.rule(study),
                ctx.get(MultiArmStages.EFFECTS).test());
    }

    /**
     * A context for {@code study} on {@code outcome} (one value per cohort patient) with the cohort's covariates and
     * treatments and the split, encoding and generalized propensity of {@code done} (a context after the K-arm
     * propensity stage), ready for the CATE stage.
     */
    static RunContext context(RunContext done, Study study, double[] outcome) {
        Cohort c = done.get(RunSlots.COHORT);
        if (outcome.length != c.size()) {
            throw new IllegalArgumentException(outcome.length + " outcomes for " + c.size() + " cohort patients");
        }
        Cohort other = new Cohort(c.covariates(), c.treatment(), outcome, c.ids(), c.sourceRows(), c.rowsRead(),
                c.rowsDropped(), c.dropReason(), c.plan());
        return RunContext.of(study, done.table()).with(RunSlots.COHORT, other)
                .with(RunSlots.SPLIT, done.get(RunSlots.SPLIT)).with(RunSlots.X, done.get(RunSlots.X))
                .with(RunSlots.ENCODING, done.get(RunSlots.ENCODING))
                .with(MultiArmStages.PROPENSITY, done.get(MultiArmStages.PROPENSITY))
                .with(RunSlots.DATA_WARNINGS, List.of());
    }
}
