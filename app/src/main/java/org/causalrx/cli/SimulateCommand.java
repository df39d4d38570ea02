package org.causalrx.cli;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.causalrx.data.Table;
import org.causalrx.data.TableReader;
import org.causalrx.pipeline.MultiArmSimulation;
import org.causalrx.pipeline.MultiArmStages;
import org.causalrx.pipeline.Progress;
import org.causalrx.pipeline.RunContext;
import org.causalrx.report.MultiArmSimulationSection;
import org.causalrx.report.SimulationReport;
import org.causalrx.simulate.FeasibilityResult;
import org.causalrx.simulate.FeasibilitySettings;
import org.causalrx.simulate.FeasibilityStudy;
import org.causalrx.simulate.MultiArmFeasibility;
import org.causalrx.study.Study;
import org.causalrx.study.StudyLoader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The feasibility simulation of TRS §3.5: simulated outcomes with a known effect on the study's real covariates,
 * treatments, split and overlap set; writes simulation.json, tables, a figure and simulation.html atomically (for a
 * K-arm study simulation.json and tables).
 */
@Command(name = "simulate", mixinStandardHelpOptions = true,
        description = "Feasibility simulation (TRS 3.5, Algorithm 1): can the pipeline recover a known good policy "
                + "on this cohort? Simulates outcomes only; covariates, treatments, split and overlap are real.")
final class SimulateCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "STUDY", description = "the study YAML file")
    Path studyFile;

    @Option(names = "--out", paramLabel = "DIR", description = "output folder (default: runs/<study name>-simulation)")
    Path out;

    @Option(names = "--lambda", paramLabel = "L", description = "how far the true effect follows the clinicians' "
            + "practice, 0-1 (default 0.5)")
    double lambda = FeasibilitySettings.DEFAULT_LAMBDA;

    @Option(names = "--effect", paramLabel = "C", description = "mean |CATE| in outcome units (default: 0.5 x SD of "
            + "the real outcome)")
    Double effect;

    @Option(names = "--seeds", paramLabel = "N", description = "simulated data sets per form (default 6)")
    int seeds = FeasibilitySettings.DEFAULT_SEEDS;

    @Option(names = "--form", paramLabel = "F", description = "linear, tree or linear,tree (default linear)")
    String form = "linear";

    @Option(names = "--rounds", paramLabel = "N", description = "bootstrap rounds per run (default: the study's)")
    Integer rounds;

    @Option(names = OutputTarget.FLAG, description = "replace DIR when it holds an earlier CausalRx output (its "
            + OutputDir.MARKER + " marker lists everything in it); anything else is never replaced")
    boolean overwrite;

    @Override
    public Integer call() {
        Study loaded = StudyLoader.load(studyFile);
        Path target = out != null ? out : Path.of("runs", loaded.name() + "-simulation");
        OutputTarget where = new OutputTarget(target, OutputKind.FOLDER, overwrite, "simulate",
                StudyData.inputs(studyFile, loaded));
        where.check();
        try (StudyData data = StudyData.open(studyFile, loaded)) {
            return simulate(data.study(), where, target);
        }
    }

    private Integer simulate(Study study, OutputTarget where, Path target) {
        if (rounds != null) {
            study = Studies.withRounds(study, rounds);
        }
        List<String> forms = Arrays.stream(form.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
        FeasibilitySettings settings = new FeasibilitySettings(forms, lambda, effect, seeds);
        ConsoleProgress progress = ConsoleProgress.forStdout(forms.size() * seeds + 1);
        Table table = TableReader.read(study.data());
        if (!study.treatment().binary()) {
            return multiArm(study, table, settings, where, target);
        }
        FeasibilityResult result = new FeasibilityStudy().run(study, table, settings, progress);
        progress.stage("write", "simulation.json, tables, figure and simulation.html into " + target);
        OutputDir.write(where, dir -> SimulationReport.write(result, dir));
        SimulationReport.checkLines(result).forEach(System.out::println);
        System.out.printf(Locale.ROOT, "done in %.1f s: %s%n", progress.elapsedSeconds(),
                target.resolve(SimulationReport.HTML));
        return 0;
    }

    /** A K-arm study: the K-arm run (for its split, propensity and overlap), then the simulation on it. */
    private static Integer multiArm(Study study, Table table, FeasibilitySettings settings, OutputTarget where,
                                    Path target) {
        ConsoleProgress progress = ConsoleProgress.forStdout(settings.forms().size() * settings.seeds() + 2);
        progress.stage("run", "K-arm run of " + study.name() + " on its real outcomes (split, propensity, overlap)");
        RunContext done = MultiArmStages.engine(true).run(RunContext.of(study, table), Progress.NONE);
        MultiArmSimulation result = new MultiArmFeasibility(true).run(done, settings, study.bootstrapRounds(),
                progress);
        progress.stage("write", "simulation.json and tables into " + target);
        OutputDir.write(where, dir -> MultiArmSimulationSection.write(result, dir));
        MultiArmSimulationSection.checkLines(result).forEach(System.out::println);
        System.out.printf(Locale.ROOT, "done in %.1f s: %s%n", progress.elapsedSeconds(),
                target.resolve(SimulationReport.JSON));
        return 0;
    }
}
