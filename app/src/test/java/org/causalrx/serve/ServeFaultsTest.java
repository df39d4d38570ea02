package org.causalrx.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import org.causalrx.cli.Main;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Faults while serving: an audit log that cannot be written (fail closed), the bundle changed or removed on disk
 * (the loaded model keeps serving, /ready says so), and a stop or SIGTERM with requests in progress (they finish;
 * requests arriving while stopping get 503; the audit log holds exactly the answered ones, its chain intact).
 */
@Tag("slow")
class ServeFaultsTest {
    @TempDir
    Path dir;

    private final List<String> log = new ArrayList<>();

    private static String batch() {
        return ServeTest.batch(ServeTest.patientsJson(ServeTest.PATIENTS));
    }

    @Test
    void anAuditLogThatCannotBeWrittenRefusesEveryRecommendation() throws Exception {
        Path full = Path.of("/dev/full");
        Assumptions.assumeTrue(Files.exists(full), "needs /dev/full (a file that is always full)");
        try (AuditLog audit = AuditLog.open(full, false);
             RecommendationServer s = RecommendationServer.start(ServedModel.load(ServeFixture.model()),
                     ApiKeys.load(ServeFixture.keys(dir)), audit, ServeFixture.settings(log))) {
            Http http = new Http(s.port());
            Http.Reply r = http.recommend(ServeFixture.ALICE_KEY, batch());
            assertEquals(503, r.status(), r.body());
            assertTrue(r.contentType().startsWith(Problem.MEDIA_TYPE));
            assertEquals("urn:causalrx:problem:audit-unavailable", r.json().get("type").asText());
            assertFalse(r.body().contains("recommendations") || r.body().contains("DEFER"), r.body());
            Http.Reply ready = http.get("/ready", null);
            assertEquals(503, ready.status());
            assertEquals("failing", ready.json().get("audit").asText());
            assertEquals(200, http.get("/health", null).status());
            assertEquals(503, http.recommend(ServeFixture.ALICE_KEY, batch()).status(), "still refused");
            assertTrue(String.join("\n", log).contains("audit log write failed"), String.join("\n", log));
        }
    }

    @Test
    void aBundleChangedOrRemovedOnDiskKeepsServingTheLoadedModel() throws Exception {
        Path copy = dir.resolve("model");
        Files.createDirectories(copy);
        try (Stream<Path> files = Files.list(ServeFixture.model())) {
            for (Path f : files.toList()) {
                Files.copy(f, copy.resolve(f.getFileName()));
            }
        }
        try (AuditLog audit = AuditLog.open(dir.resolve("audit.jsonl"), false);
             RecommendationServer s = RecommendationServer.start(ServedModel.load(copy),
                     ApiKeys.load(ServeFixture.keys(dir)), audit, ServeFixture.settings(log))) {
            Http http = new Http(s.port());
            JsonNode first = http.recommend(ServeFixture.ALICE_KEY, batch()).json().get("recommendations");
            assertEquals("unchanged", http.get("/ready", null).json().get("model_files").asText());
            Files.writeString(copy.resolve("schema.json"), " ", StandardOpenOption.APPEND);
            Http.Reply changed = http.get("/ready", null);
            assertEquals(200, changed.status());
            assertEquals("changed", changed.json().get("model_files").asText());
            Files.delete(copy.resolve("cate.json"));
            Files.delete(copy.resolve("manifest.json"));
            Http.Reply missing = http.get("/ready", null);
            assertEquals(200, missing.status(), "still ready: the loaded model is served");
            assertEquals("missing", missing.json().get("model_files").asText());
            assertTrue(missing.json().get("note").asText().contains("still served"));
            Http.Reply again = http.recommend(ServeFixture.ALICE_KEY, batch());
            assertEquals(200, again.status());
            assertEquals(first, again.json().get("recommendations"));
        }
    }

    @Test
    void stopFinishesTheRequestsInProgressAndTheAuditHoldsExactlyTheAnswered() throws Exception {
        Path auditFile = dir.resolve("audit.jsonl");
        AuditLog audit = AuditLog.open(auditFile, false);
        RecommendationServer s = RecommendationServer.start(ServedModel.load(ServeFixture.model()),
                ApiKeys.load(ServeFixture.keys(dir)), audit, ServeFixture.settings(log));
        Load load = new Load(new Http(s.port()), 6);
        load.awaitAnswers(20);
        s.stop();
        audit.close();
        Load.Counts c = load.finish();
        assertTrue(c.ok() >= 20, c.toString());
        assertEquals(0, c.otherStatus(), "a request is answered, or refused with 503 while stopping: " + c);
        AuditVerifier.Report r = AuditVerifier.verify(auditFile);
        assertTrue(r.intact(), String.valueOf(r.firstBreak()));
        assertEquals(c.ok(), r.records(), "one audit record per answered request: " + c);
    }

    @Test
    void sigtermStopsTheProcessGracefully() throws Exception {
        Path auditFile = dir.resolve("audit.jsonl");
        String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Path err = dir.resolve("stderr.txt");
        // the child's temporary files (native libraries unpacked from the class path) go under the test's folder
        Path tmp = Files.createDirectories(dir.resolve("child-tmp"));
        Process p = new ProcessBuilder(java, "-Djava.io.tmpdir=" + tmp, "-cp", cp, Main.class.getName(), "serve",
                "--model", ServeFixture.model().toString(), "--keys", ServeFixture.keys(dir).toString(), "--audit",
                auditFile.toString(), "--port", "0").redirectError(err.toFile()).start();
        try {
            int port = port(p);
            Load load = new Load(new Http(port), 4);
            load.awaitAnswers(10);
            p.destroy(); // SIGTERM
            assertTrue(p.waitFor(60, TimeUnit.SECONDS), "stopped within a minute");
            Load.Counts c = load.finish();
            assertEquals(143, p.exitValue(), "exit status of SIGTERM");
            String said = Files.readString(err);
            assertTrue(said.contains("stopped; audit log"), said);
            assertEquals(0, c.otherStatus(), "answered, or 503 while stopping: " + c);
            AuditVerifier.Report r = AuditVerifier.verify(auditFile);
            assertTrue(r.intact(), String.valueOf(r.firstBreak()));
            assertEquals(c.ok(), r.records(), c.toString());
            assertTrue(said.contains("holds " + r.records() + " records"), said);
        } finally {
            p.destroyForcibly();
        }
    }

    /** The port from the child's "serving ... on http://127.0.0.1:PORT" line. */
    private static int port(Process p) throws IOException {
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        Pattern on = Pattern.compile("on http://127\\.0\\.0\\.1:(\\d+) ");
        for (String line = out.readLine(); line != null; line = out.readLine()) {
            Matcher m = on.matcher(line);
            if (m.find()) {
                return Integer.parseInt(m.group(1));
            }
        }
        throw new AssertionError("the child process ended without serving");
    }

    /** Client threads posting batches until the server stops answering. */
    private static final class Load {
        /** Answered (200), refused as stopping (503), other statuses, connection closed or refused. */
        record Counts(int ok, int stopping, int otherStatus, int refused) {
        }

        private final ExecutorService pool;
        private final List<Future<?>> running = new ArrayList<>();
        private final AtomicInteger ok = new AtomicInteger();
        private final AtomicInteger stopping = new AtomicInteger();
        private final AtomicInteger other = new AtomicInteger();
        private final AtomicInteger refused = new AtomicInteger();

        Load(Http http, int threads) {
            pool = Executors.newFixedThreadPool(threads);
            String body = batch();
            for (int t = 0; t < threads; t++) {
                running.add(pool.submit(() -> {
                    for (int i = 0; i < 100_000; i++) {
                        try {
                            int status = http.recommend(ServeFixture.ALICE_KEY, body).status();
                            (status == 200 ? ok : status == 503 ? stopping : other).incrementAndGet();
                        } catch (Exception e) {
                            refused.incrementAndGet();
                            return;
                        }
                    }
                }));
            }
        }

        void awaitAnswers(int n) throws InterruptedException {
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (ok.get() < n && System.nanoTime() < until) {
                Thread.sleep(5);
            }
        }

        Counts finish() throws Exception {
            for (Future<?> f : running) {
                f.get(60, TimeUnit.SECONDS);
            }
            pool.shutdown();
            return new Counts(ok.get(), stopping.get(), other.get(), refused.get());
        }
    }
}
