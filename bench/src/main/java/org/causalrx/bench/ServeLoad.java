package org.causalrx.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
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
 * Each thread holds one keep-alive connection of the chosen {@link Client}. Latency is measured per request from send
 * to the whole body received; an answer other than 200, or none, counts as failed.
 */
final class ServeLoad {
    private ServeLoad() {
    }

    /** The HTTP client of the load threads. */
    enum Client {
        /** {@link SocketConnection}: plain blocking sockets, requests encoded once (cheap, as wrk). */
        SOCKET,
        /** The JDK's {@code java.net.http.HttpClient} (its own selector thread and per-request objects). */
        JDK;

        /** The name as the command line takes it: {@code socket}, {@code jdk}. */
        String label() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** One client thread's connection: posts a body, returns the answer's status once its whole body is read. */
    interface Connection extends AutoCloseable {
        int post(int bodyIndex) throws java.io.IOException;

        @Override
        void close();
    }

    /**
     * @param uri         the endpoint posted to
     * @param apiKey      sent as {@code X-API-Key}
     * @param bodies      request bodies (JSON), used in turn
     * @param concurrency client threads, ≥ 1
     * @param maxRequests the most requests sent, ≥ 1
     * @param maxTime     the longest the load runs
     * @param client      the HTTP client of the load threads
     */
    record Settings(URI uri, String apiKey, List<String> bodies, int concurrency, int maxRequests, Duration maxTime,
                    Client client) {
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
        HttpClient jdk = s.client() == Client.JDK ? HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build() : null;
        List<byte[]> bodies = s.bodies().stream().map(b -> b.getBytes(StandardCharsets.UTF_8)).toList();
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
                    try (Connection c = jdk != null ? jdkConnection(jdk, s) : new SocketConnection(s.uri(), s.apiKey(),
                            bodies)) {
                        for (int i = issued.getAndIncrement(); i < s.maxRequests() && System.nanoTime() < deadline;
                             i = issued.getAndIncrement()) {
                            long t0 = System.nanoTime();
                            try {
                                int status = c.post(i);
                                latency[i] = System.nanoTime() - t0;
                                answered[i] = status == 200;
                                if (!answered[i]) {
                                    failed.incrementAndGet();
                                }
                            } catch (java.io.IOException e) {
                                failed.incrementAndGet();
                            }
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

    /** A {@link Connection} over the shared JDK client (which keeps its own pool of keep-alive connections). */
    private static Connection jdkConnection(HttpClient client, Settings s) {
        return new Connection() {
            @Override
            public int post(int i) throws java.io.IOException {
                HttpRequest req = HttpRequest.newBuilder(s.uri()).timeout(Duration.ofSeconds(30))
                        .header("Content-Type", "application/json").header("X-API-Key", s.apiKey())
                        .POST(HttpRequest.BodyPublishers.ofString(s.bodies().get(i % s.bodies().size()))).build();
                try {
                    return client.send(req, HttpResponse.BodyHandlers.ofByteArray()).statusCode();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new java.io.InterruptedIOException("interrupted");
                }
            }

            @Override
            public void close() {
            }
        };
    }
}
