package org.causalrx.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;

import org.causalrx.bench.events.SyntheticEventDesign;
import org.causalrx.bench.events.SyntheticEventTables;
import org.causalrx.cohort.DuckDbLimits;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code bench events-gen}: writes SYNTHETIC MIMIC-shaped event tables with a known effect
 * ({@link SyntheticEventTables}) into a folder, with a study file that {@code causalrx cohort} builds.
 */
@Command(name = "events-gen", mixinStandardHelpOptions = true,
        description = "Write SYNTHETIC hospital event tables (patients, admissions, labs, medications; Parquet) with "
                + "a known effect of a loop diuretic on creatinine, and a study.yaml for `causalrx cohort`.")
final class EventsGenCommand implements Callable<Integer> {
    /** Marks a folder that events-gen or bench events wrote (the only kind they replace files in). */
    static final String MARKER = ".causalrx-synthetic-events";

    @Option(names = "--stays", required = true, paramLabel = "N", description = "hospital stays (1-4 per patient)")
    long stays;

    @Option(names = "--events-per-stay", paramLabel = "M", description = "lab and medication rows per stay, at "
            + "least 46 (default 100)")
    int eventsPerStay = 100;

    @Option(names = "--seed", description = "seed (default 20261203); the same seed gives the same tables")
    long seed = 20_261_203L;

    @Option(names = "--out", required = true, paramLabel = "DIR", description = "folder for the tables (new, empty "
            + "or written earlier by events-gen)")
    Path out;

    @Option(names = "--duckdb-memory", paramLabel = "SIZE", description = "DuckDB memory limit (default 2GB)")
    String duckdbMemory = "2GB";

    @Override
    public Integer call() throws IOException {
        SyntheticEventDesign design = new SyntheticEventDesign(stays, eventsPerStay, seed);
        ScaleStudyFiles.claim(out, MARKER, "bench events-gen");
        long t0 = System.nanoTime();
        SyntheticEventTables.Written w = SyntheticEventTables.write(design, out,
                new DuckDbLimits(duckdbMemory, 0, out.resolve(".duckdb-tmp")));
        System.out.printf(Locale.ROOT, "SYNTHETIC event tables written to %s in %.1f s: %,d patients, %,d stays, "
                        + "%,d events (%,d lab, %,d medication rows); build the cohort with: causalrx cohort %s --out "
                        + "cohort.parquet%n", out, (System.nanoTime() - t0) / 1e9, w.patients(), w.stays(),
                w.events(), w.labRows(), w.medRows(), w.study());
        return 0;
    }
}
