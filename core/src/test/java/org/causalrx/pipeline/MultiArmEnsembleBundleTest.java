package org.causalrx.pipeline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.causalrx.bundle.BundleWriter;
import org.causalrx.bundle.MultiArmBundle;
import org.causalrx.bundle.MultiArmBundleWriter;
import org.causalrx.bundle.MultiArmRecommender;
import org.causalrx.causal.MultiArmCateModel;
import org.causalrx.data.Table;
import org.causalrx.data.TableReader;
import org.causalrx.learn.MultiProbabilityModel;
import org.causalrx.policy.PolicyDecisions;
import org.causalrx.result.DeferralSet;
import org.causalrx.result.PolicyId;
import org.causalrx.result.PolicyKind;
import org.causalrx.study.Cohort;
import org.causalrx.study.Study;
import org.causalrx.study.StudyLoader;
import org.causalrx.util.Stats;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A K = 3 run with every built-in K-arm estimator family, the average, majority, consensus and Conservative deferral:
 * each learned policy's bundle, applied to the run's own test patients, gives exactly the run's effects, propensities
 * and decisions (Inclusive, Conservative and consensus); consensus deferrals name the arms the members picked,
 * Conservative deferrals the two arms compared. A cheap study run twice gives byte-identical results.json with the
 * consensus and average policies in it.
 */
@Tag("slow")
class MultiArmEnsembleBundleTest {
    private static final Instant NOW = Instant.parse("2027-01-01T00:00:00Z");
    private static final List<String> SINGLES = List.of("t_ridge", "s_xgboost", "x_xgboost", "dr_xgboost",
            "causal_forest");

    @TempDir
    static Path dir;
    static ThreeArmFixture.Run run;
    static Study study;
    static RunContext done;

    @BeforeAll
    static void run() throws Exception {
        String yaml = MultiArmRunTest.STUDY.replace("estimators: [t_ridge, x_xgboost]",
                "estimators: [" + String.join(", ", SINGLES) + ", average, majority, consensus]\n"
                + "overlap: {eta_low: 0.05}\ndeferral: {alpha_stat: 0.1, bootstrap_refits: 3}")
                .replace("rounds: 300", "rounds: 50");
        // the bundles are written from the fitted models and the valued policies: the stages after the valuation
        // (insights, diagnostics, refutations) do not reach them
        run = ThreeArmFixture.shared(MultiArmRunTest.csv(3), yaml, ThreeArmFixture.Scope.THROUGH_EVALUATION);
        study = run.study();
        done = run.done();
    }

    @Test
    void everyLearnedPolicysBundleReproducesTheRunsDecisionsOnTheTestPatients() throws Exception {
        Cohort cohort = done.get(RunSlots.COHORT);
        int[] test = done.get(RunSlots.SPLIT).test();
        Table patients = run.table().rows(Stats.select(cohort.sourceRows(), test));
        double[][] e = Stats.select(done.get(MultiArmStages.PROPENSITY).e(), test);
        List<PolicyDecisions> runPolicies = done.get(MultiArmStages.VALUED).policies();
        List<PolicyId> learned = runPolicies.stream().map(PolicyDecisions::id).filter(id -> id.kind().learned())
                .toList();
        assertEquals(2 * (SINGLES.size() + 2) + 1, learned.size(), learned.toString());
        int disagreements = 0;
        int uncertain = 0;
        for (PolicyId id : learned) {
            Path out = dir.resolve("model-" + id.name().replace('@', '-'));
            BundleWriter.Written w = MultiArmBundleWriter.write(out, study, done.get(MultiArmStages.RESULT),
                    done.get(MultiArmStages.FITTED), id, NOW);
            assertEquals(id, w.policy(), w.note());
            MultiArmBundle bundle = MultiArmBundle.load(out);
            assertEquals(id.set() == DeferralSet.CONSERVATIVE, bundle.conservative() != null, id.name());
            int[] want = runPolicies.stream().filter(p -> p.id().equals(id)).findFirst().orElseThrow().arms();
            double[][] effects = done.get(MultiArmStages.EFFECTS).test()
                    .get(id.kind() == PolicyKind.CONSENSUS ? "average" : id.estimator());
            MultiArmRecommender.Result r = MultiArmRecommender.apply(bundle, patients);
            assertEquals(test.length, r.scored());
            for (int j = 0; j < test.length; j++) {
                MultiArmRecommender.Row row = r.rows().get(j);
                assertArrayEquals(effects[j], row.effects(), id + " row " + j);
                assertArrayEquals(e[j], row.propensity(), id + " row " + j);
                assertEquals(want[j], row.arm(), id + " row " + j + ": " + row.reason());
                if (row.reason().startsWith("members disagree: ")) {
                    disagreements++;
                    assertEquals(PolicyDecisions.DEFER, row.arm());
                    assertTrue(row.reason().contains("'arm ") && row.reason().contains(" vs "), row.reason());
                    SINGLES.forEach(s -> assertTrue(row.reason().contains(s), row.reason()));
                }
                if (row.reason().startsWith("uncertain between '")) {
                    uncertain++;
                    assertEquals(PolicyDecisions.DEFER, row.arm());
                }
            }
        }
        assertTrue(disagreements > 0, "the five members disagree on some test patients");
        assertTrue(uncertain > 0, "three refits leave some test patients uncertain");
    }

    @Test
    void whenTheSelectedPolicyCannotBeBundledTheBestOneThatCanIsWritten() throws Exception {
        MultiArmResult result = done.get(MultiArmStages.RESULT);
        MultiArmFitted fitted = done.get(MultiArmStages.FITTED);
        PolicyId selected = result.selection().selected();
        // the selected policy's estimator (or, for consensus, its first member) gets a model without a codec
        String hidden = selected.kind() == PolicyKind.CONSENSUS ? SINGLES.get(0) : selected.estimator();
        Map<String, MultiArmCateModel> models = new LinkedHashMap<>(fitted.cateModels());
        MultiArmCateModel real = models.get(hidden);
        models.put(hidden, new MultiArmCateModel() {
            @Override
            public int arms() {
                return real.arms();
            }

            @Override
            public double[][] effects(double[][] x) {
                return real.effects(x);
            }
        });
        MultiArmFitted opaque = new MultiArmFitted(fitted.encoding(), fitted.textColumns(), fitted.propensityName(),
                fitted.propensity(), fitted.overlap(), models, fitted.alphaStat(), fitted.refits());
        Path out = dir.resolve("fallback");
        BundleWriter.Written w = MultiArmBundleWriter.write(out, study, result, opaque, NOW);
        assertNotNull(w.policy(), w.note());
        assertNotEquals(selected, w.policy());
        assertTrue(w.note().contains("the selected policy " + selected + " cannot be yet (" + hidden), w.note());
        // every policy the selection ranks above the written one cannot be bundled; the written one can
        int sign = study.outcome().sign();
        double writtenDr = value(result, w.policy());
        for (MultiArmResult.SelectionValue v : result.selection().values()) {
            boolean above = v.policy().equals(selected) || sign * v.dr() > sign * writtenDr;
            if (above) {
                BundleWriter.Written alone = MultiArmBundleWriter.write(dir.resolve("alone-" + v.policy().name()
                        .replace('@', '-')), study, result, opaque, v.policy(), NOW);
                assertNull(alone.policy(), v.policy() + " ranks above " + w.policy() + ": " + alone.note());
            }
        }
        MultiArmBundle bundle = MultiArmBundle.load(out);
        assertEquals(w.policy(), bundle.policy());
        assertFalse(Files.exists(dir.resolve("nothing")));
        BundleWriter.Written none = MultiArmBundleWriter.write(dir.resolve("nothing"), study, result,
                new MultiArmFitted(fitted.encoding(), fitted.textColumns(), fitted.propensityName(),
                        new OpaquePropensity(fitted.propensity()), fitted.overlap(), fitted.cateModels(),
                        fitted.alphaStat(), fitted.refits()), NOW);
        assertNull(none.policy(), none.note());
        assertTrue(none.note().startsWith("no model bundle written: no learned policy can be bundled yet"),
                none.note());
        assertFalse(Files.exists(dir.resolve("nothing")), "nothing is written when no policy can be bundled");
    }

    /** A propensity model without a codec, predicting as {@code inner}. */
    private record OpaquePropensity(MultiProbabilityModel inner) implements MultiProbabilityModel {
        @Override
        public int classes() {
            return inner.classes();
        }

        @Override
        public double[][] predictProba(double[][] x) {
            return inner.predictProba(x);
        }
    }

    private static double value(MultiArmResult result, PolicyId id) {
        return result.selection().values().stream().filter(v -> v.policy().equals(id)).findFirst().orElseThrow()
                .dr();
    }

    @Test
    void consensusAndAverageAreValuedAndTheSameSeedGivesTheSameResults() throws Exception {
        Path d2 = Files.createDirectories(dir.resolve("twice"));
        Files.writeString(d2.resolve("data.csv"), MultiArmRunTest.csv(4));
        Study s = StudyLoader.load(Files.writeString(d2.resolve("study.yaml"), MultiArmRunTest.STUDY.replace(
                "estimators: [t_ridge, x_xgboost]", "estimators: [t_ridge, t_lasso, average, consensus]")
                .replace("rounds: 300", "rounds: 50")));
        List<String> json = new ArrayList<>();
        for (int k = 0; k < 2; k++) {
            // without the refutation stage, which reads none of the estimators (AteRefuterTest compares its
            // parallel and serial draws, MultiArmRunTest its same-seed results)
            RunContext c = ThreeArmFixture.Scope.WITHOUT_REFUTATION.engine(k == 1).run(RunContext.of(s,
                    TableReader.read(s.data())), Progress.NONE);
            json.add(ResultsJson.write(c.get(MultiArmStages.RESULT)));
            MultiArmResult r = c.get(MultiArmStages.RESULT);
            MultiArmResult.PolicyValue consensus = r.policies().stream()
                    .filter(p -> p.name().equals(PolicyId.of("consensus"))).findFirst().orElseThrow();
            assertEquals(PolicyKind.CONSENSUS, consensus.kind());
            assertTrue(Double.isFinite(consensus.pointDr()), consensus.toString());
            assertTrue(consensus.description().contains("t_ridge, t_lasso"), consensus.description());
            assertTrue(r.estimators().stream().anyMatch(x -> x.name().equals("average")), "average has effects");
        }
        assertEquals(json.get(0), json.get(1));
        assertTrue(json.get(0).contains("\"consensus\""), "results.json lists the consensus policy");
    }
}
