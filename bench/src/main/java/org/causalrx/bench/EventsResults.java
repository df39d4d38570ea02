package org.causalrx.bench;

import java.io.PrintStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.causalrx.bench.events.EffectCheck;
import org.causalrx.bench.events.SyntheticEventDesign;
import org.causalrx.bench.events.SyntheticEventTables;
import org.causalrx.cohort.CohortExtractor;
import org.causalrx.cohort.DuckDbLimits;

/**
 * What {@code bench events} measured, and its results-file layout ({@link #toMap}, snake_case keys).
 *
 * @param design     the synthetic design
 * @param written    rows the generator wrote, or null when the tables were reused
 * @param cohort     the cohort's counts and dictionary
 * @param check      the cohort against the generator's truth
 * @param limits     DuckDB's settings
 * @param cores      processors the JVM saw
 * @param loadBefore the 1-minute load average at the start
 * @param loadAfter  the 1-minute load average at the end
 * @param stages     generate (unless reused), cohort, check
 * @param memory     peaks over the stages
 */
record EventsResults(SyntheticEventDesign design, SyntheticEventTables.Written written, CohortExtractor.Built cohort,
                     EffectCheck check, DuckDbLimits limits, int cores, double loadBefore, double loadAfter,
                     List<ScaleResults.StageTime> stages, MemoryWatch.MemoryPeaks memory) {
    /** Tolerance of the effect check, mg/dL (or 4 standard errors, the larger). */
    static final double TOLERANCE = 0.05;

    EventsResults {
        stages = List.copyOf(stages);
    }

    /** The results file's fields, in order (without {@code written_by}). */
    Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("synthetic", true);
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("stays", design.stays());
        d.put("events_per_stay", design.eventsPerStay());
        d.put("events", design.events());
        d.put("seed", design.seed());
        d.put("true_effect", "-0.3 - 0.004 (age - 55) mg/dL on the creatinine change 48-72 h after the decision");
        m.put("design", d);
        m.put("cores", cores);
        m.put("load_average_before", loadBefore);
        m.put("load_average_after", loadAfter);
        m.put("duckdb", Map.of("memory_limit", String.valueOf(limits.memoryLimit()), "threads", limits.threads()));
        if (written != null) {
            m.put("rows_in", Map.of("patients", written.patients(), "stays", written.stays(), "lab_rows",
                    written.labRows(), "medication_rows", written.medRows()));
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("stays_listed", cohort.staysListed());
        out.put("stays_with_decision", cohort.staysWithIndex());
        out.put("stays_kept", cohort.staysKept());
        out.put("patients_kept", cohort.patientsKept());
        out.put("columns", cohort.dictionary().size());
        m.put("rows_out", out);
        double total = stages.stream().mapToDouble(ScaleResults.StageTime::seconds).sum();
        m.put("total_seconds", total);
        m.put("stages", ScaleResults.stageRows(stages, total, false));
        Map<String, Object> mem = ScaleResults.memoryPeaks(memory, false);
        mem.put("method", "heap sampled every " + MemoryWatch.PERIOD_MS + " ms (MemoryMXBean); RSS = VmHWM of "
                + "/proc/self/status, the whole process since its start, DuckDB's native memory included");
        m.put("memory", mem);
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("stays_with_outcome", check.stays());
        c.put("decision_points_in_truth_share", check.decisionsAgree());
        c.put("treated_share", check.treatedShare());
        c.put("mean_true_propensity", check.meanPropensity());
        c.put("true_ate", check.trueEffect());
        c.put("naive_difference", check.naiveEffect());
        c.put("adjusted_estimate", check.adjustedEffect());
        c.put("adjusted_se", check.adjustedSe());
        c.put("adjusted_regressors", EffectCheck.REGRESSORS.subList(1, EffectCheck.REGRESSORS.size()));
        c.put("tolerance", TOLERANCE);
        c.put("recovered", check.recovered(TOLERANCE));
        m.put("effect_check", c);
        return m;
    }

    /** The summary lines. */
    void print(PrintStream o) {
        double total = stages.stream().mapToDouble(ScaleResults.StageTime::seconds).sum();
        o.printf(Locale.ROOT, "%-10s %10s %12s%n", "stage", "seconds", "peak heap MB");
        for (ScaleResults.StageTime s : stages) {
            o.printf(Locale.ROOT, "%-10s %10.1f %12.0f%n", s.name(), s.seconds(), s.peakHeapBytes() / 1048576.0);
        }
        o.printf(Locale.ROOT, "total %.1f s on %d cores (load %.2f -> %.2f); peak heap used %.0f MB of %.0f MB; "
                        + "peak RSS %.0f MB (DuckDB memory_limit %s, %d threads)%n", total, cores, loadBefore,
                loadAfter, memory.heapUsedSampled() / 1048576.0, memory.heapMax() / 1048576.0,
                memory.residentPeak() / 1048576.0, limits.memoryLimit(), limits.threads());
        o.printf(Locale.ROOT, "cohort: %s; %d columns%n", cohort.summary(), cohort.dictionary().size());
        o.printf(Locale.ROOT, "check on %,d stays with an outcome: treated %.3f (true propensity %.3f); effect true "
                        + "%.3f, naive %.3f, adjusted %.3f (SE %.3f): %s%n", check.stays(), check.treatedShare(),
                check.meanPropensity(), check.trueEffect(), check.naiveEffect(), check.adjustedEffect(),
                check.adjustedSe(), check.recovered(TOLERANCE) ? "recovered" : "NOT recovered");
    }
}
