package org.causalrx.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.causalrx.cli.OutputKind;
import org.causalrx.cli.OutputTarget;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The results file of {@code bench scale}: stage times from the {@link Progress}-driven {@link StageClock}, shares of
 * the total, the memory peaks, and the {@code written_by} that lets {@code --overwrite} replace it later; and the
 * resident peak read from a {@code /proc/PID/status} file.
 */
class ScaleResultsTest {

    @Test
    void stageClockTimesEachStageUntilTheNext() {
        long[] now = {0};
        StageClock clock = new StageClock(() -> now[0], null, null);
        clock.stage("read", "");
        now[0] = 2_000_000_000L;
        clock.stage("propensity", "");
        now[0] = 5_000_000_000L;
        List<ScaleResults.StageTime> stages = clock.finish();
        assertEquals(List.of(new ScaleResults.StageTime("read", 2.0, -1), new ScaleResults.StageTime("propensity",
                3.0, -1)), stages);
    }

    @Test
    void stageClockAddsEachStagesCpuTime() {
        long[] now = {0};
        long[] cpu = {7_000_000_000L};
        StageClock clock = new StageClock(() -> now[0], () -> cpu[0], null, null);
        clock.stage("read", "");
        now[0] = 2_000_000_000L;
        cpu[0] = 10_500_000_000L;
        clock.stage("propensity", "");
        now[0] = 5_000_000_000L;
        cpu[0] = 16_500_000_000L;
        List<ScaleResults.StageTime> stages = clock.finish();
        assertEquals(List.of(new ScaleResults.StageTime("read", 2.0, 3.5, -1), new ScaleResults.StageTime(
                "propensity", 3.0, 6.0, -1)), stages);
    }

    @Test
    void resultsFileCarriesStagesSharesAndPeaks(@TempDir Path dir) throws Exception {
        ScaleResults r = new ScaleResults(new ScaleDesign(1000, 50, 9, false), ScaleBench.DEFAULT_ESTIMATORS, 500,
                2, 0.5, List.of(new ScaleResults.StageTime("read", 1.0, 1.5, 100), new ScaleResults.StageTime("outcome",
                3.0, 5.0, 300)), new MemoryWatch.MemoryPeaks(400, 200, 450, 900, 4096));
        Path file = dir.resolve("bench-scale.json");
        BenchOutput.writeJson(new OutputTarget(file, OutputKind.BENCH_JSON, false, "bench scale", List.of()),
                "scale", r.toMap());
        JsonNode n = new ObjectMapper().readTree(file.toFile());
        assertEquals("causalrx bench scale", n.get("written_by").asText());
        assertEquals(true, n.get("synthetic").asBoolean());
        assertEquals(1000, n.at("/design/rows").asInt());
        assertEquals(50, n.at("/design/features").asInt());
        assertEquals(4.0, n.get("total_seconds").asDouble());
        assertEquals("outcome", n.at("/stages/1/stage").asText());
        assertEquals(0.75, n.at("/stages/1/share").asDouble());
        assertEquals(5.0, n.at("/stages/1/cpu_seconds").asDouble());
        assertEquals(6.5, n.get("total_cpu_seconds").asDouble());
        assertEquals(300, n.at("/stages/1/peak_heap_used_bytes").asLong());
        assertEquals(900, n.at("/memory/peak_rss_bytes").asLong());
        assertEquals(200, n.at("/memory/peak_heap_live_after_gc_bytes").asLong());
        assertEquals(ScaleBench.DEFAULT_ESTIMATORS.size(), n.get("estimators").size());
        // an earlier results file of a benchmark is replaced with --overwrite
        BenchOutput.writeJson(new OutputTarget(file, OutputKind.BENCH_JSON, true, "bench scale", List.of()),
                "scale", r.toMap());
        assertEquals(4.0, new ObjectMapper().readTree(file.toFile()).get("total_seconds").asDouble());
    }

    @Test
    void residentPeakFromProcStatus(@TempDir Path dir) throws Exception {
        Path status = dir.resolve("status");
        Files.writeString(status, "Name:\tjava\nVmPeak:\t 9999 kB\nVmHWM:\t   1234 kB\nVmRSS:\t  1000 kB\n");
        assertEquals(1234L * 1024, MemoryWatch.peakResidentBytes(status));
        Files.writeString(status, "Name:\tjava\n");
        assertEquals(-1, MemoryWatch.peakResidentBytes(status));
        assertEquals(-1, MemoryWatch.peakResidentBytes(dir.resolve("absent")));
    }
}
