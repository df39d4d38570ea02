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
 * to {@code log} (may be null) as it starts.
 */
final class StageClock implements Progress {
    private final LongSupplier nanos;
    private final MemoryWatch memory;
    private final PrintStream log;
    private final List<ScaleResults.StageTime> done = new ArrayList<>();
    private String current;
    private long started;

    StageClock(LongSupplier nanos, MemoryWatch memory, PrintStream log) {
        this.nanos = nanos;
        this.memory = memory;
        this.log = log;
    }

    @Override
    public synchronized void stage(String name, String detail) {
        long now = nanos.getAsLong();
        if (log != null && current != null) {
            log.printf(Locale.ROOT, "  %s took %.1f s%n", current, (now - started) / 1e9);
        }
        close(now);
        current = name;
        started = now;
        if (log != null) {
            log.println("[" + name + "] " + detail);
            log.flush();
        }
    }

    private void close(long now) {
        long peak = memory == null ? -1 : memory.takeStagePeak();
        if (current != null) {
            done.add(new ScaleResults.StageTime(current, (now - started) / 1e9, peak));
        }
    }

    /** Ends the current stage and returns every stage in the order run. */
    synchronized List<ScaleResults.StageTime> finish() {
        close(nanos.getAsLong());
        current = null;
        return List.copyOf(done);
    }
}
