package org.causalrx.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.causalrx.cli.Main;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The service on a real bundle: the same answers as {@code causalrx recommend}, the model description, keys,
 * problem bodies for bad requests (and a server that keeps answering), responses that conform to the OpenAPI
 * document, the audit trail, and a log without patient values.
 */
@Tag("slow")
class ServeTest {
    /** New patients: a missing age, and two ages far outside the training range (deferred: outside overlap). */
    static final String PATIENTS = "id,age,sex,score\nn1,45.5,F,1.2\nn2,61.25,M,-0.8\nn3,,F,0.3\nn4,1000,M,0.5\n"
            + "n5,-1000,F,0.1\nn6,50,M,0\n";

    @TempDir
    static Path dir;
    static Path model;
    static final List<String> LOG = new ArrayList<>();
    static AuditLog audit;
    static RecommendationServer server;
    static Http http;

    @BeforeAll
    static void start() throws Exception {
        model = ServeFixture.model();
        audit = AuditLog.open(dir.resolve("audit.jsonl"), false);
        server = RecommendationServer.start(ServedModel.load(model), ApiKeys.load(ServeFixture.keys(dir)), audit,
                ServeFixture.settings(LOG));
        http = new Http(server.port());
    }

    @AfterAll
    static void stop() throws Exception {
        server.stop();
        audit.close();
    }

    /** The CSV's patients as a JSON batch: numbers as numbers, empty cells as null. */
    static ArrayNode patientsJson(String csv) {
        ArrayNode arr = Json.MAPPER.createArrayNode();
        String[] lines = csv.split("\n");
        String[] head = lines[0].split(",");
        for (int i = 1; i < lines.length; i++) {
            String[] cells = lines[i].split(",", -1);
            ObjectNode p = arr.addObject();
            for (int j = 0; j < head.length; j++) {
                if (cells[j].isEmpty()) {
                    p.putNull(head[j]);
                } else if (head[j].equals("age") || head[j].equals("score")) {
                    p.put(head[j], Double.parseDouble(cells[j]));
                } else {
                    p.put(head[j], cells[j]);
                }
            }
        }
        return arr;
    }

    static String batch(ArrayNode patients) {
        ObjectNode b = Json.MAPPER.createObjectNode();
        b.set("patients", patients);
        return Json.write(b);
    }

    @Test
    void sameInputsGiveTheSameAnswersAsRecommend() throws Exception {
        Path in = Files.writeString(dir.resolve("new.csv"), PATIENTS);
        Path out = dir.resolve("recs.csv");
        PrintStream was = System.out;
        System.setOut(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        try {
            assertEquals(0, Main.execute("recommend", "--model", model.toString(), "--input", in.toString(), "--out",
                    out.toString()));
        } finally {
            System.setOut(was);
        }
        List<String> csv = Files.readAllLines(out);
        Http.Reply r = http.recommend(ServeFixture.ALICE_KEY, batch(patientsJson(PATIENTS)));
        assertEquals(200, r.status(), r.body());
        JsonNode recs = r.json().get("recommendations");
        assertEquals(csv.size() - 1, recs.size());
        int deferred = 0;
        for (int i = 0; i < recs.size(); i++) {
            List<String> row = Csv.cells(csv.get(i + 1));
            JsonNode j = recs.get(i);
            assertEquals(row.get(0), j.get("id").asText());
            assertEquals(row.get(1), j.get("recommendation").asText());
            assertEquals(row.get(2), j.get("reason").asText());
            assertEquals(Double.parseDouble(row.get(3)), j.get("cate").doubleValue(), 0.0, "cate " + row.get(0));
            assertEquals(row.get(4).isEmpty(), j.get("interval").isNull());
            assertEquals(Double.parseDouble(row.get(6)), j.get("propensity").doubleValue(), 0.0);
            assertEquals(row.get(1).equals("DEFER"), j.get("deferred").asBoolean());
            deferred += j.get("deferred").asBoolean() ? 1 : 0;
        }
        assertEquals(2, deferred, "the two patients outside the training ages are deferred");
        assertNotEquals(recs.get(0).get("cate").doubleValue(), recs.get(1).get("cate").doubleValue());
        // one patient alone gets the same answer as in the batch
        Http.Reply one = http.recommend(ServeFixture.BOB_KEY, Json.write(patientsJson(PATIENTS).get(1)));
        assertEquals(200, one.status(), one.body());
        assertEquals(recs.get(1), one.json().get("recommendations").get(0));
    }

    @Test
    void theModelEndpointSaysWhatTheBundleSays() throws Exception {
        Http.Reply r = http.get("/v1/model", ServeFixture.ALICE_KEY);
        assertEquals(200, r.status(), r.body());
        JsonNode m = r.json();
        JsonNode bundle = Json.MAPPER.readTree(model.resolve("bundle.json").toFile());
        assertEquals("serve/" + bundle.at("/policy/name").asText(), m.get("model_id").asText());
        assertEquals(Json.sha256(Files.readAllBytes(model.resolve("manifest.json"))), m.get("bundle_sha256").asText());
        assertEquals(Json.MAPPER.readTree(model.resolve("schema.json").toFile()), m.get("input_schema"));
        assertEquals(bundle.get("overlap"), m.get("overlap"));
        assertEquals("higher", m.at("/outcome/direction").asText());
        JsonNode results = Json.MAPPER.readTree(model.resolve("../results.json").toFile());
        assertEquals(results.at("/policy_insights/verdict/headline/gain").doubleValue(),
                m.at("/headline/values/gain").doubleValue(), 0.0);
        assertEquals(results.at("/policy_insights/verdict/headline/n_test").intValue(),
                m.at("/headline/values/n_test").intValue());
    }

    @Test
    void responsesConformToTheOpenApiDocument() throws Exception {
        OpenApiCheck api = new OpenApiCheck();
        Http.Reply doc = http.get("/openapi.json", null);
        assertEquals(200, doc.status());
        assertEquals("3.0.3", doc.json().get("openapi").asText());
        List<String> bad = new ArrayList<>();
        bad.addAll(api.check("/health", "get", http.get("/health", null)));
        bad.addAll(api.check("/ready", "get", http.get("/ready", null)));
        bad.addAll(api.check("/v1/model", "get", http.get("/v1/model", ServeFixture.ALICE_KEY)));
        bad.addAll(api.check("/v1/model", "get", http.get("/v1/model", null)));
        String rec = "/v1/recommendations";
        for (Http.Reply r : List.of(http.recommend(ServeFixture.ALICE_KEY, batch(patientsJson(PATIENTS))),
                http.recommend(null, "{}"), http.recommend(ServeFixture.ALICE_KEY, "{"),
                http.post(rec, ServeFixture.ALICE_KEY, "text/plain", "x"),
                http.recommend(ServeFixture.ALICE_KEY, "{\"age\": 1}"))) {
            bad.addAll(api.check(rec, "post", r));
        }
        assertEquals(List.of(), bad);
        // the checker itself rejects a body that breaks the schema
        Http.Reply health = http.get("/health", null);
        List<String> wrong = new ArrayList<>();
        api.validate(Json.MAPPER.readTree("{\"status\": 3}"),
                Json.MAPPER.readTree("{\"$ref\": \"#/components/schemas/Health\"}"), "", wrong);
        assertEquals(1, wrong.size(), wrong.toString());
        assertEquals(200, health.status());
    }

    @Test
    void withoutAValidKeyTheAnswerIs401AndSaysNothingMore() throws Exception {
        String body = batch(patientsJson(PATIENTS));
        Http.Reply none = http.recommend(null, body);
        Http.Reply wrong = http.recommend("alice-key-0123456789abcdeX", body);
        Http.Reply hash = http.recommend(Json.sha256(ServeFixture.ALICE_KEY), body);
        for (Http.Reply r : List.of(none, wrong, hash, http.get("/v1/model", "nope"))) {
            assertEquals(401, r.status(), r.body());
            assertTrue(r.contentType().startsWith(Problem.MEDIA_TYPE), r.contentType());
            JsonNode p = r.json();
            p = ((ObjectNode) p).without("instance");
            assertEquals(((ObjectNode) none.json()).without("instance"), p, "one body for every refusal");
            assertFalse(r.body().contains("alice") || r.body().contains("bob"), r.body());
        }
    }

    @Test
    void badRequestsGetProblemsNamingTheFieldAndTheServerKeepsAnswering() throws Exception {
        String key = ServeFixture.ALICE_KEY;
        ArrayNode ps = patientsJson(PATIENTS);
        ((ObjectNode) ps.get(1)).put("sex", "Xenon").put("id", "SECRET-ID-777");
        ((ObjectNode) ps.get(2)).put("age", 47.777123);
        Http.Reply unknownLevel = http.recommend(key, batch(ps));
        assertEquals(422, unknownLevel.status(), unknownLevel.body());
        JsonNode err = unknownLevel.json().get("errors");
        assertEquals(1, err.size(), err.toString());
        assertEquals("/patients/1/sex", err.get(0).get("pointer").asText());
        assertTrue(err.get(0).get("detail").asText().contains("[F, M]"), err.toString());
        assertFalse(unknownLevel.body().contains("Xenon"), "the value is not repeated");
        ArrayNode big = Json.MAPPER.createArrayNode();
        for (int i = 0; i < 51; i++) {
            big.add(ps.get(0).deepCopy());
        }
        assertEquals(413, http.recommend(key, batch(big)).status());
        assertEquals(413, http.recommend(key, "{\"patients\": [" + "1,".repeat(600_000) + "1]}").status());
        assertEquals(400, http.recommend(key, "{\"patients\": [{\"age\": 1,}]}").status());
        assertEquals(415, http.post("/v1/recommendations", key, "text/csv", PATIENTS).status());
        Http.Reply wrongType = http.recommend(key, "{\"id\": \"a\", \"age\": \"forty\", \"sex\": \"F\", \"score\": 1,"
                + " \"weight\": 3}");
        assertEquals(422, wrongType.status());
        assertEquals("[\"/age\",\"/weight\"]", Json.write(Json.MAPPER.valueToTree(
                wrongType.json().findValuesAsText("pointer").stream().sorted().toList())));
        Http.Reply notFound = http.get("/v2/anything", key);
        assertEquals(404, notFound.status());
        assertTrue(notFound.contentType().startsWith(Problem.MEDIA_TYPE));
        assertEquals(405, http.post("/health", null, "application/json", "{}").status());
        // a valid request with the same values is answered; the log has no patient value
        ((ObjectNode) ps.get(1)).put("sex", "M");
        assertEquals(200, http.recommend(key, batch(ps)).status());
        assertEquals(200, http.get("/health", null).status());
        String log;
        synchronized (LOG) {
            log = String.join("\n", LOG);
        }
        assertTrue(log.contains("POST /v1/recommendations -> 422"), log);
        assertTrue(log.contains("caller=alice"), log);
        for (String value : new String[] {"SECRET-ID-777", "47.777", "Xenon", "61.25", "n2"}) {
            assertFalse(log.contains(value), "patient value '" + value + "' in the log:\n" + log);
        }
    }

    @Test
    void everyAnswerIsInTheAuditTrailChainedToThePreviousOne() throws Exception {
        long before = audit.records();
        ArrayNode ps = patientsJson(PATIENTS);
        Http.Reply r = http.recommend(ServeFixture.BOB_KEY, batch(ps));
        assertEquals(200, r.status());
        assertEquals(before + 1, audit.records());
        assertEquals(422, http.recommend(ServeFixture.BOB_KEY, "{\"age\": 1}").status());
        assertEquals(before + 1, audit.records(), "a refused request gives no recommendation and no record");
        List<String> lines = Files.readAllLines(audit.file());
        JsonNode rec = null;
        for (String line : lines) {
            JsonNode n = Json.MAPPER.readTree(line);
            if (n.get("request_id").asText().equals(r.json().get("request_id").asText())) {
                rec = n;
            }
        }
        assertTrue(rec != null, "the request's record");
        assertEquals("bob", rec.get("caller").asText());
        assertEquals(r.json().get("recommendations"), rec.get("output"));
        assertEquals(r.json().get("bundle_sha256"), rec.get("bundle_sha256"));
        assertEquals(new PatientParser(ServedModel.load(model).schema(), 50).parse(batch(ps).getBytes(
                StandardCharsets.UTF_8)).inputSha256(), rec.get("input_sha256").asText());
        assertEquals("2027-01-01T00:00:00Z", rec.get("time").asText());
        assertTrue(AuditVerifier.verify(audit.file()).intact());
    }
}
