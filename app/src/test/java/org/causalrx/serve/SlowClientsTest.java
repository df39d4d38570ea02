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

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Slow and vanishing clients: a client that stops in the middle of its headers or its body does not hold up the
 * others (they are answered within a bound while it hangs), is disconnected after the idle timeout, and leaves no
 * audit record; a client that disconnects mid-request or before reading its answer does not disturb the service;
 * the service log never holds the values such a client sent.
 */
@Tag("slow")
class SlowClientsTest {
    private static final Duration IDLE = Duration.ofSeconds(1);
    /** A patient whose values must not reach the log. */
    private static final String SECRET = "{\"id\": \"SLOW-SECRET-ID\", \"age\": 47.777123, \"sex\": \"F\", "
            + "\"score\": 0.3141}";

    @TempDir
    static Path dir;
    static final List<String> LOG = new ArrayList<>();
    static AuditLog audit;
    static RecommendationServer server;
    static Http http;

    @BeforeAll
    static void start() throws Exception {
        audit = AuditLog.open(dir.resolve("audit.jsonl"), false);
        server = RecommendationServer.start(ServedModel.load(ServeFixture.model()),
                ApiKeys.load(ServeFixture.keys(dir)), audit, ServeFixture.settings(LOG).with(IDLE, 2));
        http = new Http(server.port());
        assertEquals(200, http.recommend(ServeFixture.ALICE_KEY, SECRET).status(), "warm up");
    }

    @AfterAll
    static void stop() throws Exception {
        server.stop();
        audit.close();
    }

    private static Socket connect() throws IOException {
        Socket s = new Socket("127.0.0.1", server.port());
        s.setSoTimeout((int) IDLE.toMillis() * 10);
        return s;
    }

    private static String head(int contentLength) {
        return "POST /v1/recommendations HTTP/1.1\r\nHost: 127.0.0.1\r\nX-API-Key: " + ServeFixture.ALICE_KEY
                + "\r\nContent-Type: application/json\r\nContent-Length: " + contentLength + "\r\n\r\n";
    }

    private static void send(Socket s, String text) throws IOException {
        OutputStream out = s.getOutputStream();
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    /** While {@code stalled} hangs: other clients are answered promptly; then it is closed by the service. */
    private static void othersAnsweredAndStalledClosed(Socket stalled, long recordsBefore) throws Exception {
        long t0 = System.nanoTime();
        // a client of its own: a connection pooled by an earlier test has idled past the service's 1 s timeout, and
        // the JDK client may still pick it in the instant the service closes it ("header parser received no bytes")
        Http others = new Http(server.port());
        for (int i = 0; i < 10; i++) {
            long r0 = System.nanoTime();
            assertEquals(200, others.recommend(ServeFixture.BOB_KEY, SECRET).status());
            assertTrue(System.nanoTime() - r0 < Duration.ofMillis(900).toNanos(), "answered while the slow client "
                    + "hangs, well before its idle timeout");
        }
        assertEquals(recordsBefore + 10, audit.records(), "the ten answered requests, nothing for the stalled one");
        InputStream in = stalled.getInputStream();
        byte[] buf = new byte[4096];
        StringBuilder got = new StringBuilder();
        try {
            for (int n = in.read(buf); n >= 0; n = in.read(buf)) {
                got.append(new String(buf, 0, n, StandardCharsets.UTF_8));
            }
        } catch (SocketTimeoutException e) {
            throw new AssertionError("the service did not close the stalled connection: " + got, e);
        } catch (IOException e) {
            // reset by the service: closed as well
        }
        double waited = (System.nanoTime() - t0) / 1e9;
        assertTrue(waited < IDLE.toSeconds() * 5.0, "closed soon after the idle timeout: " + waited + " s");
        assertFalse(got.toString().contains("HTTP/1.1 200"), got.toString());
        assertEquals(recordsBefore + 10, audit.records(), "no record for the stalled request");
        assertLogHoldsNoPatientValue();
    }

    private static void assertLogHoldsNoPatientValue() {
        String log;
        synchronized (LOG) {
            log = String.join("\n", LOG);
        }
        for (String value : new String[] {"SLOW-SECRET-ID", "47.777", "0.3141"}) {
            assertFalse(log.contains(value), "patient value '" + value + "' in the log:\n" + log);
        }
        assertFalse(log.contains("internal error"), "a client gone or too slow is not a fault of the service:\n"
                + log);
    }

    @Test
    void aClientStalledInItsHeadersDoesNotHoldUpOthersAndIsClosed() throws Exception {
        long before = audit.records();
        try (Socket s = connect()) {
            send(s, head(SECRET.length()).substring(0, 60));
            othersAnsweredAndStalledClosed(s, before);
        }
    }

    @Test
    void aClientStalledInItsBodyDoesNotHoldUpOthersAndIsClosed() throws Exception {
        long before = audit.records();
        try (Socket s = connect()) {
            send(s, head(SECRET.length()) + SECRET.substring(0, SECRET.length() - 20));
            othersAnsweredAndStalledClosed(s, before);
        }
        synchronized (LOG) {
            assertTrue(LOG.stream().anyMatch(l -> l.contains("POST /v1/recommendations -> 408")), String.join("\n",
                    LOG));
        }
    }

    @Test
    void clientsThatDisconnectMidRequestOrBeforeTheAnswerLeaveTheServiceAnswering() throws Exception {
        long before = audit.records();
        for (int i = 0; i < 5; i++) {
            try (Socket s = connect()) {
                send(s, head(SECRET.length()) + SECRET.substring(0, 30));
                s.setSoLinger(true, 0); // reset, not an orderly close
            }
        }
        // whole requests whose answers are never read: answered (so recorded), the service unharmed
        for (int i = 0; i < 5; i++) {
            try (Socket s = connect()) {
                send(s, head(SECRET.length()) + SECRET);
                s.setSoLinger(true, 0);
            }
        }
        long t0 = System.nanoTime();
        while (audit.records() < before + 5 && System.nanoTime() - t0 < Duration.ofSeconds(10).toNanos()) {
            Thread.sleep(10);
        }
        Http others = new Http(server.port()); // not a pooled connection that idled past the timeout (above)
        for (int i = 0; i < 10; i++) {
            assertEquals(200, others.recommend(ServeFixture.BOB_KEY, SECRET).status());
        }
        Thread.sleep(IDLE.toMillis() * 2);
        long extra = audit.records() - before - 10;
        assertTrue(extra <= 5, "at most the five whole requests are recorded, never a cut-short one: " + extra);
        assertTrue(AuditVerifier.verify(audit.file()).intact());
        assertEquals(200, new Http(server.port()).get("/health", null).status());
        assertLogHoldsNoPatientValue();
    }
}
