package org.causalrx.pipeline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.causalrx.data.Table;
import org.causalrx.data.TableReader;
import org.causalrx.policy.PolicyDecisions;
import org.causalrx.result.Baseline;
import org.causalrx.result.DeferralSet;
import org.causalrx.result.PolicyId;
import org.causalrx.result.SelectionScheme;
import org.causalrx.study.Study;
import org.causalrx.study.StudyLoader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The two deferral sets on the NHEFS demo data (small settings so the test stays quick). */
@Tag("slow")
class DeferralPipelineTest {
    static Study study;
    static RunOutput out;
    static Table table;

    @BeforeAll
    static void run() {
        Study s = StudyLoader.load(Path.of("examples", "nhefs", "study.yaml"));
        study = new Study(s.file(), s.name(), s.protocol(), s.data(), s.idColumn(), s.treatment(), s.outcome(),
                s.covariates(), s.split(), s.seed(), s.overlap(), 50, s.ateFolds(),
                List.of("t_ridge", "dr_xgboost", "average", "consensus"), null, Study.Analyses.NONE,
                new Study.Deferral(0.1, 1.5, 5, List.of(0.1, 0.5), List.of(1.0, 2.0)));
        table = TableReader.read(study.data());
        // no assertion here reads the ATE refutations: the runs skip them
        out = new StudyRun(Learners.standard(), true).withoutRefutation().run(study, table, Progress.NONE);
    }

    @Test
    void currentPracticeIsTheObservedMeanAndThePolicyIsChosenOnValidation() {
        RunResult r = out.result();
        double[] y = out.heldOut().outcome();
        double mean = java.util.Arrays.stream(y).sum() / y.length;
        RunResult.PolicyResult doctors = r.policies().get(0);
        assertEquals(Baseline.DOCTORS.id(), doctors.name());
        assertEquals(mean, doctors.pointDr(), 1e-12);
        assertEquals(mean, doctors.pointIpw(), 1e-12);
        RunResult.Selection sel = r.policyInsights().selection();
        assertEquals(SelectionScheme.VALIDATION_SPLIT_DR, sel.scheme());
        assertEquals(r.n().validation(), sel.n());
        assertEquals(r.policies().size(), sel.values().size());
        // the chosen policy is the best learned one by validation DR (death: lower is better)
        RunResult.SelectionValue best = sel.values().stream().filter(RunResult.SelectionValue::learned)
                .min(java.util.Comparator.comparingDouble(RunResult.SelectionValue::dr)).orElseThrow();
        assertEquals(best.policy(), sel.selected());
        assertEquals(sel.selected(), r.policyInsights().selectedPolicy());
        RunResult.Verdict v = r.policyInsights().verdict();
        assertEquals(sel.selected(), v.selected());
        assertEquals(sel.selected(), v.headline().policy());
        assertEquals(doctors.valueDr().mean(), v.headline().currentPractice(), 1e-12);
        assertEquals(v.bestPolicyClear() && PolicyVerdict.warning(v.bestPolicy()) != null, !v.warnings().isEmpty());
    }

    @Test
    void everySignRulePolicyHasBothSetsAndBaselinesKeepTheirNames() {
        List<String> names = out.result().policies().stream().map(p -> p.name().name()).toList();
        assertEquals(List.of("doctors", "random", "propensity", "treat_all_0", "treat_all_1", "t_ridge@inclusive",
                "dr_xgboost@inclusive", "average@inclusive", "consensus", "t_ridge@conservative",
                "dr_xgboost@conservative", "average@conservative"), names);
    }

    @Test
    void conservativeDeferralContainsInclusiveAndAgreesWhereBothDecide() {
        Map<PolicyId, int[]> d = out.heldOut().decisions();
        int extra = 0;
        for (String n : List.of("t_ridge", "dr_xgboost", "average")) {
            int[] inc = d.get(new PolicyId(n, DeferralSet.INCLUSIVE));
            int[] con = d.get(new PolicyId(n, DeferralSet.CONSERVATIVE));
            for (int i = 0; i < inc.length; i++) {
                if (inc[i] == PolicyDecisions.DEFER) {
                    assertEquals(PolicyDecisions.DEFER, con[i], n + " patient " + i);
                } else if (con[i] != PolicyDecisions.DEFER) {
                    assertEquals(inc[i], con[i], n + " patient " + i);
                } else {
                    extra++;
                }
            }
        }
        assertTrue(extra > 0, "uncertainty defers some patients inside overlap");
    }

    @Test
    void sweepIsMonotoneInLambdaAndAlphaAndContainsTheStudySetting() {
        List<DeferralResult.SweepPoint> sweep = out.result().deferralSweep();
        assertEquals(3 * 2 * 2, sweep.size());
        for (DeferralResult.SweepPoint p : sweep) {
            for (DeferralResult.SweepPoint q : sweep) {
                if (p.policy().equals(q.policy()) && p.alphaStat() == q.alphaStat() && p.lambda() < q.lambda()) {
                    assertTrue(p.deferralRate() <= q.deferralRate(), p + " vs " + q);
                }
                if (p.policy().equals(q.policy()) && p.lambda() == q.lambda() && p.alphaStat() < q.alphaStat()) {
                    assertTrue(p.deferralRate() >= q.deferralRate(), p + " vs " + q);
                }
            }
        }
        DeferralResult dr = out.result().deferral();
        assertEquals(0.1, dr.alphaStat());
        double conservativeShare = out.result().policies().stream()
                .filter(p -> p.name().name().equals("t_ridge@conservative")).findFirst().orElseThrow().deferredShare();
        double setShare = dr.sets().stream().filter(s -> s.policy().name().equals("t_ridge@conservative")).findFirst()
                .orElseThrow().deferredShare();
        assertEquals(conservativeShare, setShare, 1e-12);
        assertTrue(dr.intervalMethods().get("dr_xgboost").contains("final stage"));
        assertTrue(dr.intervalMethods().get("t_ridge").contains("5 bootstrap refits"));
    }

    @Test
    void fittedDeferralIsExposedAndSameSeedGivesSameDecisions() {
        RunOutput.FittedDeferral f = out.deferral();
        assertNotNull(f);
        assertEquals(List.of("t_ridge", "dr_xgboost", "average"), List.copyOf(f.models().keySet()));
        assertEquals(1.5, f.lambda());
        assertEquals(0.1, f.alphaStat());
        RunOutput again = new StudyRun(Learners.standard(), false).withoutRefutation().run(study, table,
                Progress.NONE);
        for (String n : List.of("t_ridge@conservative", "dr_xgboost@conservative", "average@conservative")) {
            PolicyId id = PolicyId.parse(n);
            assertArrayEquals(out.heldOut().decisions().get(id), again.heldOut().decisions().get(id), n);
        }
        assertEquals(ResultsJson.write(out.result()), ResultsJson.write(again.result()));
    }

    @Test
    void fittedDeferralReproducesTheConservativeDecisionsThroughDeferralDecide() {
        // what a model bundle will do: encode the test patients, then decide with the exposed models
        org.causalrx.study.Cohort cohort = org.causalrx.study.CohortBuilder.build(study, table);
        double[][] all = out.models().encoding().transform(cohort.covariates());
        Map<Integer, Integer> bySource = new java.util.HashMap<>();
        for (int i = 0; i < cohort.sourceRows().length; i++) {
            bySource.put(cohort.sourceRows()[i], i);
        }
        int[] src = out.heldOut().sourceRows();
        double[][] xTest = new double[src.length][];
        for (int i = 0; i < src.length; i++) {
            xTest[i] = all[bySource.get(src[i])];
        }
        RunOutput.FittedDeferral f = out.deferral();
        double[] e = out.heldOut().propensity();
        int sign = study.outcome().sign();
        f.models().forEach((n, m) -> {
            double[] tau = m.effect(xTest);
            org.causalrx.causal.EffectIntervals iv = m.effectInterval(xTest, f.alphaStat());
            int[] expected = out.heldOut().decisions().get(new PolicyId(n, DeferralSet.CONSERVATIVE));
            for (int i = 0; i < src.length; i++) {
                int arm = org.causalrx.policy.Deferral.decide(e[i], out.models().overlap(), tau[i], iv.lo()[i],
                        iv.hi()[i], sign).arm();
                assertEquals(expected[i], arm, n + " patient " + i);
            }
        });
    }
}
