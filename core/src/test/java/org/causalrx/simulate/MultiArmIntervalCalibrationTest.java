package org.causalrx.simulate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.IntStream;

import org.causalrx.bundle.MultiArmBundle;
import org.causalrx.bundle.MultiArmBundleWriter;
import org.causalrx.bundle.MultiArmRecommender;
import org.causalrx.causal.uncertainty.IntervalCalibration;
import org.causalrx.data.TableReader;
import org.causalrx.pipeline.IntervalCoverage;
import org.causalrx.pipeline.MultiArmContrastCoverage;
import org.causalrx.pipeline.MultiArmReplay;
import org.causalrx.pipeline.MultiArmResult;
import org.causalrx.pipeline.MultiArmSimulation;
import org.causalrx.pipeline.MultiArmStages;
import org.causalrx.pipeline.Progress;
import org.causalrx.pipeline.ResultsJson;
import org.causalrx.pipeline.RunContext;
import org.causalrx.pipeline.RunEngine;
import org.causalrx.pipeline.RunSlots;
import org.causalrx.pipeline.Stage;
import org.causalrx.result.DeferralSet;
import org.causalrx.result.PolicyId;
import org.causalrx.run.MultiArmEngine;
import org.causalrx.study.Study;
import org.causalrx.study.StudyLoader;
import org.causalrx.util.Seeds;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * Calibration of the K-arm deferral intervals by the feasibility simulation, on the K = 3 design of
 * {@link MultiArmFeasibilityTest} with the ridge T-learner and only 3 bootstrap refits, whose 90 % intervals of
 * tau_best − tau_second under-cover the true contrast (three draws span too little; the ridge penalty biases the
 * effects). The simulation runs before the deferral step and its factor (> 1) widens the run's intervals; on fresh
 * simulated outcomes (seeds the calibration never saw) the widened intervals cover the true contrast closer to 90 %
 * than the intervals as fit. Same seed ⇒ identical results.json.
 */
@Tag("slow")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MultiArmIntervalCalibrationTest {
    private static final String DEFERRAL = "deferral: {alpha_stat: 0.1, bootstrap_refits: 3}\n";
    private static final int FRESH = 4;
    private static final Instant NOW = Instant.parse("2027-01-01T00:00:00Z");

    @TempDir
    static Path dir;

    private RunContext calibrated;

    /** The K = 3 study with the deferral block, with or without its simulation block (3 seeds). */
    static String study(boolean simulation) {
        String yaml = MultiArmFeasibilityTest.study("1.5").replace("seeds: 2", "seeds: 3");
        return (simulation ? yaml : yaml.lines().filter(l -> !l.startsWith("simulation:"))
                .map(l -> l + "\n").reduce("", String::concat)) + DEFERRAL;
    }

    /** The run (no insights, diagnostics or refutations: they read neither the deferral nor the simulation). */
    static RunContext run(Path where, String yaml) throws Exception {
        RunEngine engine = MultiArmEngine.of(false).without("insights").without("diagnostics").without("refutation");
        Files.createDirectories(where);
        Files.writeString(where.resolve("data.csv"), MultiArmFeasibilityTest.csv(4));
        Study s = StudyLoader.load(Files.writeString(where.resolve("study.yaml"), yaml));
        return engine.run(RunContext.of(s, TableReader.read(s.data())), Progress.NONE);
    }

    private RunContext calibrated() throws Exception {
        if (calibrated == null) {
            calibrated = run(dir.resolve("calibrated"), study(true));
        }
        return calibrated;
    }

    @Test
    void theSimulationRunsBeforeTheDeferralAndWidensItsIntervals() throws Exception {
        RunContext c = calibrated();
        MultiArmResult r = c.get(MultiArmStages.RESULT);
        MultiArmSimulation sim = r.simulation();
        assertNotNull(sim, "the simulation is in the result");
        assertEquals(3, sim.intervals().size(), "one interval record per seed for t_ridge");
        assertEquals(1, sim.intervalSummaries().size());
        IntervalCalibration cal = c.get(RunSlots.CALIBRATION);
        assertEquals(cal, MultiArmFeasibility.calibration(sim), "the run's calibration is the simulation's");
        double f = cal.factor("t_ridge");
        assertTrue(f > 1, "3 refits under-cover, so the factor exceeds 1: " + f + " " + sim.intervalSummaries());
        assertTrue(sim.intervalSummaries().get(0).coverage() < 0.9, sim.intervalSummaries().toString());
        assertEquals(f, r.deferral().calibration().factor("t_ridge"), 0.0, "results.json deferral.calibration");
        assertEquals(cal.source(), r.deferral().calibration().source());
        assertEquals(f, c.get(MultiArmStages.FITTED).calibration().factor("t_ridge"), 0.0, "the bundle's factor");

        MultiArmResult plain = run(dir.resolve("plain"), study(false)).get(MultiArmStages.RESULT);
        assertEquals("none", plain.deferral().calibration().source());
        assertTrue(plain.deferral().calibration().factors().isEmpty());
        int widened = r.deferral().policies().get(0).uncertain();
        int asFit = plain.deferral().policies().get(0).uncertain();
        assertTrue(widened > asFit, "wider intervals defer more patients as uncertain: " + widened + " vs " + asFit);
    }

    @Test
    void theBundleWidensItsIntervalsAsTheRunDid() throws Exception {
        RunContext c = calibrated();
        MultiArmResult r = c.get(MultiArmStages.RESULT);
        PolicyId id = new PolicyId("t_ridge", DeferralSet.CONSERVATIVE);
        Path out = dir.resolve("model");
        assertEquals(id, MultiArmBundleWriter.write(out, c.study(), r, c.get(MultiArmStages.FITTED), id, NOW)
                .policy());
        MultiArmBundle bundle = MultiArmBundle.load(out);
        assertEquals(c.get(RunSlots.CALIBRATION).factor("t_ridge"), bundle.conservative().intervalScale(), 0.0);
        // the test patients (cohort index = data row: the data has no missing values)
        SimulationCohort cohort = SimulationCohort.of(c.study(), c.table());
        assertEquals(c.table().rowCount(), cohort.size());
        int[] test = MultiArmReplay.of(c, FeasibilityStudy.simulatedStudy(c.study()), cohort.outcome(), false)
                .testPatients();
        MultiArmRecommender.Result rec = MultiArmRecommender.apply(bundle, c.table().rows(test));
        long uncertain = rec.rows().stream().filter(x -> x.reason().startsWith("uncertain between '")).count();
        assertEquals(r.deferral().policies().get(0).uncertain(), uncertain, "the bundle defers the run's patients");
        assertTrue(rec.rows().stream().anyMatch(x -> x.reason().contains("(calibrated, \u00d7")));
    }

    @Test
    void onFreshSimulatedDataTheCalibratedIntervalsCoverCloserToNominal() throws Exception {
        RunContext c = calibrated();
        Study study = c.study();
        MultiArmSimulation sim = c.get(MultiArmStages.RESULT).simulation();
        IntervalCalibration cal = c.get(RunSlots.CALIBRATION);
        SimulationCohort cohort = SimulationCohort.of(study, c.table());
        OutcomeSimulator simulator = new FeasibilitySettings(List.of("linear"), sim.lambda(), sim.effect(), FRESH)
                .simulator("linear", sim.effect());
        Study simulated = FeasibilityStudy.simulatedStudy(study).withDeferral(study.deferral());
        int[] all = IntStream.range(0, cohort.size()).toArray();
        double asFit = 0;
        double widened = 0;
        for (int j = 0; j < FRESH; j++) {
            ArmOutcomes po = simulator.simulateArms(cohort, 3, Seeds.derive(study.seed(), "fresh-outcomes-" + j));
            double[] y = po.factual(cohort.treatment());
            IntervalCoverage.Row a = MultiArmContrastCoverage.measure(c, simulated, y, po.effects(all), false,
                    IntervalCalibration.NONE).get(0);
            IntervalCoverage.Row b = MultiArmContrastCoverage.measure(c, simulated, y, po.effects(all), false, cal)
                    .get(0);
            assertTrue(b.coverage() >= a.coverage() && b.meanWidth() > a.meanWidth(), a + " vs " + b);
            asFit += a.coverage() / FRESH;
            widened += b.coverage() / FRESH;
        }
        System.err.printf("K-arm calibration: factor %.3f; fresh coverage %.3f -> %.3f (nominal 0.9)%n",
                cal.factor("t_ridge"), asFit, widened);
        assertTrue(asFit < 0.9, "as fit the intervals under-cover: " + asFit);
        assertTrue(Math.abs(widened - 0.9) < Math.abs(asFit - 0.9), "calibrated " + widened + " vs as fit " + asFit);
    }

    @Test
    void withoutDeferralTheCalibrationStageDoesNotApply() throws Exception {
        Study noDeferral = StudyLoader.load(Files.writeString(Files.createDirectories(dir.resolve("nodef"))
                .resolve("study.yaml"), MultiArmFeasibilityTest.study("1.5")));
        assertFalse(new MultiArmFeasibilityStage(FeasibilityStage.When.BEFORE, false).appliesTo(noDeferral));
        assertTrue(new MultiArmFeasibilityStage(FeasibilityStage.When.AFTER, false).appliesTo(noDeferral));
        assertFalse(new MultiArmFeasibilityStage.Attach().appliesTo(noDeferral));
        Study withDeferral = calibrated().study();
        assertTrue(new MultiArmFeasibilityStage(FeasibilityStage.When.BEFORE, false).appliesTo(withDeferral));
        assertFalse(new MultiArmFeasibilityStage(FeasibilityStage.When.AFTER, false).appliesTo(withDeferral));
        List<String> names = MultiArmEngine.of(false).stages().stream().map(Stage::name).toList();
        assertEquals(names.indexOf("uncertainty") - 1, names.indexOf("simulation"), names.toString());
        assertEquals(List.of("simulation (after)", "simulation (attach)"), names.subList(names.size() - 2,
                names.size()));
    }

    @Test
    void sameSeedGivesIdenticalResultsWithCalibration() throws Exception {
        assertEquals(ResultsJson.write(calibrated().get(MultiArmStages.RESULT)),
                ResultsJson.write(run(dir.resolve("again"), study(true)).get(MultiArmStages.RESULT)));
    }
}
