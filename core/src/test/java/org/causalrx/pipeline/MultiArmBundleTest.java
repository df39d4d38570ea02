package org.causalrx.pipeline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import org.causalrx.bundle.BundleWriter;
import org.causalrx.bundle.ModelBundle;
import org.causalrx.bundle.MultiArmBundle;
import org.causalrx.bundle.MultiArmBundleWriter;
import org.causalrx.bundle.MultiArmRecommender;
import org.causalrx.data.Table;
import org.causalrx.data.TableReader;
import org.causalrx.policy.MultiArmRule;
import org.causalrx.policy.PolicyDecisions;
import org.causalrx.result.PolicyId;
import org.causalrx.study.Cohort;
import org.causalrx.study.Study;
import org.causalrx.util.CausalRxException;
import org.causalrx.util.Stats;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The model bundle of a K = 3 run: written from the run's fitted models, loaded, and applied to the run's own test
 * patients, it gives exactly the run's effects, propensities and decisions; a bad row gets its own error; a patient
 * whose propensity for an arm is below η is deferred with that arm named; a policy the run has no model for writes
 * no bundle and says why.
 */
@Tag("slow")
class MultiArmBundleTest {
    private static final Instant NOW = Instant.parse("2027-01-01T00:00:00Z");

    @TempDir
    static Path dir;
    static Study study;
    static Table table;
    static RunContext done;

    @BeforeAll
    static void run() throws Exception {
        String yaml = MultiArmRunTest.STUDY.replace("estimators: [t_ridge, x_xgboost]",
                "estimators: [t_xgboost, t_ridge, s_xgboost]\noverlap: {eta_low: 0.05}");
        // the bundle is written from the fitted models and the valued policies: the stages after the valuation
        // (insights, diagnostics, refutations) do not reach it
        ThreeArmFixture.Run run = ThreeArmFixture.shared(MultiArmRunTest.csv(3), yaml,
                ThreeArmFixture.Scope.THROUGH_EVALUATION);
        study = run.study();
        table = run.table();
        done = run.done();
    }

    private static MultiArmBundle write(String estimator) throws Exception {
        Path out = dir.resolve("model-" + estimator);
        BundleWriter.Written w = MultiArmBundleWriter.write(out, study, done.get(MultiArmStages.RESULT),
                done.get(MultiArmStages.FITTED), PolicyId.of(estimator), NOW);
        assertEquals(PolicyId.of(estimator), w.policy(), w.note());
        return MultiArmBundle.load(out);
    }

    @Test
    void recommendOnTheTestPatientsGivesTheRunsEffectsPropensitiesAndArmsExactly() throws Exception {
        Cohort cohort = done.get(RunSlots.COHORT);
        int[] test = done.get(RunSlots.SPLIT).test();
        Table patients = table.rows(Stats.select(cohort.sourceRows(), test));
        MultiArmPropensity.Output prop = done.get(MultiArmStages.PROPENSITY);
        double[][] e = Stats.select(prop.e(), test);
        boolean[] in = MultiArmEvaluation.select(prop.inOverlap(), test);
        MultiArmRule rule = new MultiArmRule(3, study.policy().defaultArm(), study.policy().margin(),
                study.outcome().sign());
        for (String estimator : List.of("t_xgboost", "t_ridge")) {
            MultiArmBundle bundle = write(estimator);
            assertEquals(List.of("b", "a", "c"), bundle.arms().codes());
            assertEquals(0.05, bundle.overlap().eta());
            double[][] effects = done.get(MultiArmStages.EFFECTS).test().get(estimator);
            int[] arms = rule.arms(effects, in);
            MultiArmRecommender.Result r = MultiArmRecommender.apply(bundle, patients);
            assertEquals(test.length, r.scored());
            int deferred = 0;
            for (int j = 0; j < test.length; j++) {
                MultiArmRecommender.Row row = r.rows().get(j);
                assertEquals(cohort.ids()[test[j]], row.id());
                assertArrayEquals(effects[j], row.effects(), estimator + " row " + j);
                assertArrayEquals(e[j], row.propensity(), estimator + " row " + j);
                assertEquals(arms[j], row.arm(), estimator + " row " + j + ": " + row.reason());
                if (arms[j] == PolicyDecisions.DEFER) {
                    deferred++;
                    assertEquals("DEFER", row.recommendation());
                    assertTrue(row.reason().startsWith("outside overlap"), row.reason());
                } else {
                    assertEquals(bundle.arms().code(arms[j]), row.armCode());
                    assertEquals(bundle.arms().label(arms[j]), row.recommendation());
                }
            }
            assertTrue(deferred < test.length / 2, deferred + " deferred");
            assertTrue(java.util.Arrays.stream(arms).distinct().count() >= 3, "several arms are recommended");
        }
    }

    @Test
    void aBadRowGetsItsOwnErrorAndAPatientOutsideOverlapIsDeferredNamingTheArm() throws Exception {
        MultiArmBundle bundle = write("t_ridge");
        Path csv = Files.writeString(dir.resolve("new.csv"), "id,x1,x2,x3\n"
                + "ok,1.5,0.1,0.2\n"
                + "bad,abc,0.1,0.2\n"
                + "far,0.3,9,0\n");
        MultiArmRecommender.Result r = MultiArmRecommender.apply(bundle, TableReader.read(csv, "--input"));
        assertEquals(2, r.scored());
        MultiArmRecommender.Row ok = r.rows().get(0);
        assertTrue(ok.arm() >= 0 && ok.error().isEmpty(), ok.toString());
        MultiArmRecommender.Row bad = r.rows().get(1);
        assertNull(bad.arm());
        assertTrue(bad.error().contains("'abc' is not a number"), bad.error());
        assertEquals(List.of(2), r.problems().get(0).rows());
        assertTrue(r.problems().get(0).column().equals("x1"));
        MultiArmRecommender.Row far = r.rows().get(2);
        assertEquals(PolicyDecisions.DEFER, far.arm());
        assertEquals("DEFER", far.recommendation());
        double[] p = far.propensity();
        int below = 0;
        for (int a = 0; a < 3; a++) {
            boolean low = p[a] < bundle.overlap().eta();
            below += low ? 1 : 0;
            assertEquals(low, far.reason().contains("P('" + bundle.arms().label(a) + "')"), far.reason());
        }
        assertTrue(below >= 1, far.reason());
        assertEquals(3, far.effects().length, "effects are given for deferred patients too");
    }

    @Test
    void theSelectedPolicyIsBundledAndAPolicyWithoutAModelWritesNone() throws Exception {
        MultiArmResult result = done.get(MultiArmStages.RESULT);
        Path model = dir.resolve("model");
        BundleWriter.Written w = MultiArmBundleWriter.write(model, study, result, done.get(MultiArmStages.FITTED),
                NOW);
        PolicyId selected = result.selection().selected();
        assertEquals(selected, w.policy(), w.note());
        assertTrue(MultiArmBundle.isMultiArm(model));
        CausalRxException e = assertThrows(CausalRxException.class, () -> ModelBundle.load(model));
        assertTrue(e.getMessage().contains("K >= 3 arms"), e.getMessage());
        Path none = dir.resolve("model-none");
        BundleWriter.Written s = MultiArmBundleWriter.write(none, study, result, done.get(MultiArmStages.FITTED),
                PolicyId.of("x_xgboost"), NOW);
        assertNull(s.policy());
        assertTrue(s.note().contains("x_xgboost") && s.note().contains("cannot be bundled"), s.note());
        assertFalse(Files.exists(none), "nothing is written");
    }
}
