package org.causalrx.cli;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.causalrx.bundle.BundleWriter;
import org.causalrx.bundle.MultiArmBundleWriter;
import org.causalrx.cohort.CohortExtractor;
import org.causalrx.data.Table;
import org.causalrx.data.TableReader;
import org.causalrx.pipeline.MultiArmResult;
import org.causalrx.pipeline.MultiArmStages;
import org.causalrx.pipeline.ResultsJson;
import org.causalrx.pipeline.RunContext;
import org.causalrx.pipeline.RunEngine;
import org.causalrx.pipeline.RunOutput;
import org.causalrx.report.MultiArmReport;
import org.causalrx.report.MultiArmSimulationSection;
import org.causalrx.report.ReportWriter;
import org.causalrx.run.CompletedRun;
import org.causalrx.run.MultiArmEngine;
import org.causalrx.run.StudyEngine;
import org.causalrx.report.SimulationReport;
import org.causalrx.result.ExitStatus;
import org.causalrx.simulate.FeasibilityResult;
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

    @Option(names = "--engine", paramLabel = "ENGINE", description = "local (default), or spark: the study on Apache "
            + "Spark (bin/causalrx runs the spark module for it; see --master there)")
    String engine = RunEngineChoice.LOCAL.key();

    @Option(names = "--master", paramLabel = "M", hidden = true, description = "Spark master (--engine spark only)")
    String master;

    @Override
    public Integer call() {
        RunEngineChoice.of(engine).requireLocal(master);
        Study loaded = StudyLoader.load(studyFile);
        Path target = out != null ? out : Path.of("runs", loaded.name());
        OutputTarget where = new OutputTarget(target, OutputKind.FOLDER, overwrite, "run",
                StudyData.inputs(studyFile, loaded));
        where.check();
        try (StudyData data = StudyData.open(studyFile, loaded)) {
            if (data.built() != null) {
                System.out.println("cohort: " + data.built().summary());
            }
            return run(data.study(), where, target, data.built());
        }
    }

    /**
     * Runs {@code study} (whose data file exists) into {@code target}; {@code cohort} (or null) is the cohort its
     * {@code cohort:} block built, whose dictionary goes to {@code tables/cohort_dictionary.csv}.
     */
    private Integer run(Study study, OutputTarget where, Path target, CohortExtractor.Built cohort) {
        if (rounds != null) {
            study = Studies.withRounds(study, rounds);
        }
        if (!study.treatment().binary()) {
            return runMultiArm(study, where, target);
        }
        StudyEngine engine = StudyEngine.standard();
        // the engine's stages plus the write stage below
        ConsoleProgress progress = ConsoleProgress.forStdout(engine.reportedStages(study) + 1);
        Table table = TableReader.read(study.data());
        CompletedRun run = engine.run(study, table, progress);
        RunOutput output = run.output();
        FeasibilityResult simulation = run.simulation();
        List<ExitPoints.ExitPoint> exits = run.exits();
        Study study0 = study;
        progress.stage("write", "results.json, tables, figures, report.html and model/ into " + target);
        BundleWriter.Written[] bundle = new BundleWriter.Written[1];
        // results.json is written last of all, so a folder without it never looks like a finished run
        OutputDir.write(where, dir -> {
            bundle[0] = BundleWriter.write(dir.resolve("model"), study0, output, java.time.Instant.now());
            if (simulation != null) {
                SimulationReport.write(simulation, dir);
            }
            ReportWriter.write(output.result(), output.figures(), simulation, exits, dir);
            CohortTables.write(cohort, dir);
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

    /** A study with K ≥ 3 arms: the K-arm engine, results.json, tables, figures, report.html and model/. */
    private static Integer runMultiArm(Study study, OutputTarget where, Path target) {
        RunEngine engine = MultiArmEngine.of(true);
        ConsoleProgress progress = ConsoleProgress.forStdout(engine.reportedStages(study) + 1);
        Table table = TableReader.read(study.data());
        RunContext done = engine.run(RunContext.of(study, table), progress);
        MultiArmResult result = done.get(MultiArmStages.RESULT);
        progress.stage("write", "results.json, tables, figures, report.html and model/ into " + target);
        BundleWriter.Written[] bundle = new BundleWriter.Written[1];
        OutputDir.write(where, dir -> {
            bundle[0] = MultiArmBundleWriter.write(dir.resolve("model"), study, result,
                    done.get(MultiArmStages.FITTED), java.time.Instant.now());
            MultiArmReport.write(result, dir);
        }, "results.json", ResultsJson.write(result).getBytes(StandardCharsets.UTF_8));
        if (result.verdict() != null) {
            System.out.println(result.verdict().statement());
        }
        MultiArmSimulationSection.checkLines(result).forEach(System.out::println);
        result.dataWarnings().forEach(w -> System.out.println("warning: " + w));
        System.out.println(bundle[0].note());
        System.out.printf(Locale.ROOT, "done in %.1f s: %s%n", progress.elapsedSeconds(),
                target.resolve("report.html"));
        return 0;
    }
}
