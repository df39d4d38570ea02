package org.causalrx.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.function.LongSupplier;

import org.causalrx.pipeline.Progress;

/**
 * A {@link Progress} that times stages: each {@link #stage} call ends the previous stage and starts the named one;
 * {@link #finish} ends the last. Also takes each stage's sampled peak heap from a {@link MemoryWatch} (may be null).
 * Nested progress (a stage's own steps) is not split out: it counts to its stage.
 */
final class StageClock implements Progress {
    private final LongSupplier nanos;
    private final MemoryWatch memory;
    private final List<ScaleResults.StageTime> done = new ArrayList<>();
    private String current;
    private long started;

    StageClock(LongSupplier nanos, MemoryWatch memory) {
        this.nanos = nanos;
        this.memory = memory;
    }

    @Override
    public synchronized void stage(String name, String detail) {
        long now = nanos.getAsLong();
        close(now);
        current = name;
        started = now;
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
