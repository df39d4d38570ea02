package org.causalrx.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import com.sun.management.GarbageCollectorMXBean;
import com.sun.management.GcInfo;

/**
 * Peak memory of this JVM while a benchmark runs, three ways: a daemon thread samples the used heap every
 * {@link #PERIOD_MS} ms (garbage not yet collected included, so bounded by -Xmx) and the live heap after the most
 * recent garbage collection (GC MXBeans' last {@code GcInfo}, summed over heap pools: the peak live set, as sampled);
 * at {@link #stop} it adds the heap pools' own peaks since {@link #start} ({@code MemoryPoolMXBean.getPeakUsage}
 * after {@code resetPeakUsage}, summed: an upper bound, the pools peak at different times) and the process's peak
 * resident set ({@code VmHWM} of {@code /proc/self/status}, since the process started, -1 where unavailable).
 * The per-stage peak of sampled heap use is read and reset by {@link #takeStagePeak}.
 */
final class MemoryWatch implements AutoCloseable {
    static final long PERIOD_MS = 20;

    private final List<MemoryPoolMXBean> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter(p -> p.getType() == MemoryType.HEAP).toList();
    private final List<GarbageCollectorMXBean> collectors = ManagementFactory.getGarbageCollectorMXBeans().stream()
            .filter(GarbageCollectorMXBean.class::isInstance).map(GarbageCollectorMXBean.class::cast).toList();
    private final AtomicLong peakUsed = new AtomicLong();
    private final AtomicLong stagePeakUsed = new AtomicLong();
    private final AtomicLong peakLive = new AtomicLong();
    private final Thread sampler;
    private volatile boolean running = true;

    private MemoryWatch() {
        heapPools.forEach(MemoryPoolMXBean::resetPeakUsage);
        sampler = new Thread(this::loop, "causalrx-bench-memory");
        sampler.setDaemon(true);
    }

    /** Resets the pools' peaks and starts sampling. */
    static MemoryWatch start() {
        MemoryWatch w = new MemoryWatch();
        w.sample();
        w.sampler.start();
        return w;
    }

    private void loop() {
        while (running) {
            sample();
            try {
                Thread.sleep(PERIOD_MS);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void sample() {
        long used = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        peakUsed.accumulateAndGet(used, Math::max);
        stagePeakUsed.accumulateAndGet(used, Math::max);
        for (GarbageCollectorMXBean gc : collectors) {
            GcInfo info = gc.getLastGcInfo();
            if (info != null) {
                long live = 0;
                for (MemoryPoolMXBean p : heapPools) {
                    MemoryUsage u = info.getMemoryUsageAfterGc().get(p.getName());
                    live += u == null ? 0 : u.getUsed();
                }
                peakLive.accumulateAndGet(live, Math::max);
            }
        }
    }

    /** The sampled peak of used heap since the previous call (or the start), in bytes; starts the next stage's. */
    long takeStagePeak() {
        sample();
        return stagePeakUsed.getAndSet(0);
    }

    /** Stops sampling and returns the peaks. */
    MemoryPeaks stop() {
        running = false;
        sampler.interrupt();
        sample();
        long pools = heapPools.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
        return new MemoryPeaks(peakUsed.get(), peakLive.get(), pools, peakResidentBytes(Path.of("/proc/self/status")),
                Runtime.getRuntime().maxMemory());
    }

    @Override
    public void close() {
        running = false;
        sampler.interrupt();
    }

    /** {@code VmHWM} of a {@code /proc/PID/status} file in bytes, or -1 when absent or unreadable. */
    static long peakResidentBytes(Path status) {
        try {
            for (String line : Files.readAllLines(status)) {
                if (line.startsWith("VmHWM:")) {
                    String[] parts = line.substring(6).trim().split("\\s+");
                    return Long.parseLong(parts[0]) * 1024L;
                }
            }
        } catch (IOException | RuntimeException e) {
            return -1;
        }
        return -1;
    }

    /**
     * Peaks in bytes.
     *
     * @param heapUsedSampled   highest sampled used heap (live + uncollected garbage)
     * @param heapLiveAfterGc   highest heap in use right after a collection (the live set), as sampled
     * @param heapPoolPeaksSum  sum of the heap pools' own peaks (upper bound of the heap's peak)
     * @param residentPeak      the process's peak resident set (VmHWM), -1 when unavailable
     * @param heapMax           the heap limit (-Xmx)
     */
    record MemoryPeaks(long heapUsedSampled, long heapLiveAfterGc, long heapPoolPeaksSum, long residentPeak,
                       long heapMax) {
    }
}
