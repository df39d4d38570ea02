package org.causalrx.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.causalrx.serve.ApiKeys;
import org.causalrx.serve.AuditLog;
import org.causalrx.serve.RecommendationServer;
import org.causalrx.serve.ServeSettings;
import org.causalrx.serve.ServedModel;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A three-arm bundle served: per patient the same arm, reason, effects and propensities as {@code recommend}. */
@Tag("slow")
class MultiArmServeTest {
    @TempDir
    Path dir;

    @Test
    void theServiceAnswersAsRecommendForAKArmBundle() throws Exception {
        Files.writeString(dir.resolve("data.csv"), MultiArmRunCommandTest.csv(900, 1));
        Files.writeString(dir.resolve("study.yaml"), MultiArmRunCommandTest.study("t_ridge"));
        Path run = dir.resolve("run");
        BadInputMatrixTest.stdout(() -> assertEquals(0, Main.execute("run", dir.resolve("study.yaml").toString(),
                "--out", run.toString())));
        Path in = Files.writeString(dir.resolve("new.csv"), "id,age,score\nn1,0.1,2\nn2,0.2,-2\nn3,0.5,0\n");
        Path recs = dir.resolve("recs.csv");
        BadInputMatrixTest.stdout(() -> assertEquals(0, Main.execute("recommend", "--model",
                run.resolve("model").toString(), "--input", in.toString(), "--out", recs.toString())));
        List<String> csv = Files.readAllLines(recs);
        String[] head = csv.get(0).split(",");

        Path keys = Files.writeString(dir.resolve("keys"), "ops:ops-key-0123456789abcdef\n");
        try (AuditLog audit = AuditLog.open(dir.resolve("audit.jsonl"), false);
             RecommendationServer s = RecommendationServer.start(ServedModel.load(run.resolve("model")),
                     ApiKeys.load(keys), audit, new ServeSettings("127.0.0.1", 0, 10, 1L << 20,
                             Duration.ofSeconds(5), Clock.systemUTC(), () -> "r", line -> { }))) {
            String body = "{\"patients\": [{\"id\": \"n1\", \"age\": 0.1, \"score\": 2}, {\"id\": \"n2\", \"age\": 0.2,"
                    + " \"score\": -2}, {\"id\": \"n3\", \"age\": 0.5, \"score\": 0}]}";
            HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                    "http://127.0.0.1:" + s.port() + "/v1/recommendations")).header("Content-Type", "application/json")
                    .header("Authorization", "Bearer ops-key-0123456789abcdef")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, r.statusCode(), r.body());
            JsonNode got = new ObjectMapper().readTree(r.body()).get("recommendations");
            assertEquals(3, got.size());
            for (int i = 0; i < 3; i++) {
                String[] row = csv.get(i + 1).split(",", -1);
                JsonNode j = got.get(i);
                assertEquals(row[0], j.get("id").asText());
                assertEquals(row[1], j.get("recommendation").asText());
                assertEquals(row[2], j.get("arm_code").asText(""));
                assertEquals(row[3], j.get("reason").asText(), "no comma in these reasons, so the split holds");
                for (int c = 4; c < head.length - 1; c++) {
                    String[] name = head[c].split("_");
                    JsonNode v = name[0].equals("effect") ? j.get("effects").get(name[1])
                            : j.get("propensities").get(name[1]);
                    assertEquals(Double.parseDouble(row[c]), v.doubleValue(), 0.0, head[c] + " of " + row[0]);
                }
            }
            assertEquals(1, audit.records());
        }
    }
}
