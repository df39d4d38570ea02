package org.causalrx.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A closed-loop HTTP load generator: {@code concurrency} client threads each post one request, wait for the answer
 * and post the next, until {@code maxRequests} have been sent or {@code maxTime} has passed, whichever comes first.
 * Latency is measured per request from send to the whole body received.
 */
final class ServeLoad {
    private ServeLoad() {
    }

    /**
     * @param uri         the endpoint posted to
     * @param apiKey      sent as {@code X-API-Key}
     * @param bodies      request bodies (JSON), used in turn
     * @param concurrency client threads, ≥ 1
     * @param maxRequests the most requests sent, ≥ 1
     * @param maxTime     the longest the load runs
     */
    record Settings(URI uri, String apiKey, List<String> bodies, int concurrency, int maxRequests, Duration maxTime) {
        Settings {
            bodies = List.copyOf(bodies);
            if (concurrency < 1 || maxRequests < 1 || bodies.isEmpty()) {
                throw new IllegalArgumentException("concurrency and maxRequests must be at least 1, with a body");
            }
        }
    }

    /**
     * @param ok        requests answered with 200
     * @param failed    requests answered otherwise, or not answered
     * @param seconds   wall time of the load
     * @param latencies latencies of the answered requests in nanoseconds, ascending
     */
    record Result(int ok, int failed, double seconds, long[] latencies) {
        Result {
            latencies = latencies.clone();
        }

        double requestsPerSecond() {
            return ok / seconds;
        }

        /** Nearest-rank percentile {@code p} (0-100] of the latencies, in milliseconds; NaN when none. */
        double percentileMs(double p) {
            if (latencies.length == 0) {
                return Double.NaN;
            }
            int rank = (int) Math.ceil(p / 100.0 * latencies.length);
            return latencies[Math.max(0, Math.min(latencies.length, rank) - 1)] / 1e6;
        }
    }

    static Result run(Settings s) throws Exception {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
        long[] latency = new long[s.maxRequests()];
        boolean[] answered = new boolean[s.maxRequests()];
        AtomicInteger issued = new AtomicInteger();
        AtomicInteger failed = new AtomicInteger();
        long start = System.nanoTime();
        long deadline = start + s.maxTime().toNanos();
        ExecutorService pool = Executors.newFixedThreadPool(s.concurrency());
        try {
            List<Future<?>> workers = new ArrayList<>();
            for (int t = 0; t < s.concurrency(); t++) {
                workers.add(pool.submit(() -> {
                    for (int i = issued.getAndIncrement(); i < s.maxRequests() && System.nanoTime() < deadline;
                         i = issued.getAndIncrement()) {
                        HttpRequest req = HttpRequest.newBuilder(s.uri()).timeout(Duration.ofSeconds(30))
                                .header("Content-Type", "application/json").header("X-API-Key", s.apiKey())
                                .POST(HttpRequest.BodyPublishers.ofString(s.bodies().get(i % s.bodies().size())))
                                .build();
                        long t0 = System.nanoTime();
                        try {
                            HttpResponse<byte[]> r = client.send(req, HttpResponse.BodyHandlers.ofByteArray());
                            latency[i] = System.nanoTime() - t0;
                            answered[i] = r.statusCode() == 200;
                            if (!answered[i]) {
                                failed.incrementAndGet();
                            }
                        } catch (java.io.IOException e) {
                            failed.incrementAndGet();
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> w : workers) {
                w.get();
            }
        } finally {
            pool.shutdownNow();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        long[] ok = new long[s.maxRequests()];
        int n = 0;
        for (int i = 0; i < answered.length; i++) {
            if (answered[i]) {
                ok[n++] = latency[i];
            }
        }
        long[] sorted = Arrays.copyOf(ok, n);
        Arrays.sort(sorted);
        return new Result(n, failed.get(), seconds, sorted);
    }
}
