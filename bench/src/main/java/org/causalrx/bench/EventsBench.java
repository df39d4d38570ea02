package org.causalrx.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.causalrx.bench.events.EffectCheck;
import org.causalrx.bench.events.SyntheticEventDesign;
import org.causalrx.bench.events.SyntheticEventTables;
import org.causalrx.cli.OutputKind;
import org.causalrx.cli.OutputTarget;
import org.causalrx.cohort.CohortExtractor;
import org.causalrx.cohort.CohortSpec;
import org.causalrx.cohort.DuckDbLimits;
import org.causalrx.study.CohortBlockLoader;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code bench events}: writes SYNTHETIC event tables ({@link SyntheticEventTables}: {@code --stays} stays,
 * {@code --events} events in all) into {@code --data} (default {@code runs/bench/events-data/sN-eM}), builds their
 * cohort as {@code causalrx cohort} does ({@link CohortBlockLoader}, {@link CohortExtractor}: one DuckDB query over
 * the Parquet files, written to {@code DATA/cohort.parquet}), and checks it against the generator's truth
 * ({@link EffectCheck}). Writes wall seconds and sampled peak heap per stage, the JVM's and the process's memory
 * peaks (DuckDB's native memory counts in the resident set), rows in and out and the check to
 * {@code runs/bench/bench-events-sN-eM.json} ({@link EventsResults}). Measure one size per process.
 */
@Command(name = "events", mixinStandardHelpOptions = true,
        description = "Time and peak memory of building a cohort (features per stay) from SYNTHETIC event tables of "
                + "N stays and E events (generated first, known effect), per stage, with an effect check.")
final class EventsBench implements Callable<Integer> {
    @Option(names = "--stays", required = true, paramLabel = "N", description = "hospital stays")
    long stays;

    @Option(names = "--events", required = true, paramLabel = "E", description = "events in all (lab and "
            + "medication rows), a multiple of N with at least 46 per stay")
    long events;

    @Option(names = "--seed", description = "data seed (default 20261203)")
    long seed = 20_261_203L;

    @Option(names = "--data", paramLabel = "DIR", description = "folder for the synthetic tables and the cohort "
            + "(default runs/bench/events-data/sN-eE; only a new, empty or earlier events folder)")
    Path data;

    @Option(names = "--duckdb-memory", paramLabel = "SIZE", description = "DuckDB memory limit (default 8GB; "
            + "DuckDB spills to DATA/.duckdb-tmp beyond it; 10^8 events need more than 2GB)")
    String duckdbMemory = "8GB";

    @Option(names = "--duckdb-threads", paramLabel = "T", description = "DuckDB threads (default: processors)")
    int duckdbThreads;

    @Option(names = "--skip-generate", description = "reuse the tables already in DATA (same design)")
    boolean skipGenerate;

    @Mixin
    BenchTarget target;

    @Override
    public Integer call() throws IOException {
        if (stays < 1 || events % stays != 0 || events / stays > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("--events must be a multiple of --stays, got " + events + " and "
                    + stays);
        }
        SyntheticEventDesign design = new SyntheticEventDesign(stays, (int) (events / stays), seed);
        String size = "s" + stays + "-e" + events;
        Path dir = data != null ? data : Path.of("runs", "bench", "events-data", size);
        if (target.out == null) {
            target.out = Path.of("runs", "bench", "bench-events-" + size + ".json");
        }
        OutputTarget out = target.checked("events", OutputKind.BENCH_JSON, List.of(dir));
        ScaleStudyFiles.claim(dir, EventsGenCommand.MARKER, "bench events");
        int threads = duckdbThreads > 0 ? duckdbThreads : Runtime.getRuntime().availableProcessors();
        DuckDbLimits limits = new DuckDbLimits(duckdbMemory, threads, dir.resolve(".duckdb-tmp"));
        double loadBefore = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        EventsResults results;
        try (MemoryWatch memory = MemoryWatch.start()) {
            StageClock clock = new StageClock(System::nanoTime, StageClock.processCpu(), memory, System.out);
            SyntheticEventTables.Written w = null;
            if (!skipGenerate) {
                clock.stage("generate", String.format(Locale.ROOT, "SYNTHETIC tables: %,d stays x %d events into %s",
                        stays, design.eventsPerStay(), dir));
                w = SyntheticEventTables.write(design, dir, limits);
            }
            Path studyFile = dir.resolve(SyntheticEventTables.STUDY);
            clock.stage("cohort", "causalrx cohort " + studyFile + " (DuckDB over the Parquet files)");
            CohortSpec spec = CohortBlockLoader.forStudy(studyFile);
            Path cohort = dir.resolve("cohort.parquet");
            Files.deleteIfExists(cohort);
            CohortExtractor.Built built = CohortExtractor.build(spec, cohort, limits);
            System.out.println("  cohort: " + built.summary());
            clock.stage("check", "treatment share and effect against the generator's truth");
            EffectCheck check = EffectCheck.of(cohort, dir.resolve(SyntheticEventTables.TRUTH));
            List<ScaleResults.StageTime> st = clock.finish();
            results = new EventsResults(design, w, built, check, limits, Runtime.getRuntime().availableProcessors(),
                    loadBefore, ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(), st,
                    memory.stop());
        }
        results.print(System.out);
        BenchOutput.writeJson(out, "events", results.toMap());
        System.out.println("results written to " + out.path());
        return 0;
    }
}
