package org.causalrx.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import org.causalrx.cli.OutputKind;
import org.causalrx.cli.OutputTarget;
import org.causalrx.data.Table;
import org.causalrx.data.TableReader;
import org.causalrx.pipeline.DataWarnings;
import org.causalrx.study.Cohort;
import org.causalrx.study.CohortBuilder;
import org.causalrx.study.Study;
import org.causalrx.study.StudyLoader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code bench read}: writes the SYNTHETIC study of {@code bench scale} ({@link ScaleDesign}, {@code --rows} ×
 * {@code --features}) into {@code --data} (default {@code runs/bench/scale-data/nN-pP}) and times, {@code --reps}
 * times in this process, the first steps of a run: reading the CSV ({@link TableReader#read}), building the cohort
 * ({@link CohortBuilder#build}) and its data warnings ({@link DataWarnings#of}). Writes wall seconds per step and
 * repetition to {@code runs/bench/bench-read-nN-pP.json}.
 */
@Command(name = "read", mixinStandardHelpOptions = true,
        description = "Time of reading a synthetic CSV of N rows x P features and of building its cohort.")
final class ReadBench implements Callable<Integer> {
    @Option(names = "--rows", required = true, paramLabel = "N", description = "synthetic rows (patients)")
    int rows;

    @Option(names = "--features", required = true, paramLabel = "P", description = "covariates, at least 4")
    int features;

    @Option(names = "--reps", paramLabel = "K", description = "repetitions in this process (default 3)")
    int reps = 3;

    @Option(names = "--seed", description = "data seed (default 20261219)")
    long seed = 20_261_219L;

    @Option(names = "--data", paramLabel = "DIR", description = "folder for the synthetic study (default "
            + "runs/bench/scale-data/nN-pP; only a new, empty or earlier bench-scale folder)")
    Path data;

    @Mixin
    BenchTarget target;

    @Override
    public Integer call() throws IOException {
        if (reps < 1) {
            throw new IllegalArgumentException("--reps must be at least 1, got " + reps);
        }
        ScaleDesign design = new ScaleDesign(rows, features, seed, false);
        String size = "n" + rows + "-p" + features;
        Path dir = data != null ? data : Path.of("runs", "bench", "scale-data", size);
        if (target.out == null) {
            target.out = Path.of("runs", "bench", "bench-read-" + size + ".json");
        }
        OutputTarget out = target.checked("read", OutputKind.BENCH_JSON, List.of(dir));
        Path studyFile = ScaleStudyFiles.write(design, dir, 1000, ScaleBench.DEFAULT_ESTIMATORS);
        Study study = StudyLoader.load(studyFile);
        List<Map<String, Object>> runs = new ArrayList<>();
        System.out.printf(Locale.ROOT, "%-4s %10s %10s %10s%n", "rep", "read s", "cohort s", "warnings s");
        for (int r = 1; r <= reps; r++) {
            System.gc();
            long t0 = System.nanoTime();
            Table table = TableReader.read(study.data());
            long t1 = System.nanoTime();
            Cohort cohort = CohortBuilder.build(study, table);
            long t2 = System.nanoTime();
            List<String> warnings = DataWarnings.of(study, cohort);
            long t3 = System.nanoTime();
            Map<String, Object> run = new LinkedHashMap<>();
            run.put("rep", r);
            run.put("read_seconds", (t1 - t0) / 1e9);
            run.put("cohort_seconds", (t2 - t1) / 1e9);
            run.put("warnings_seconds", (t3 - t2) / 1e9);
            run.put("warnings", warnings.size());
            runs.add(run);
            System.out.printf(Locale.ROOT, "%-4d %10.2f %10.2f %10.2f%n", r, (t1 - t0) / 1e9, (t2 - t1) / 1e9,
                    (t3 - t2) / 1e9);
        }
        Map<String, Object> results = new LinkedHashMap<>();
        results.put("rows", rows);
        results.put("features", features);
        results.put("seed", seed);
        results.put("processors", Runtime.getRuntime().availableProcessors());
        results.put("load_average", java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                .getSystemLoadAverage());
        results.put("repetitions", runs);
        BenchOutput.writeJson(out, "read", results);
        System.out.println("results written to " + out.path());
        return 0;
    }
}
