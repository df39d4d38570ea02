package org.causalrx.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Many client threads at once get, request for request, the answers that scoring the same bodies one after another
 * gives (the code {@code causalrx recommend} runs), for a two-arm bundle and a three-arm XGBoost bundle; the audit
 * log (group commit, forced to disk) then holds every answered request exactly once, with its answer, chain intact.
 */
@Tag("slow")
class ConcurrentServeTest {
    private static final int THREADS = 16;
    private static final int ROUNDS = 3;

    @TempDir
    Path dir;

    @Test
    void concurrentRequestsGetTheSequentialAnswersOfATwoArmBundle() throws Exception {
        hammer(ServeFixture.model());
    }

    @Test
    void concurrentRequestsGetTheSequentialAnswersOfAThreeArmXgboostBundle() throws Exception {
        hammer(ServeFixture.multiArmModel());
    }

    /** One patient: age (a tenth unknown, some far outside training), sex, score. */
    private static ObjectNode patient(SplittableRandom r, int i) {
        ObjectNode p = Json.MAPPER.createObjectNode().put("id", "c" + i);
        if (r.nextInt(10) == 0) {
            p.putNull("age");
        } else {
            p.put("age", r.nextInt(15) == 0 ? 500 * r.nextGaussian() : 50 + 12 * r.nextGaussian());
        }
        return p.put("sex", r.nextBoolean() ? "F" : "M").put("score", r.nextGaussian());
    }

    /** 60 bodies: single patients, and every sixth a batch of five. */
    private static List<String> bodies() {
        SplittableRandom r = new SplittableRandom(17);
        List<String> out = new ArrayList<>();
        for (int b = 0; b < 60; b++) {
            if (b % 6 == 5) {
                ArrayNode ps = Json.MAPPER.createArrayNode();
                for (int k = 0; k < 5; k++) {
                    ps.add(patient(r, 100 * b + k));
                }
                out.add(ServeTest.batch(ps));
            } else {
                out.add(Json.write(patient(r, 100 * b)));
            }
        }
        return out;
    }

    private void hammer(Path modelDir) throws Exception {
        ServedModel model = ServedModel.load(modelDir);
        List<String> bodies = bodies();
        PatientParser parser = new PatientParser(model.schema(), 50);
        List<JsonNode> expected = new ArrayList<>();
        List<String> inputHashes = new ArrayList<>();
        for (String body : bodies) {
            PatientParser.Batch b = parser.parse(body.getBytes(StandardCharsets.UTF_8));
            Scorer.Scored s = model.scorer().score(b.table());
            assertTrue(s.problems().isEmpty(), s.problems().toString());
            ArrayNode recs = Json.MAPPER.createArrayNode();
            s.rows().forEach(row -> recs.add(row.toJson(model.modelId(), model.bundleSha256())));
            expected.add(recs);
            inputHashes.add(b.inputSha256());
        }
        assertTrue(expected.stream().flatMap(e -> e.findValuesAsText("recommendation").stream()).distinct().count()
                >= 2, "the patients get different recommendations");

        Path auditFile = dir.resolve("audit.jsonl");
        List<String> log = new ArrayList<>();
        Map<String, Integer> bodyOf = new ConcurrentHashMap<>();
        List<String> wrong = java.util.Collections.synchronizedList(new ArrayList<>());
        try (AuditLog audit = AuditLog.open(auditFile, true);
             RecommendationServer s = RecommendationServer.start(model, ApiKeys.load(ServeFixture.keys(dir)), audit,
                     ServeFixture.settings(log).with(Duration.ofSeconds(10), THREADS))) {
            Http http = new Http(s.port());
            ExecutorService pool = Executors.newFixedThreadPool(THREADS);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<?>> clients = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int offset = 7 * t;
                clients.add(pool.submit(() -> {
                    go.await();
                    for (int k = 0; k < ROUNDS * bodies.size(); k++) {
                        int i = (offset + k) % bodies.size();
                        Http.Reply r = http.recommend(ServeFixture.ALICE_KEY, bodies.get(i));
                        JsonNode got = r.status() == 200 ? r.json().get("recommendations") : null;
                        if (!expected.get(i).equals(got)) {
                            wrong.add("body " + i + ": HTTP " + r.status() + " " + r.body());
                        } else {
                            bodyOf.put(r.json().get("request_id").asText(), i);
                        }
                    }
                    return null;
                }));
            }
            go.countDown();
            for (Future<?> c : clients) {
                c.get(5, TimeUnit.MINUTES);
            }
            pool.shutdown();
            assertEquals(List.of(), wrong.subList(0, Math.min(5, wrong.size())));
            assertEquals(THREADS * ROUNDS * bodies.size(), bodyOf.size(), "one request id per request");
            assertEquals(bodyOf.size(), audit.records());
        }
        AuditVerifier.Report chain = AuditVerifier.verify(auditFile);
        assertTrue(chain.intact(), String.valueOf(chain.firstBreak()));
        assertEquals(bodyOf.size(), chain.records());
        Map<String, Integer> seen = new HashMap<>();
        for (String line : Files.readAllLines(auditFile)) {
            JsonNode rec = Json.MAPPER.readTree(line);
            String rid = rec.get("request_id").asText();
            assertEquals(null, seen.put(rid, 1), "request " + rid + " recorded twice");
            Integer i = bodyOf.get(rid);
            assertTrue(i != null, "a record for an unanswered request " + rid);
            assertEquals(expected.get(i), rec.get("output"), "the record holds the answer sent");
            assertEquals(inputHashes.get(i), rec.get("input_sha256").asText());
        }
        assertEquals(bodyOf.keySet(), seen.keySet(), "every answered request is recorded");
    }
}
