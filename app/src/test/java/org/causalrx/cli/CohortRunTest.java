package org.causalrx.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code run} on a study whose data is a {@code cohort:} block over synthetic event tables (labelled synthetic: 400
 * patients with one or two stays, a creatinine rise, a diuretic more likely at higher creatinine, and creatinine
 * 60 h later lowered by 0.4 mg/dL when treated): the run builds the table itself, goes through, and its AIPW
 * estimate covers the simulated effect.
 */
@Tag("slow")
class CohortRunTest {
    private static final DateTimeFormatter F = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final LocalDateTime ORIGIN = LocalDateTime.of(2100, 1, 1, 0, 0);

    private static String at(double hours) {
        return ORIGIN.plusSeconds(Math.round(hours * 3600)).format(F);
    }

    @Test
    void runBuildsTheCohortAndEstimatesTheSimulatedEffect(@TempDir Path dir) throws Exception {
        SplittableRandom r = new SplittableRandom(20261203);
        List<String> stays = new ArrayList<>(List.of("pid,sid"));
        List<String> labs = new ArrayList<>(List.of("pid,sid,t,item,v"));
        List<String> drugs = new ArrayList<>(List.of("pid,sid,t,drug"));
        for (int p = 1; p <= 400; p++) {
            for (int s = 0, n = 1 + r.nextInt(2); s < n; s++) {
                int sid = p * 10 + s;
                double start = p * 1000 + s * 400;
                stays.add(p + "," + sid);
                double base = 0.7 + 0.6 * r.nextDouble();
                double peak = base + 0.35 + 0.8 * r.nextDouble();
                labs.add(p + "," + sid + "," + at(start) + ",crea," + base);
                labs.add(p + "," + sid + "," + at(start + 12) + ",crea," + peak);
                boolean treated = r.nextDouble() < 0.2 + 0.5 * (peak - base - 0.35) / 0.8;
                if (treated) {
                    drugs.add(p + "," + sid + "," + at(start + 12 + 1 + 20 * r.nextDouble()) + ",Furosemide");
                }
                double later = peak + 0.3 * (peak - base) - (treated ? 0.4 : 0) + 0.15 * r.nextGaussian();
                labs.add(p + "," + sid + "," + at(start + 12 + 60) + ",crea," + later);
            }
        }
        Files.write(dir.resolve("stays.csv"), stays);
        Files.write(dir.resolve("labs.csv"), labs);
        Files.write(dir.resolve("drugs.csv"), drugs);
        Files.writeString(dir.resolve("study.yaml"), String.join("\n",
                "name: synthetic-cohort",
                "cohort:",
                "  tables:",
                "    stays: {path: stays.csv, patient: pid, stay: sid}",
                "    labs: {path: labs.csv, patient: pid, stay: sid, time: t, item: item, value: v}",
                "    drugs: {path: drugs.csv, patient: pid, stay: sid, time: t, item: drug}",
                "  stays: stays",
                "  index: {table: labs, items: [crea], rule: rise_over_first, by: 0.3}",
                "  lookback: 24h",
                "  features: [{name: crea, table: labs, items: [crea], unit: mg/dL, stats: [first, last, max]}]",
                "  treatment: {column: diuretic, table: drugs, contains: [furosemide], window: [0h, 24h]}",
                "  outcome: {column: crea_later, rule: value, table: labs, items: [crea], window: [48h, 72h]}",
                "treatment: {arms: {\"0\": none, \"1\": furosemide}}",
                "outcome: {type: continuous, direction: lower}",
                "seed: 7", "bootstrap: {rounds: 200}", "estimators: [t_ridge]", "ate: {folds: 3}", ""));
        Path out = dir.resolve("run");
        String console = BadInputMatrixTest.stdout(() -> assertEquals(0,
                Main.execute("run", dir.resolve("study.yaml").toString(), "--out", out.toString())));
        assertTrue(console.contains("cohort: "), console);
        JsonNode ate = new ObjectMapper().readTree(out.resolve("results.json").toFile()).get("ate");
        double est = ate.get("estimate").asDouble();
        assertTrue(ate.get("ci_low").asDouble() < -0.4 && -0.4 < ate.get("ci_high").asDouble(), ate.toString());
        assertEquals(-0.4, est, 0.1, ate.toString());
        List<String> dict = Files.readAllLines(out.resolve("tables").resolve(CohortTables.DICTIONARY));
        assertEquals(org.causalrx.cohort.CohortDictionary.CSV_HEADER, dict.get(0));
        assertTrue(dict.stream().anyMatch(l -> l.startsWith("crea_later,outcome,labs,")), dict.toString());
        try (var left = Files.list(dir)) {
            assertEquals(5, left.count(), "no temporary cohort table is left beside the inputs");
        }
    }
}
