package org.causalrx.pipeline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.causalrx.causal.OverlapSet;
import org.causalrx.data.Table;
import org.causalrx.data.TableReader;
import org.causalrx.policy.HeldOut;
import org.causalrx.policy.PolicyDecisions;
import org.causalrx.result.Baseline;
import org.causalrx.result.PolicyId;
import org.causalrx.study.Study;
import org.causalrx.study.StudyLoader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The K-arm pipeline ({@link MultiArmStages}) run on the two-arm NHEFS weight study (quitting smoking, weight gain
 * 1971–82; the death study in {@link TwoArmEquivalenceDeathTest}) gives the two-arm pipeline's values:
 * propensities, overlap set, per-estimator CATEs, the policies' decisions, the held-out data they are valued on,
 * every policy's IPW and DR values with their bootstrap summaries, the policy chosen on validation and the verdict's
 * figures. Values are compared exactly, and to {@link #SUM_ORDER} where the two paths add the same terms in another
 * order.
 */
@Tag("slow")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TwoArmEquivalenceTest {
    private static final Path NHEFS = Path.of("examples", "nhefs");
    private static final List<String> ESTIMATORS = List.of("t_ridge", "t_xgboost", "x_xgboost", "dr_xgboost",
            "average", "consensus");
    /** Tolerance where the two paths add the same terms in another order (ensemble means, means of sorted rounds). */
    private static final double SUM_ORDER = 1e-12;

    private RunContext two;
    private RunContext multi;

    /** The study file in examples/nhefs this class runs. */
    String studyFile() {
        return "weight.yaml";
    }

    /**
     * The study with the estimators above, 300 bootstrap rounds and neither uncertainty-based deferral nor secondary
     * outcomes, the feasibility simulation or estimator lines of its own. Deferral is off in both runs because the
     * pipelines' defaults differ: a two-arm run adds the Conservative policies ({@code NAME@conservative}, naming the
     * others {@code NAME@inclusive}) also when the study file has no {@code deferral:} block, a K-arm run only when it
     * declares one. The two-arm pipeline runs the stages up to the policy insights (no ATE, analyses, sensitivity or
     * refutations), the K-arm one up to the evaluation.
     */
    @BeforeAll
    void runBoth(@TempDir Path dir) throws IOException {
        String yaml = Files.readString(NHEFS.resolve(studyFile()))
                .replace("data: nhefs.csv", "data: " + NHEFS.toAbsolutePath().resolve("nhefs.csv"))
                .replace("bootstrap: {rounds: 10000}", "bootstrap: {rounds: 300}")
                .lines().filter(l -> !l.startsWith("estimators:") && !l.startsWith("secondary_outcomes:")
                        && !l.startsWith("  - {column: wt82_71") && !l.startsWith("simulation:"))
                .collect(java.util.stream.Collectors.joining("\n", "", "\n"))
                + "estimators: [" + String.join(", ", ESTIMATORS) + "]\n";
        Study study = StudyLoader.load(Files.writeString(dir.resolve(studyFile()), yaml)).withDeferral(null);
        assertTrue(study.treatment().binary());
        Table table = TableReader.read(study.data());
        Set<String> twoArmStages = Set.of("cohort", "split", "propensity", "outcome", "policies", "evaluation",
                "insights");
        RunEngine twoArm = new RunEngine(PipelineStages.standard(Learners.standard(), false).stages().stream()
                .filter(s -> twoArmStages.contains(s.name())).toList());
        two = twoArm.run(RunContext.of(study, table), Progress.NONE);
        RunEngine kArm = MultiArmStages.engine(false).without("insights").without("diagnostics")
                .without(RefutationStage.NAME);
        multi = kArm.run(RunContext.of(study, table), Progress.NONE);
    }

    @Test
    void propensityModelsTheirMetricsAndTheOverlapSetAreTheTwoArmOnes() {
        PropensityStage.Output p2 = two.get(RunSlots.PROPENSITY);
        MultiArmPropensity.Output pk = multi.get(MultiArmStages.PROPENSITY);
        assertEquals(p2.selected(), pk.selected());
        List<RunResult.PropensityMetric> val = p2.metrics().stream().filter(m -> m.split().equals("validation"))
                .toList();
        assertEquals(val.stream().map(RunResult.PropensityMetric::model).toList(),
                pk.models().stream().map(MultiArmResult.PropensityModel::name).toList());
        for (int m = 0; m < val.size(); m++) {
            MultiArmResult.PropensityModel k = pk.models().get(m);
            // the multiclass Brier score sums (p_a − 1[t = a])² over both arms: twice the binary score
            assertEquals(2 * val.get(m).brier(), k.brier(), SUM_ORDER, k.name());
            // one-vs-rest AUROC of arm 1 is the binary AUROC; arm 0's scores 1 − e rank the patients the other way
            assertEquals(val.get(m).auroc(), k.aurocPerArm().get(1), SUM_ORDER, k.name());
            assertEquals(val.get(m).auroc(), k.aurocPerArm().get(0), SUM_ORDER, k.name());
        }
        double[] e = p2.e();
        OverlapSet overlap = two.get(RunSlots.OVERLAP);
        assertEquals(overlap.etaLow(), pk.overlap().eta(), SUM_ORDER);
        assertEquals(1 - overlap.etaLow(), overlap.etaHigh(), SUM_ORDER);
        for (int i = 0; i < e.length; i++) {
            assertEquals(e[i], pk.e()[i][1], 0.0);
            assertEquals(1 - e[i], pk.e()[i][0], 0.0);
            assertEquals(overlap.contains(e[i]), pk.inOverlap()[i], "row " + i);
        }
        RunSlots.TestPatients tp = two.get(RunSlots.TEST);
        int testOutside = 0;
        for (boolean in : tp.inOverlap()) {
            testOutside += in ? 0 : 1;
        }
        assertEquals(testOutside, multi.get(MultiArmStages.RESULT).overlap().testOutside());
    }

    @Test
    void everyEstimatorsTestCateIsTheKArmEffectOfArmOne() {
        Map<String, double[]> cates = two.get(RunSlots.TEST_CATES);
        Map<String, double[][]> effects = multi.get(MultiArmStages.EFFECTS).test();
        assertEquals(List.copyOf(cates.keySet()), List.copyOf(effects.keySet()));
        for (String name : cates.keySet()) {
            double[] c = cates.get(name);
            double[][] k = effects.get(name);
            for (int i = 0; i < c.length; i++) {
                assertEquals(0.0, k[i][0], 0.0, name);
                assertEquals(c[i], k[i][1], name.equals("average") ? SUM_ORDER : 0.0, name + " row " + i);
            }
        }
    }

    @Test
    void heldOutDataPoliciesAndTheirValuesAreTheTwoArmOnes() {
        RunSlots.Evaluation ev = two.get(RunSlots.EVALUATION);
        MultiArmEvaluation.Valued kv = multi.get(MultiArmStages.VALUED);
        HeldOut h2 = ev.modelHeldOut();
        HeldOut hk = kv.test();
        assertArrayEquals(h2.y(), hk.y());
        assertArrayEquals(h2.t(), hk.t());
        for (int i = 0; i < h2.y().length; i++) {
            assertArrayEquals(h2.pStar()[i], hk.pStar()[i], "p* row " + i);
            assertArrayEquals(h2.mu()[i], hk.mu()[i], "plug-in row " + i);
        }
        Map<PolicyId, PolicyDecisions> kPolicies = new java.util.LinkedHashMap<>();
        kv.policies().forEach(p -> kPolicies.put(p.id(), p));
        Map<PolicyId, MultiArmResult.PolicyValue> kValues = new java.util.LinkedHashMap<>();
        multi.get(MultiArmStages.RESULT).policies().forEach(p -> kValues.put(p.name(), p));
        int compared = 0;
        for (int p = 0; p < ev.valued().policies().size(); p++) {
            PolicyDecisions d2 = ev.valued().policies().get(p);
            PolicyDecisions dk = kPolicies.get(d2.id());
            assertNotNull(dk, "the K-arm run has policy " + d2.id() + ": " + kPolicies.keySet());
            if (d2.id().equals(Baseline.RANDOM.id())) {
                continue;
            }
            assertArrayEquals(d2.arms(), dk.arms(), d2.id().toString());
            RunResult.PolicyResult r2 = ev.policyResults().get(p);
            MultiArmResult.PolicyValue rk = kValues.get(d2.id());
            assertEquals(r2.pointDr(), rk.pointDr(), 0.0, d2.id().toString());
            assertEquals(r2.pointIpw(), rk.pointIpw(), 0.0, d2.id().toString());
            assertEquals(r2.valueDr(), rk.valueDr(), d2.id().toString());
            assertEquals(r2.valueIpw(), rk.valueIpw(), d2.id().toString());
            assertEquals(r2.deferredShare(), rk.deferredShare(), 0.0, d2.id().toString());
            assertEquals(r2.treatedShare(), rk.armShares().get(1), 0.0, d2.id().toString());
            compared++;
        }
        assertEquals(kPolicies.size(), ev.valued().policies().size());
        assertTrue(compared >= ESTIMATORS.size() + 3);
    }

    @Test
    void thePolicyChosenOnValidationAndTheVerdictAreTheTwoArmOnes() {
        RunResult.PolicyInsights insights = two.get(RunSlots.POLICY_INSIGHTS);
        MultiArmResult k = multi.get(MultiArmStages.RESULT);
        assertEquals(insights.selection().selected(), k.selection().selected());
        assertEquals(insights.selection().n(), k.selection().n());
        Map<PolicyId, Double> kValidation = new java.util.LinkedHashMap<>();
        k.selection().values().forEach(v -> kValidation.put(v.policy(), v.dr()));
        List<RunResult.SelectionValue> learned = insights.selection().values().stream()
                .filter(RunResult.SelectionValue::learned).toList();
        assertEquals(learned.stream().map(RunResult.SelectionValue::policy).toList(),
                List.copyOf(kValidation.keySet()));
        learned.forEach(v -> assertEquals(v.dr(), kValidation.get(v.policy()), 0.0, v.policy().toString()));
        // The two verdicts define their figures differently (each as documented on its record): the two-arm
        // headline gives means over the bootstrap rounds and a gain oriented so that positive is better; the K-arm
        // verdict gives point values on the whole test split and the gain value − current practice in outcome
        // units. Both come from the same point values and the same bootstrap rounds, checked here.
        RunResult.Headline h = insights.verdict().headline();
        MultiArmResult.Verdict v = k.verdict();
        PolicyId selected = h.policy();
        assertEquals(selected, v.selected());
        MultiArmEvaluation.Valued kv = multi.get(MultiArmStages.VALUED);
        int sel = -1;
        for (int p = 0; p < kv.policies().size(); p++) {
            sel = kv.policies().get(p).id().equals(selected) ? p : sel;
        }
        MultiArmResult.PolicyValue selValue = k.policies().get(sel);
        MultiArmResult.PolicyValue doctors = k.policies().get(0);
        assertEquals(Baseline.DOCTORS.id(), doctors.name());
        // the headline averages the rounds after sorting them, the summary in round order
        assertEquals(h.value(), selValue.valueDr().mean(), SUM_ORDER);
        assertEquals(h.currentPractice(), doctors.valueDr().mean(), SUM_ORDER);
        assertEquals(v.value(), selValue.pointDr(), 0.0);
        assertEquals(v.currentPractice(), doctors.pointDr(), SUM_ORDER);
        assertEquals(v.currentPractice(), org.causalrx.util.Stats.mean(kv.test().y()), 0.0);
        int sign = two.study().outcome().sign();
        double[] value = kv.boot().dr()[sel];
        double[] current = kv.boot().dr()[0];
        double gain = 0;
        for (int r = 0; r < value.length; r++) {
            gain += sign * (value[r] - current[r]) / value.length;
        }
        assertEquals(h.gain(), gain, SUM_ORDER);
        assertEquals(v.gain(), v.value() - v.currentPractice(), 0.0);
        // the 2.5 % and 97.5 % quantiles (linear interpolation) of −g are −1 × the 97.5 % and 2.5 % ones of g
        assertEquals(h.gainLow(), sign > 0 ? v.gainLow() : -v.gainHigh(), SUM_ORDER);
        assertEquals(h.gainHigh(), sign > 0 ? v.gainHigh() : -v.gainLow(), SUM_ORDER);
        assertEquals(h.beatsShare(), v.shareBetter(), 0.0);
        assertEquals(h.nTest(), k.arms().stream().mapToInt(MultiArmResult.Arm::nTest).sum());
    }
}
