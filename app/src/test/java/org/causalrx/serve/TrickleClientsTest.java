package org.causalrx.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Trickling clients: one that sends its request's headers, and one that sends its body, one byte every half second
 * (so never idle for the idle timeout) are both cut off (408 or closed) within the request timeout plus twice the
 * idle timeout of their first byte, while ten ordinary requests sent meanwhile are answered promptly; the cut
 * requests leave no audit record, the audit chain verifies, and the log holds none of their values.
 */
@Tag("slow")
class TrickleClientsTest {
    private static final Duration IDLE = Duration.ofSeconds(1);
    private static final Duration REQUEST = Duration.ofSeconds(3);
    private static final long BYTE_EVERY_MS = 500;
    private static final String SECRET = "{\"id\": \"TRICKLE-SECRET-ID\", \"age\": 47.777123, \"sex\": \"F\", "
            + "\"score\": 0.3141}";

    @TempDir
    Path dir;

    /** How a trickling client ended: seconds from its first byte to the cut, and what it received. */
    private record Cut(double seconds, boolean cut, String received) {
    }

    private static String head(int contentLength) {
        return "POST /v1/recommendations HTTP/1.1\r\nHost: 127.0.0.1\r\nX-API-Key: " + ServeFixture.ALICE_KEY
                + "\r\nContent-Type: application/json\r\nContent-Length: " + contentLength + "\r\n\r\n";
    }

    /**
     * Sends {@code prefix} at once, then {@code trickled} one byte every {@link #BYTE_EVERY_MS}, until the service
     * answers or closes the connection (or the trickle ends, which it does only long after the bound).
     */
    private static Cut trickle(int port, String prefix, String trickled) throws Exception {
        long bound = REQUEST.plus(IDLE.multipliedBy(2)).toMillis();
        try (Socket s = new Socket("127.0.0.1", port)) {
            s.setSoTimeout((int) bound + 3000);
            OutputStream out = s.getOutputStream();
            InputStream in = s.getInputStream();
            long t0 = System.nanoTime();
            out.write(prefix.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            Thread writer = new Thread(() -> {
                try {
                    for (byte b : trickled.getBytes(StandardCharsets.US_ASCII)) {
                        Thread.sleep(BYTE_EVERY_MS);
                        out.write(b);
                        out.flush();
                    }
                } catch (IOException | InterruptedException e) {
                    // cut off by the service, or the test is over
                }
            }, "trickle");
            writer.setDaemon(true);
            writer.start();
            StringBuilder got = new StringBuilder();
            boolean cut = true;
            try {
                int n = in.read(); // the first byte of an answer, or the end of the connection
                while (n >= 0) {
                    got.append((char) n);
                    n = in.available() > 0 || got.length() < 12 ? in.read() : -1;
                }
            } catch (SocketTimeoutException e) {
                cut = false;
            } catch (IOException e) {
                // reset by the service: cut off as well
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            writer.interrupt();
            return new Cut(seconds, cut, got.toString());
        }
    }

    @Test
    void tricklingHeadersOrBodyAreCutOffWhileOthersAreAnswered() throws Exception {
        List<String> log = new ArrayList<>();
        try (AuditLog audit = AuditLog.open(dir.resolve("audit.jsonl"), false);
             RecommendationServer server = RecommendationServer.start(ServedModel.load(ServeFixture.model()),
                     ApiKeys.load(ServeFixture.keys(dir)), audit, ServeFixture.settings(log).with(IDLE, 2)
                             .withRequestTimeout(REQUEST))) {
            Http http = new Http(server.port());
            assertEquals(200, http.recommend(ServeFixture.BOB_KEY, SECRET).status(), "warm up");
            long before = audit.records();
            String head = head(SECRET.length());
            ExecutorService pool = Executors.newFixedThreadPool(12);
            try {
                Future<Cut> headers = pool.submit(() -> trickle(server.port(), head.substring(0, 5),
                        head.substring(5)));
                Future<Cut> body = pool.submit(() -> trickle(server.port(), head, SECRET));
                Thread.sleep(REQUEST.toMillis() / 2); // both trickling
                List<Future<Long>> normal = new ArrayList<>();
                for (int i = 0; i < 10; i++) {
                    normal.add(pool.submit(() -> {
                        long r0 = System.nanoTime();
                        assertEquals(200, http.recommend(ServeFixture.BOB_KEY, SECRET).status());
                        return System.nanoTime() - r0;
                    }));
                }
                for (Future<Long> f : normal) {
                    assertTrue(f.get() < Duration.ofSeconds(1).toNanos(), "answered promptly while two clients "
                            + "trickle: " + f.get() / 1e6 + " ms");
                }
                double bound = REQUEST.plus(IDLE.multipliedBy(2)).toMillis() / 1000.0;
                for (Cut c : List.of(headers.get(), body.get())) {
                    assertTrue(c.cut() && c.seconds() <= bound, "cut off within " + bound + " s of the first byte: "
                            + c);
                    assertTrue(c.received().isEmpty() || c.received().startsWith("HTTP/1.1 408"), c.received());
                    assertTrue(c.received().isEmpty() || c.received().contains(Problem.MEDIA_TYPE)
                            && c.received().contains("\"status\":408") && !c.received().contains("<html"),
                            "a problem body, not Jetty's page: " + c.received());
                }
                assertTrue(headers.get().received().startsWith("HTTP/1.1 408"), "the HTTP layer answers headers too "
                        + "slow: " + headers.get());
                assertTrue(body.get().received().startsWith("HTTP/1.1 408"), "the handler answers a body too slow: "
                        + body.get());
            } finally {
                pool.shutdownNow();
            }
            assertEquals(before + 10, audit.records(), "the ten answered requests, nothing for the cut ones");
            assertTrue(AuditVerifier.verify(audit.file()).intact());
            assertEquals(200, http.get("/health", null).status());
        }
        String text;
        synchronized (log) {
            text = String.join("\n", log);
        }
        for (String value : new String[] {"TRICKLE-SECRET-ID", "47.777", "0.3141"}) {
            assertFalse(text.contains(value), "patient value '" + value + "' in the log:\n" + text);
        }
        assertFalse(text.contains("internal error"), text);
    }
}
