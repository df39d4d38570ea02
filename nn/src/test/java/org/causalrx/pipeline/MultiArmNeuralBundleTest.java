package org.causalrx.pipeline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

import org.causalrx.bundle.BundleWriter;
import org.causalrx.bundle.MultiArmBundle;
import org.causalrx.bundle.MultiArmBundleWriter;
import org.causalrx.bundle.MultiArmRecommender;
import org.causalrx.data.Table;
import org.causalrx.data.TableReader;
import org.causalrx.policy.PolicyDecisions;
import org.causalrx.result.DeferralSet;
import org.causalrx.result.PolicyId;
import org.causalrx.study.Cohort;
import org.causalrx.study.Study;
import org.causalrx.study.StudyLoader;
import org.causalrx.util.Stats;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A K = 3 run whose estimators are a small {@code tarnet} and the registered {@code dragonnet} (softmax propensity
 * head, targeted-regularisation weight 0), with Conservative deferral (two bootstrap refits): the run's selected
 * policy is bundled (no fallback), and each learned policy's bundle (Inclusive and Conservative, the latter with its
 * neural refits), loaded and applied to the run's own test patients, gives exactly the run's effects, propensities
 * and decisions.
 */
@Tag("slow")
class MultiArmNeuralBundleTest {
    private static final Instant NOW = Instant.parse("2027-01-01T00:00:00Z");
    private static final String STUDY = """
            name: three-arms-tarnet
            data: data.csv
            id: id
            treatment: {column: arm, arms: {a: "arm a", b: "arm b", c: "arm c"}, reference: b}
            outcome: {column: y, type: continuous, direction: lower}
            covariates:
              - {name: x1, role: effect_modifier}
              - {name: x2, role: confounder}
              - {name: x3, role: confounder}
            split: {train: 0.6, validation: 0.2, test: 0.2}
            seed: 5
            bootstrap: {rounds: 50}
            overlap: {eta_low: 0.05}
            deferral: {alpha_stat: 0.1, bootstrap_refits: 2}
            estimators:
              - {name: tarnet, params: {hidden: 16, head_hidden: 8, max_epochs: 10, patience: 3, members: 1}}
              - {name: dragonnet, params: {hidden: 16, head_hidden: 8, max_epochs: 5, patience: 3, members: 1}}
            """;

    @TempDir
    static Path dir;
    static Study study;
    static Table table;
    static RunContext done;

    /** 600 patients: confounded arms b (reference), a, c; arm a is better for x1 < 0.5, arm c for x1 > −0.5. */
    @BeforeAll
    static void run() throws Exception {
        SplittableRandom r = new SplittableRandom(3);
        StringBuilder csv = new StringBuilder("id,arm,y,x1,x2,x3\n");
        String[] codes = {"b", "a", "c"};
        for (int i = 0; i < 600; i++) {
            double x1 = r.nextGaussian();
            double x2 = r.nextGaussian();
            double x3 = r.nextGaussian();
            double[] w = {1, Math.exp(0.6 * x2), Math.exp(-0.6 * x2 + 0.3 * x3)};
            double u = r.nextDouble() * (w[0] + w[1] + w[2]);
            int arm = u < w[0] ? 0 : u < w[0] + w[1] ? 1 : 2;
            double[] mu = {x2, x2 - 2 * Math.max(0.5 - x1, 0) + 0.5, x2 - 2 * Math.max(x1 + 0.5, 0) + 0.5};
            csv.append(String.format(Locale.ROOT, "p%d,%s,%.5f,%.5f,%.5f,%.5f%n", i, codes[arm],
                    mu[arm] + 0.5 * r.nextGaussian(), x1, x2, x3));
        }
        Files.writeString(dir.resolve("data.csv"), csv);
        study = StudyLoader.load(Files.writeString(dir.resolve("study.yaml"), STUDY));
        table = TableReader.read(study.data());
        // the bundle is written from the fitted models and the valued policies: the later stages do not reach it
        RunEngine engine = MultiArmStages.engine(false).without("insights").without("diagnostics")
                .without(RefutationStage.NAME);
        done = engine.run(RunContext.of(study, table), Progress.NONE);
    }

    @Test
    void theSelectedNeuralPolicyIsBundled() throws Exception {
        MultiArmResult result = done.get(MultiArmStages.RESULT);
        BundleWriter.Written w = MultiArmBundleWriter.write(dir.resolve("model"), study, result,
                done.get(MultiArmStages.FITTED), NOW);
        assertEquals(result.selection().selected(), w.policy(), w.note());
        assertTrue(List.of("tarnet", "dragonnet").contains(w.policy().estimator()), w.policy().toString());
    }

    @Test
    void eachNeuralPolicysBundleReproducesTheRunsEffectsAndDecisions() throws Exception {
        Cohort cohort = done.get(RunSlots.COHORT);
        int[] test = done.get(RunSlots.SPLIT).test();
        Table patients = table.rows(Stats.select(cohort.sourceRows(), test));
        double[][] e = Stats.select(done.get(MultiArmStages.PROPENSITY).e(), test);
        List<PolicyDecisions> policies = done.get(MultiArmStages.VALUED).policies();
        List<PolicyId> learned = policies.stream().map(PolicyDecisions::id).filter(id -> id.kind().learned())
                .toList();
        assertEquals(List.of("tarnet", "dragonnet", "tarnet", "dragonnet"), learned.stream()
                .map(PolicyId::estimator).toList(), "Inclusive then Conservative per estimator");
        for (PolicyId id : learned) {
            double[][] effects = done.get(MultiArmStages.EFFECTS).test().get(id.estimator());
            Path out = dir.resolve("model-" + id.name().replace('@', '-'));
            BundleWriter.Written w = MultiArmBundleWriter.write(out, study, done.get(MultiArmStages.RESULT),
                    done.get(MultiArmStages.FITTED), id, NOW);
            assertEquals(id, w.policy(), w.note());
            MultiArmBundle bundle = MultiArmBundle.load(out);
            assertEquals(id.set() == DeferralSet.CONSERVATIVE, bundle.conservative() != null, id.name());
            int[] want = policies.stream().filter(p -> p.id().equals(id)).findFirst().orElseThrow().arms();
            MultiArmRecommender.Result r = MultiArmRecommender.apply(bundle, patients);
            assertEquals(test.length, r.scored());
            int recommended = 0;
            for (int j = 0; j < test.length; j++) {
                MultiArmRecommender.Row row = r.rows().get(j);
                assertArrayEquals(effects[j], row.effects(), id + " row " + j);
                assertArrayEquals(e[j], row.propensity(), id + " row " + j);
                assertEquals(want[j], row.arm(), id + " row " + j + ": " + row.reason());
                recommended += row.arm() == PolicyDecisions.DEFER ? 0 : 1;
            }
            assertTrue(recommended > 0, id + " recommends an arm to some test patients");
        }
    }
}
