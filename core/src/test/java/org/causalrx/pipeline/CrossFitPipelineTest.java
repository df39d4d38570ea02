package org.causalrx.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.causalrx.data.Table;
import org.causalrx.data.TableReader;
import org.causalrx.result.DeferralSet;
import org.causalrx.result.PolicyId;
import org.causalrx.study.CohortBuilder;
import org.causalrx.study.Study;
import org.causalrx.study.StudyLoader;
import org.causalrx.util.Stats;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** A NHEFS run with cross-fitted policy values turned on (small settings so the test stays quick). */
@Tag("slow")
class CrossFitPipelineTest {

    @Test
    void aRunValuesItsInclusivePoliciesAndBaselinesByCrossFittingBesideTheTestSplit() {
        Study s = StudyLoader.load(Path.of("examples", "nhefs", "study.yaml"));
        Study study = new Study(s.file(), s.name(), s.protocol(), s.data(), s.idColumn(), s.treatment(), s.outcome(),
                s.covariates(), s.split(), s.seed(), s.overlap(), 50, s.ateFolds(),
                List.of("t_ridge", "t_lasso", "consensus"), null, Study.Analyses.NONE,
                new Study.Deferral(0.1, 1.5, 3, List.of(0.1), List.of(1.0))).withPolicyEvaluation(
                new Study.PolicyEvaluation(true, 3));
        Table table = TableReader.read(study.data());
        RunResult r = new StudyRun(Learners.standard(), true).withoutRefutation().run(study, table, Progress.NONE)
                .result();

        assertEquals(PolicyValueScheme.TEST_SPLIT, r.policyValueScheme());
        CrossFittedPolicyValues cf = r.crossFittedPolicyValues();
        double[] y = CohortBuilder.build(study, table).outcome();
        assertEquals(PolicyValueScheme.CROSS_FITTED_AIPW, cf.scheme());
        assertEquals(3, cf.folds());
        assertEquals(y.length, cf.n());
        List<PolicyId> runNames = r.policies().stream().map(RunResult.PolicyResult::name).toList();
        List<PolicyId> crossFitted = cf.policies().stream().map(CrossFittedPolicyValues.Policy::name).toList();
        assertEquals(runNames.stream().filter(n -> n.set() != DeferralSet.CONSERVATIVE).toList(), crossFitted);
        assertEquals(List.of(PolicyId.parse("t_ridge@conservative"), PolicyId.parse("t_lasso@conservative")),
                cf.notCrossFitted());
        assertEquals(Stats.mean(y), cf.policies().get(0).value(), "doctors: the observed outcomes");
        for (CrossFittedPolicyValues.Policy p : cf.policies()) {
            assertTrue(p.se() > 0 && p.ciLow() < p.value() && p.value() < p.ciHigh(), p.toString());
        }
        String json = ResultsJson.write(r);
        assertTrue(json.contains("\"policy_value_scheme\" : \"test_split\""));
        assertTrue(json.contains("\"cross_fitted_policy_values\" : {"));

        Study off = study.withPolicyEvaluation(Study.PolicyEvaluation.OFF);
        assertFalse(new PipelineStages.CrossFit().appliesTo(off), "off: nothing is fit");
    }
}
