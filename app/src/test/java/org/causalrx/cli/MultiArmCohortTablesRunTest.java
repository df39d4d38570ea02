package org.causalrx.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code run} of a three-arm study writes TRS Tables S.1 (by split and by arm) and S.2 to results.json
 * ({@code cohort_tables}), to {@code tables/table_one.csv} and {@code tables/variable_dictionary.csv}, and to the
 * report.
 */
@Tag("slow")
class MultiArmCohortTablesRunTest {
    @TempDir
    Path dir;

    @Test
    void aThreeArmRunHasTheCohortTablesWithAColumnPerArm() throws Exception {
        Files.writeString(dir.resolve("data.csv"), MultiArmRunCommandTest.csv(450, 2));
        Files.writeString(dir.resolve("study.yaml"), MultiArmRunCommandTest.study("t_ridge")
                .replace("rounds: 200", "rounds: 50"));
        Path out = dir.resolve("run");
        BadInputMatrixTest.stdout(() -> assertEquals(0,
                Main.execute("run", dir.resolve("study.yaml").toString(), "--out", out.toString())));
        JsonNode r = new ObjectMapper().readTree(out.resolve("results.json").toFile());
        JsonNode tables = r.get("cohort_tables");
        assertEquals(3, tables.get("arms").size());
        int total = 0;
        for (int a = 0; a < 3; a++) {
            JsonNode arm = tables.get("arms").get(a);
            assertEquals(r.get("arms").get(a).get("code").asText(), arm.get("code").asText());
            JsonNode counts = r.get("arms").get(a);
            assertEquals(counts.get("n_train").asInt() + counts.get("n_validation").asInt()
                    + counts.get("n_test").asInt(), arm.get("n").asInt());
            total += arm.get("n").asInt();
        }
        assertEquals(450, total);
        assertEquals(tables.get("n_all").asInt(), total);
        JsonNode age = tables.get("table_one").get(0);
        assertEquals("age", age.get("variable").asText());
        assertEquals(3, age.get("by_arm").size());

        List<String> one = Files.readAllLines(out.resolve("tables/table_one.csv"));
        List<String> head = List.of(one.get(0).split(","));
        for (String code : List.of("keep", "down", "up")) {
            for (String stat : List.of("_n", "_value", "_sd", "_missing")) {
                assertTrue(head.contains("arm_" + code + stat), head.toString());
            }
        }
        assertEquals(head.size(), one.get(1).split(",", -1).length);
        assertTrue(Files.readString(out.resolve("tables/variable_dictionary.csv")).contains("score"));
        String html = Files.readString(out.resolve("report.html"));
        assertTrue(html.contains("Table S.1: the cohort by split and by arm"));
        assertTrue(html.contains("keep &lt;dose&gt; (n = "), "arm labels head the columns, escaped");
        assertTrue(html.contains("Table S.2: variable dictionary"));
    }
}
