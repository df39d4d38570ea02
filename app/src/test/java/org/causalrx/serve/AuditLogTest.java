package org.causalrx.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import org.causalrx.util.CausalRxException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The audit log's hash chain: intact after appends and after reopening; an edited, removed, reordered or cut-short
 * record is reported at its line; a log that cannot be written fails the append and cannot be opened.
 */
class AuditLogTest {
    @TempDir
    Path dir;

    static AuditEntry entry(int i) {
        JsonNode out = Json.MAPPER.createArrayNode().add(Json.MAPPER.createObjectNode().put("id", "p" + i)
                .put("recommendation", i % 2 == 0 ? "treated" : "DEFER").put("cate", 0.1 * i));
        return new AuditEntry("r" + i, Instant.parse("2027-01-01T00:00:00Z").plusSeconds(i), "alice", "s/t_ridge",
                "a".repeat(64), Json.sha256("in" + i), out);
    }

    private Path logWith(int n) throws IOException {
        Path f = dir.resolve("audit.jsonl");
        try (AuditLog log = AuditLog.open(f, false)) {
            for (int i = 0; i < n; i++) {
                log.append(entry(i));
            }
        }
        return f;
    }

    @Test
    void appendsChainAndReopeningContinuesTheChain() throws Exception {
        Path f = logWith(3);
        AuditVerifier.Report r = AuditVerifier.verify(f);
        assertTrue(r.intact(), String.valueOf(r.firstBreak()));
        assertEquals(3, r.records());
        try (AuditLog log = AuditLog.open(f, true)) {
            assertEquals(3, log.records());
            log.append(entry(3));
        }
        List<String> lines = Files.readAllLines(f);
        assertEquals(4, lines.size());
        JsonNode last = Json.MAPPER.readTree(lines.get(3));
        assertEquals(4, last.get("seq").asInt());
        assertEquals(Json.MAPPER.readTree(lines.get(2)).get("hash").asText(), last.get("prev_hash").asText());
        assertEquals("alice", last.get("caller").asText());
        assertEquals(Json.sha256("in3"), last.get("input_sha256").asText());
        assertTrue(AuditVerifier.verify(f).intact());
        assertEquals(AuditVerifier.GENESIS, Json.MAPPER.readTree(lines.get(0)).get("prev_hash").asText());
        assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(
                Files.getPosixFilePermissions(f)), "patient outputs: owner only");
    }

    @Test
    void concurrentAppendersEachGetTheHashOfTheirOwnRecordOnceInAnIntactChain() throws Exception {
        Path f = dir.resolve("audit.jsonl");
        int threads = 8;
        int each = 150;
        java.util.Map<String, String> hashOf = new java.util.concurrent.ConcurrentHashMap<>();
        try (AuditLog log = AuditLog.open(f, true)) {
            java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads);
            List<java.util.concurrent.Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int base = t * each;
                done.add(pool.submit(() -> {
                    for (int i = base; i < base + each; i++) {
                        hashOf.put("r" + i, log.append(entry(i)));
                    }
                    return null;
                }));
            }
            for (java.util.concurrent.Future<?> d : done) {
                d.get();
            }
            pool.shutdown();
            assertEquals(threads * each, log.records());
        }
        AuditVerifier.Report r = AuditVerifier.verify(f);
        assertTrue(r.intact(), String.valueOf(r.firstBreak()));
        List<String> lines = Files.readAllLines(f);
        assertEquals(threads * each, lines.size());
        java.util.Set<String> seen = new java.util.HashSet<>();
        for (String line : lines) {
            JsonNode n = Json.MAPPER.readTree(line);
            String rid = n.get("request_id").asText();
            assertTrue(seen.add(rid), rid + " twice");
            assertEquals(hashOf.get(rid), n.get("hash").asText(), "append returned its own record's hash");
            assertEquals(entry(Integer.parseInt(rid.substring(1))).output(), n.get("output"));
        }
    }

    @Test
    void tamperingIsReportedAtTheFirstBrokenRecord() throws Exception {
        Path f = logWith(5);
        List<String> lines = Files.readAllLines(f);
        // an edited output value
        List<String> edited = new ArrayList<>(lines);
        edited.set(1, edited.get(1).replace("\"DEFER\"", "\"treated\""));
        assertBreak(f, edited, 2, "changed after it was written");
        // a record removed
        List<String> removed = new ArrayList<>(lines);
        removed.remove(1);
        assertBreak(f, removed, 2, "prev_hash");
        // two records swapped
        List<String> swapped = new ArrayList<>(lines);
        swapped.set(3, lines.get(4));
        swapped.set(4, lines.get(3));
        assertBreak(f, swapped, 4, "prev_hash");
        // a record and its hash rewritten together still breaks the next record's prev_hash
        List<String> rehashed = new ArrayList<>(lines);
        String body = lines.get(1).substring(0, lines.get(1).lastIndexOf(",\"hash\":")).replace("alice", "mallory")
                + "}";
        rehashed.set(1, body.substring(0, body.length() - 1) + ",\"hash\":\"" + Json.sha256(body) + "\"}");
        assertBreak(f, rehashed, 3, "prev_hash");
        // cut short
        Files.writeString(f, String.join("\n", lines.subList(0, 4)) + "\n" + lines.get(4).substring(0, 30));
        AuditVerifier.Report r = AuditVerifier.verify(f);
        assertEquals(5, r.firstBreak().line());
        assertTrue(r.firstBreak().what().contains("cut short"));
        String msg = assertThrows(CausalRxException.class, () -> AuditLog.open(f, false)).getMessage();
        assertTrue(msg.contains("line 5") && msg.contains("new --audit file"), msg);
    }

    private static void assertBreak(Path f, List<String> lines, long line, String what) throws IOException {
        Files.write(f, lines, StandardCharsets.UTF_8);
        AuditVerifier.Report r = AuditVerifier.verify(f);
        assertEquals(line, r.firstBreak().line(), r.firstBreak().what());
        assertTrue(r.firstBreak().what().contains(what), r.firstBreak().what());
        assertEquals(line - 1, r.records());
    }

    @Test
    void auditVerifyExitsZeroIntactOneBrokenTwoUnreadable() throws Exception {
        Path f = logWith(3);
        java.io.PrintWriter err = new java.io.PrintWriter(new java.io.StringWriter(), true);
        assertEquals(0, org.causalrx.cli.Main.execute(err, "audit", "verify", f.toString()));
        List<String> lines = new ArrayList<>(Files.readAllLines(f));
        lines.remove(0);
        Files.write(f, lines);
        assertEquals(1, org.causalrx.cli.Main.execute(err, "audit", "verify", f.toString()));
        assertEquals(2, org.causalrx.cli.Main.execute(err, "audit", "verify", dir.resolve("none").toString()));
    }

    @Test
    void aLogThatCannotBeWrittenFailsTheAppendOrTheOpen() throws Exception {
        Path full = Path.of("/dev/full");
        if (Files.exists(full)) {
            try (AuditLog log = AuditLog.open(full, false)) {
                assertThrows(IOException.class, () -> log.append(entry(0)));
                assertTrue(log.failing());
                assertEquals(0, log.records());
            }
        }
        Path notADir = Files.writeString(dir.resolve("file"), "x");
        String msg = assertThrows(CausalRxException.class, () -> AuditLog.open(notADir.resolve("audit.jsonl"),
                false)).getMessage();
        assertTrue(msg.contains("cannot open the audit log"), msg);
        assertNull(AuditVerifier.verify(logWith(0)).firstBreak(), "an empty log is intact");
    }
}
