package org.causalrx.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@code bench scale} measured on one synthetic study, and its results-file layout ({@link #toMap}, snake_case
 * keys): the design, per-stage wall seconds with each stage's share of the timed total, its process CPU seconds
 * (when measured) and its sampled peak heap,
 * and the run's memory peaks ({@link MemoryWatch.MemoryPeaks}).
 *
 * @param design          the synthetic design
 * @param estimators      the study's estimators
 * @param rounds          bootstrap rounds of the held-out policy values
 * @param cores           processors the JVM saw
 * @param generateSeconds seconds to generate and write the data (not part of the timed run)
 * @param stages          the run's stages in order: read, the pipeline's stages, write
 * @param memory          peaks over the timed run
 */
record ScaleResults(ScaleDesign design, List<String> estimators, int rounds, int cores, double generateSeconds,
                    List<StageTime> stages, MemoryWatch.MemoryPeaks memory) {
    ScaleResults {
        estimators = List.copyOf(estimators);
        stages = List.copyOf(stages);
    }

    /**
     * One stage's wall time.
     *
     * @param name          the stage's name as the run reports it ("propensity")
     * @param seconds       wall seconds
     * @param cpuSeconds    the process's CPU seconds during the stage (all threads), -1 when not measured
     * @param peakHeapBytes highest sampled used heap during the stage, -1 when not sampled
     */
    record StageTime(String name, double seconds, double cpuSeconds, long peakHeapBytes) {
        /** A stage whose CPU time was not measured. */
        StageTime(String name, double seconds, long peakHeapBytes) {
            this(name, seconds, -1, peakHeapBytes);
        }
    }

    /** Wall seconds of the timed run (sum of the stages). */
    double totalSeconds() {
        return stages.stream().mapToDouble(StageTime::seconds).sum();
    }

    /** The results file's fields, in order (without {@code written_by}). */
    Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("synthetic", true);
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("rows", design.rows());
        d.put("features", design.features());
        d.put("seed", design.seed());
        d.put("confounders", List.of("x1", "x2", "x3"));
        d.put("effect", "1 + x4");
        d.put("true_ate", ScaleDesign.TRUE_ATE);
        m.put("design", d);
        m.put("estimators", estimators);
        m.put("bootstrap_rounds", rounds);
        m.put("cores", cores);
        m.put("generate_seconds", generateSeconds);
        double total = totalSeconds();
        m.put("total_seconds", total);
        if (stages.stream().allMatch(st -> st.cpuSeconds() >= 0)) {
            m.put("total_cpu_seconds", stages.stream().mapToDouble(StageTime::cpuSeconds).sum());
        }
        m.put("stages", stageRows(stages, total, true));
        Map<String, Object> mem = memoryPeaks(memory, true);
        mem.put("method", "heap used sampled every " + MemoryWatch.PERIOD_MS + " ms by a background thread "
                + "(MemoryMXBean; includes uncollected garbage); live heap = heap pools after the latest GC "
                + "(GC MXBeans), sampled; pool peaks = MemoryPoolMXBean.getPeakUsage after resetPeakUsage at the "
                + "start, summed over heap pools; RSS = VmHWM of /proc/self/status (whole process)");
        m.put("memory", mem);
        return m;
    }

    /** Per stage its name, seconds, (with {@code share}) share of {@code total}, and sampled heap peak. */
    static List<Map<String, Object>> stageRows(List<StageTime> stages, double total, boolean share) {
        List<Map<String, Object>> st = new ArrayList<>();
        for (StageTime s : stages) {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("stage", s.name());
            e.put("seconds", s.seconds());
            if (s.cpuSeconds() >= 0) {
                e.put("cpu_seconds", s.cpuSeconds());
            }
            if (share) {
                e.put("share", total > 0 ? s.seconds() / total : 0.0);
            }
            e.put("peak_heap_used_bytes", s.peakHeapBytes());
            st.add(e);
        }
        return st;
    }

    /** The memory peaks as JSON fields, (with {@code poolPeaks}) the heap pools' summed peaks among them. */
    static Map<String, Object> memoryPeaks(MemoryWatch.MemoryPeaks memory, boolean poolPeaks) {
        Map<String, Object> mem = new LinkedHashMap<>();
        mem.put("heap_max_bytes", memory.heapMax());
        mem.put("peak_heap_used_sampled_bytes", memory.heapUsedSampled());
        mem.put("peak_heap_live_after_gc_bytes", memory.heapLiveAfterGc());
        if (poolPeaks) {
            mem.put("heap_pool_peaks_sum_bytes", memory.heapPoolPeaksSum());
        }
        mem.put("peak_rss_bytes", memory.residentPeak());
        return mem;
    }
}
