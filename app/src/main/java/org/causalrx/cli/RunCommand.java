package org.causalrx.cli;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.causalrx.bundle.BundleWriter;
import org.causalrx.causal.uncertainty.IntervalCalibration;
import org.causalrx.data.Table;
import org.causalrx.data.TableReader;
import org.causalrx.pipeline.ResultsJson;
import org.causalrx.pipeline.RunOutput;
import org.causalrx.pipeline.StudyRun;
import org.causalrx.report.ReportWriter;
import org.causalrx.report.SimulationReport;
import org.causalrx.result.ExitStatus;
import org.causalrx.simulate.FeasibilityResult;
import org.causalrx.simulate.FeasibilitySettings;
import org.causalrx.simulate.FeasibilityStudy;
import org.causalrx.verdict.ExitPoints;
import org.causalrx.study.Study;
import org.causalrx.study.StudyLoader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Runs a study end to end and writes results.json, tables, figures, report.html and the model bundle atomically. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Run a study end to end: propensity and overlap, T-learners, policies, held-out values, report.")
final class RunCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "STUDY", description = "the study YAML file")
    Path studyFile;

    @Option(names = "--out", paramLabel = "DIR", description = "output folder (default: runs/<study name>)")
    Path out;

    @Option(names = "--rounds", paramLabel = "N", description = "bootstrap rounds (default: the study's, else 10000)")
    Integer rounds;

    @Option(names = OutputTarget.FLAG, description = "replace DIR when it holds an earlier CausalRx output (its "
            + OutputDir.MARKER + " marker lists everything in it); anything else is never replaced")
    boolean overwrite;

    /**
     * Stages reported by {@link StudyRun} plus writing (one more, "uncertainty", when deferral is on, and one,
     * "cross-fit", when the study asks for cross-fitted policy values).
     */
    static final int STAGES = 10;

    @Override
    public Integer call() {
        Study study = StudyLoader.load(studyFile);
        Path target = out != null ? out : Path.of("runs", study.name());
        OutputTarget where = new OutputTarget(target, OutputKind.FOLDER, overwrite, "run",
                List.of(studyFile, study.data()));
        where.check();
        ConsoleProgress progress = ConsoleProgress.forStdout(STAGES + (study.deferral() == null ? 0 : 1)
                + (study.policyEvaluation().crossFit() ? 1 : 0));
        if (rounds != null) {
            study = Studies.withRounds(study, rounds);
        }
        Table table = TableReader.read(study.data());
        FeasibilityResult simulation = null;
        Study.Simulation sim = study.simulation();
        // with deferral on, the simulation runs first: it calibrates the intervals the deferral uses
        if (sim != null && study.deferral() != null) {
            simulation = simulate(study, table, sim);
        }
        IntervalCalibration calibration = simulation == null ? IntervalCalibration.NONE
                : FeasibilityStudy.calibration(simulation);
        RunOutput output = new StudyRun().run(study, table, progress, calibration);
        if (sim != null && simulation == null) {
            simulation = simulate(study, table, sim);
        }
        Study study0 = study;
        List<ExitPoints.ExitPoint> exits = ExitPoints.evaluate(output.result(), simulation);
        progress.stage("write", "results.json, tables, figures, report.html and model/ into " + target);
        FeasibilityResult sim2 = simulation;
        BundleWriter.Written[] bundle = new BundleWriter.Written[1];
        // results.json is written last of all, so a folder without it never looks like a finished run
        OutputDir.write(where, dir -> {
            bundle[0] = BundleWriter.write(dir.resolve("model"), study0, output, java.time.Instant.now());
            if (sim2 != null) {
                SimulationReport.write(sim2, dir);
            }
            ReportWriter.write(output.result(), output.figures(), sim2, exits, dir);
        }, "results.json", ResultsJson.write(output.result()).getBytes(StandardCharsets.UTF_8));
        System.out.println(bundle[0].note());
        output.result().dataWarnings().forEach(w -> System.out.println("warning: " + w));
        for (ExitPoints.ExitPoint e : exits) {
            if (e.status() != ExitStatus.OK) {
                System.out.println(e.status() + " at step " + e.step() + ": " + e.finding());
            }
        }
        System.out.printf(Locale.ROOT, "done in %.1f s: %s%n", progress.elapsedSeconds(),
                target.resolve("report.html"));
        return 0;
    }

    private static FeasibilityResult simulate(Study study, Table table, Study.Simulation sim) {
        FeasibilitySettings settings = new FeasibilitySettings(sim.forms(), sim.lambda(), sim.effect(), sim.seeds());
        return new FeasibilityStudy().run(study.withSeedAndRounds(study.seed(), sim.rounds()), table, settings,
                ConsoleProgress.forStdout(sim.seeds() * sim.forms().size()));
    }
}
