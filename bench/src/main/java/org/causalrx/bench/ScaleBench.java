package org.causalrx.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.causalrx.bundle.BundleWriter;
import org.causalrx.cli.OutputKind;
import org.causalrx.cli.OutputTarget;
import org.causalrx.data.Table;
import org.causalrx.data.TableReader;
import org.causalrx.pipeline.ResultsJson;
import org.causalrx.pipeline.RunResult;
import org.causalrx.report.ReportWriter;
import org.causalrx.run.CompletedRun;
import org.causalrx.run.StudyEngine;
import org.causalrx.study.Study;
import org.causalrx.study.StudyLoader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code bench scale}: writes a SYNTHETIC study ({@link ScaleDesign}: {@code --rows} × {@code --features}, known
 * effect) into {@code --data} (default {@code runs/bench/scale-data/nN-pP}), runs it in this process as
 * {@code causalrx run} would (the standard {@link StudyEngine}, default deferral, then results.json, report and model
 * bundle into {@code DATA/run}), and writes wall seconds per stage and peak heap and resident memory
 * ({@link ScaleResults}) to {@code runs/bench/bench-scale-nN-pP.json}. Measure one size per process: the resident
 * peak counts from the JVM's start.
 */
@Command(name = "scale", mixinStandardHelpOptions = true,
        description = "Time and peak memory of a full run on a synthetic study of N rows x P features (known effect),"
                + " per stage.")
final class ScaleBench implements Callable<Integer> {
    static final List<String> DEFAULT_ESTIMATORS = List.of("t_xgboost", "t_ridge", "dr_xgboost");

    @Option(names = "--rows", required = true, paramLabel = "N", description = "synthetic rows (patients)")
    int rows;

    @Option(names = "--features", required = true, paramLabel = "P", description = "covariates, at least 4")
    int features;

    @Option(names = "--rounds", paramLabel = "R", description = "bootstrap rounds of the policy values (default "
            + "10000)")
    int rounds = 10_000;

    @Option(names = "--estimators", split = ",", paramLabel = "a,b", description = "estimators (default "
            + "t_xgboost,t_ridge,dr_xgboost)")
    List<String> estimators = DEFAULT_ESTIMATORS;

    @Option(names = "--seed", description = "data and study seed (default 20261219)")
    long seed = 20_261_219L;

    @Option(names = "--data", paramLabel = "DIR", description = "folder for the synthetic study and its run output "
            + "(default runs/bench/scale-data/nN-pP; only a new, empty or earlier bench-scale folder)")
    Path data;

    @Mixin
    BenchTarget target;

    @Override
    public Integer call() throws IOException {
        ScaleDesign design = new ScaleDesign(rows, features, seed, false);
        String size = "n" + rows + "-p" + features;
        Path dir = data != null ? data : Path.of("runs", "bench", "scale-data", size);
        if (target.out == null) {
            target.out = Path.of("runs", "bench", "bench-scale-" + size + ".json");
        }
        OutputTarget out = target.checked("scale", OutputKind.BENCH_JSON, List.of(dir));
        long g0 = System.nanoTime();
        Path studyFile = ScaleStudyFiles.write(design, dir, rounds, estimators);
        double generate = (System.nanoTime() - g0) / 1e9;
        System.out.printf(Locale.ROOT, "SYNTHETIC study (%,d rows x %d features, true ATE %.1f) written to %s in "
                + "%.1f s%n", rows, features, ScaleDesign.TRUE_ATE, dir, generate);
        System.gc();
        ScaleResults results;
        try (MemoryWatch memory = MemoryWatch.start()) {
            StageClock clock = new StageClock(System::nanoTime, StageClock.processCpu(), memory, System.out);
            clock.stage("read", "reading " + studyFile);
            Study study = StudyLoader.load(studyFile);
            Table table = TableReader.read(study.data());
            StudyEngine engine = StudyEngine.standard();
            CompletedRun run = engine.run(study, table, clock);
            clock.stage("write", "results.json, report and model bundle");
            writeRun(study, run, dir.resolve("run"));
            List<ScaleResults.StageTime> stages = clock.finish();
            results = new ScaleResults(design, estimators, rounds, Runtime.getRuntime().availableProcessors(),
                    generate, stages, memory.stop());
            print(results, run.output().result());
        }
        BenchOutput.writeJson(out, "scale", results.toMap());
        System.out.println("results written to " + out.path());
        return 0;
    }

    /** What {@code causalrx run} writes: model bundle, report with tables and figures, results.json last. */
    private static void writeRun(Study study, CompletedRun run, Path runDir) throws IOException {
        BenchOutput.deleteScratch(runDir);
        Files.createDirectories(runDir);
        BundleWriter.write(runDir.resolve("model"), study, run.output(), Instant.now());
        ReportWriter.write(run.output().result(), run.output().figures(), run.simulation(), run.exits(), runDir);
        Files.write(runDir.resolve("results.json"),
                ResultsJson.write(run.output().result()).getBytes(StandardCharsets.UTF_8));
    }

    private static void print(ScaleResults r, RunResult result) {
        double total = r.totalSeconds();
        System.out.printf(Locale.ROOT, "%-14s %10s %7s %10s %12s%n", "stage", "seconds", "share", "CPU s",
                "peak heap MB");
        for (ScaleResults.StageTime s : r.stages()) {
            System.out.printf(Locale.ROOT, "%-14s %10.1f %6.1f%% %10.1f %12.0f%n", s.name(), s.seconds(),
                    100 * s.seconds() / total, s.cpuSeconds(), s.peakHeapBytes() / 1048576.0);
        }
        MemoryWatch.MemoryPeaks m = r.memory();
        System.out.printf(Locale.ROOT, "total %.1f s; peak heap used %.0f MB (live after GC %.0f MB, pool peaks "
                        + "%.0f MB, max %.0f MB); peak RSS %.0f MB; cross-fitted ATE %.3f (true %.1f)%n", total,
                m.heapUsedSampled() / 1048576.0, m.heapLiveAfterGc() / 1048576.0, m.heapPoolPeaksSum() / 1048576.0,
                m.heapMax() / 1048576.0, m.residentPeak() / 1048576.0, result.ate().estimate(),
                ScaleDesign.TRUE_ATE);
    }
}
