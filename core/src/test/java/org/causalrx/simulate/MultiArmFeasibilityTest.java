package org.causalrx.simulate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.SplittableRandom;

import org.causalrx.data.TableReader;
import org.causalrx.pipeline.MultiArmResult;
import org.causalrx.pipeline.MultiArmSimulation;
import org.causalrx.pipeline.MultiArmStages;
import org.causalrx.pipeline.Progress;
import org.causalrx.pipeline.ResultsJson;
import org.causalrx.pipeline.RunContext;
import org.causalrx.pipeline.RunEngine;
import org.causalrx.run.MultiArmEngine;
import org.causalrx.study.Study;
import org.causalrx.study.StudyLoader;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The K = 3 feasibility simulation through the whole K-arm run: with a linear true effect per arm and the ridge
 * T-learner the three checks pass and each arm's true effect is recovered; with a negligible effect the estimated
 * values cannot track the true ones and check 1 fails; the same seed gives byte-identical results.json.
 */
@Tag("slow")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MultiArmFeasibilityTest {
    private static final int N = 1500;

    @TempDir
    static Path dir;

    /** Arms "b" (reference), "a", "c" given by x2 (confounding); the real outcome sets the simulated scale. */
    static String csv(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        StringBuilder sb = new StringBuilder("id,arm,y,x1,x2,x3\n");
        String[] codes = {"b", "a", "c"};
        for (int i = 0; i < N; i++) {
            double x1 = r.nextGaussian();
            double x2 = r.nextGaussian();
            double x3 = r.nextGaussian();
            double[] e = {1, Math.exp(0.6 * x2), Math.exp(-0.6 * x2)};
            double u = r.nextDouble() * (e[0] + e[1] + e[2]);
            int arm = u < e[0] ? 0 : u < e[0] + e[1] ? 1 : 2;
            double y = x1 + x2 + 0.5 * arm + r.nextGaussian();
            sb.append(String.format(Locale.ROOT, "p%d,%s,%.5f,%.5f,%.5f,%.5f%n", i, codes[arm], y, x1, x2, x3));
        }
        return sb.toString();
    }

    static String study(String effect) {
        return """
                name: three-arm-simulation
                data: data.csv
                id: id
                treatment: {column: arm, arms: {a: "arm a", b: "arm b", c: "arm c"}, reference: b}
                outcome: {column: y, type: continuous, direction: lower}
                covariates:
                  - {name: x1, role: effect_modifier}
                  - {name: x2, role: confounder}
                  - {name: x3, role: confounder}
                split: {train: 0.6, validation: 0.2, test: 0.2}
                seed: 17
                bootstrap: {rounds: 100}
                estimators: [t_ridge]
                simulation: {forms: [linear], lambda: 0.5, seeds: 2, rounds: 100%s}
                """.formatted(effect == null ? "" : ", effect: " + effect);
    }

    /** The run with effect 1.5, shared by the tests (computed by the first that needs it). */
    private MultiArmResult linear;

    private MultiArmResult linear() throws Exception {
        if (linear == null) {
            linear = run(Files.createDirectories(dir.resolve("linear")), "1.5");
        }
        return linear;
    }

    /**
     * The run of {@code study(effect)} and its simulation, without the stages the simulation does not read (it
     * replays the cohort, split, encoding and propensity stages' output): policy insights, diagnostics and
     * refutations (MultiArmRunTest checks their same-seed results).
     */
    static MultiArmResult run(Path dir, String effect) throws Exception {
        RunEngine engine = MultiArmEngine.of(false).without("insights").without("diagnostics").without("refutation");
        Files.writeString(dir.resolve("data.csv"), csv(4));
        Study s = StudyLoader.load(Files.writeString(dir.resolve("study.yaml"), study(effect)));
        RunContext done = engine.run(RunContext.of(s, TableReader.read(s.data())), Progress.NONE);
        return done.get(MultiArmStages.RESULT);
    }

    @Test
    void withALinearEffectTheChecksPassAndEachArmsEffectIsRecovered() throws Exception {
        MultiArmSimulation sim = linear().simulation();
        assertEquals(3, sim.checks().size());
        sim.checks().forEach(c -> assertTrue(c.passed(), c.name() + ": " + c.detail()));
        assertTrue(sim.intervals().isEmpty() && sim.intervalSummaries().isEmpty(), "without deferral no intervals");
        assertEquals(2, sim.armEffects().size(), "one row per non-reference arm");
        for (MultiArmSimulation.ArmEffect a : sim.armEffects()) {
            assertTrue(a.rmse() < 0.25 * sim.effect(), a.arm() + ": sqrt-PEHE " + a.rmse() + " vs C " + sim.effect());
            assertTrue(a.correlation() > 0.9, a.arm() + ": correlation " + a.correlation());
            assertEquals(a.trueMean(), a.estimatedMean(), 0.25 * sim.effect(), a.arm() + ": mean effect");
        }
        for (int seed = 0; seed < 2; seed++) {
            final int k = seed;
            MultiArmSimulation.PolicyRecord opt = sim.records().stream().filter(r -> r.seed() == k
                    && r.policy().equals(FeasibilityResult.OPTIMAL)).findFirst().orElseThrow();
            assertEquals(0.0, opt.regret());
            assertEquals(1.0, opt.armShares().stream().mapToDouble(Double::doubleValue).sum() + opt.deferredShare(),
                    1e-12);
        }
    }

    @Test
    void withANegligibleEffectTheEstimatedValuesCannotTrackTheTrueOnes() throws Exception {
        MultiArmSimulation sim = run(Files.createDirectories(dir.resolve("negligible")), "0.001").simulation();
        assertFalse(sim.checks().get(0).passed(), sim.checks().get(0).detail());
        assertFalse(sim.allPassed());
    }

    @Test
    void sameSeedGivesIdenticalResults() throws Exception {
        Path again = Files.createDirectories(dir.resolve("again"));
        assertEquals(ResultsJson.write(linear()), ResultsJson.write(run(again, "1.5")));
    }
}
