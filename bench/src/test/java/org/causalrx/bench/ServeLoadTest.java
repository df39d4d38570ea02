package org.causalrx.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The load generator, with either client, stops at its request count or its time limit, counts non-200 answers as
 * failed and measures latencies it can be checked on; the socket client reads fixed-length and chunked answers and
 * reconnects when the server closes the connection.
 */
@Tag("slow")
class ServeLoadTest {
    /** A loopback server answering after {@code delayMs}; every {@code failEvery}-th request gets 500. */
    private static HttpServer server(long delayMs, int failEvery, AtomicInteger seen) throws Exception {
        return server(delayMs, failEvery, seen, false, Integer.MAX_VALUE);
    }

    /**
     * As {@link #server(long, int, AtomicInteger)}; {@code chunked}: answers in chunked transfer encoding; every
     * {@code closeEvery}-th answer carries Connection: close (the server closes the connection after it).
     */
    private static HttpServer server(long delayMs, int failEvery, AtomicInteger seen, boolean chunked, int closeEvery)
            throws Exception {
        HttpServer s = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        s.setExecutor(Executors.newFixedThreadPool(4));
        s.createContext("/v1/recommendations", ex -> {
            int n = seen.incrementAndGet();
            ex.getRequestBody().readAllBytes();
            try {
                Thread.sleep(delayMs);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            boolean fail = "k".equals(ex.getRequestHeaders().getFirst("X-API-Key")) && n % failEvery == 0;
            byte[] body = "{\"recommendations\": []}".getBytes(StandardCharsets.UTF_8);
            if (n % closeEvery == 0) {
                ex.getResponseHeaders().set("Connection", "close");
            }
            ex.sendResponseHeaders(fail ? 500 : 200, chunked ? 0 : body.length);
            ex.getResponseBody().write(body);
            ex.close();
        });
        s.start();
        return s;
    }

    private static URI uri(HttpServer s) {
        return URI.create("http://127.0.0.1:" + s.getAddress().getPort() + "/v1/recommendations");
    }

    @Test
    void stopsAtTheRequestCountAndCountsFailures() throws Exception {
        for (ServeLoad.Client client : ServeLoad.Client.values()) {
            AtomicInteger seen = new AtomicInteger();
            HttpServer s = server(0, 10, seen);
            try {
                ServeLoad.Result r = ServeLoad.run(new ServeLoad.Settings(uri(s), "k", List.of("{}"), 3, 200,
                        Duration.ofSeconds(60), client));
                assertEquals(200, seen.get(), client.label());
                assertEquals(20, r.failed(), client.label());
                assertEquals(180, r.ok(), client.label());
                assertEquals(180, r.latencies().length, client.label());
            } finally {
                s.stop(0);
            }
        }
    }

    @Test
    void theSocketClientReadsChunkedAnswersAndReconnectsWhenTheServerCloses() throws Exception {
        for (boolean chunked : new boolean[] {false, true}) {
            AtomicInteger seen = new AtomicInteger();
            HttpServer s = server(0, 7, seen, chunked, 5);
            try {
                ServeLoad.Result r = ServeLoad.run(new ServeLoad.Settings(uri(s), "k", List.of("{}", "{\"a\": 1}"),
                        2, 210, Duration.ofSeconds(60), ServeLoad.Client.SOCKET));
                assertEquals(210, seen.get(), "chunked " + chunked);
                assertEquals(30, r.failed(), "every 7th answered 500, none lost on a closed connection");
                assertEquals(180, r.ok());
            } finally {
                s.stop(0);
            }
        }
    }

    @Test
    void stopsAtTheTimeLimitAndMeasuresTheLatency() throws Exception {
        AtomicInteger seen = new AtomicInteger();
        HttpServer s = server(40, Integer.MAX_VALUE, seen);
        try {
            ServeLoad.Result r = ServeLoad.run(new ServeLoad.Settings(uri(s), "k", List.of("{}"), 2, 100_000,
                    Duration.ofMillis(500), ServeLoad.Client.SOCKET));
            assertTrue(r.ok() > 0 && r.ok() < 100, "bounded by time: " + r.ok());
            assertTrue(r.seconds() < 5, "stopped soon after the limit: " + r.seconds());
            assertTrue(r.percentileMs(50) >= 40, "an answer takes at least the server's 40 ms: " + r.percentileMs(50));
            assertTrue(r.percentileMs(99) >= r.percentileMs(50) && r.percentileMs(100) >= r.percentileMs(99));
        } finally {
            s.stop(0);
        }
    }
}
