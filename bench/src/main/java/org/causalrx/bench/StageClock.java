package org.causalrx.bench;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.LongSupplier;

import org.causalrx.pipeline.Progress;

/**
 * A {@link Progress} that times stages: each {@link #stage} call ends the previous stage and starts the named one;
 * {@link #finish} ends the last. Also takes each stage's sampled peak heap from a {@link MemoryWatch} (may be null).
 * Nested progress (a stage's own steps) is not split out: it counts to its stage. Each stage's name and detail go
 * to {@code log} (may be null) as it starts. With a {@code cpuNanos} clock (the process's CPU time, all threads,
 * native ones included) each stage also gets its CPU seconds, the figure to read when the machine is shared.
 */
final class StageClock implements Progress {
    private final LongSupplier nanos;
    private final LongSupplier cpuNanos;
    private final MemoryWatch memory;
    private final PrintStream log;
    private final List<ScaleResults.StageTime> done = new ArrayList<>();
    private String current;
    private long started;
    private long cpuStarted;

    StageClock(LongSupplier nanos, MemoryWatch memory, PrintStream log) {
        this(nanos, null, memory, log);
    }

    /** As above, with the process CPU clock ({@code null}: CPU seconds not measured, reported as -1). */
    StageClock(LongSupplier nanos, LongSupplier cpuNanos, MemoryWatch memory, PrintStream log) {
        this.nanos = nanos;
        this.cpuNanos = cpuNanos;
        this.memory = memory;
        this.log = log;
    }

    /** The process's CPU time in nanoseconds (all threads), or null where the JVM does not report it. */
    static LongSupplier processCpu() {
        if (java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                instanceof com.sun.management.OperatingSystemMXBean os && os.getProcessCpuTime() >= 0) {
            return os::getProcessCpuTime;
        }
        return null;
    }

    @Override
    public synchronized void stage(String name, String detail) {
        long now = nanos.getAsLong();
        long cpu = cpuNanos == null ? 0 : cpuNanos.getAsLong();
        if (log != null && current != null) {
            log.printf(Locale.ROOT, "  %s took %.1f s%s%n", current, (now - started) / 1e9,
                    cpuNanos == null ? "" : String.format(Locale.ROOT, " (%.1f CPU s)", (cpu - cpuStarted) / 1e9));
        }
        close(now, cpu);
        current = name;
        started = now;
        cpuStarted = cpu;
        if (log != null) {
            log.println("[" + name + "] " + detail);
            log.flush();
        }
    }

    private void close(long now, long cpu) {
        long peak = memory == null ? -1 : memory.takeStagePeak();
        if (current != null) {
            done.add(new ScaleResults.StageTime(current, (now - started) / 1e9,
                    cpuNanos == null ? -1 : (cpu - cpuStarted) / 1e9, peak));
        }
    }

    /** Ends the current stage and returns every stage in the order run. */
    synchronized List<ScaleResults.StageTime> finish() {
        close(nanos.getAsLong(), cpuNanos == null ? 0 : cpuNanos.getAsLong());
        current = null;
        return List.copyOf(done);
    }
}
