package org.causalrx.cohort;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.causalrx.data.Column;
import org.causalrx.data.Table;
import org.causalrx.data.TableReader;
import org.causalrx.study.CohortBlockLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Hand-computed cohorts: every statistic, the index, treatment, outcome and condition rules. */
class CohortExtractorTest {
    static final String RULES = String.join("\n",
            "  index: {table: labs, items: [50912], rule: rise_over_first, by: 0.3}",
            "  lookback: 72h",
            "  baseline:",
            "    - {table: patients, column: anchor_age}",
            "    - {table: admissions, column: admission_type}",
            "  features:",
            "    - {name: crea, table: labs, items: [50912], unit: mg/dL,",
            "       stats: [mean, median, p10, p90, sd, min, max, first, last, count, hours_since_first,"
                    + " hours_since_last]}",
            "  treatment: {column: diuretic, table: drugs, contains: [furosemide, torsemide], window: [0h, 24h]}",
            "  outcome: {column: crea_change, rule: change, table: labs, items: [50912], window: [48h, 72h],"
                    + " stat: last, unit: mg/dL}",
            "  include: [\"anchor_age >= 18\"]");

    /** Patient 1 has two stays (10, 11); patient 3 is a minor (excluded); stay 40 has no creatinine. */
    static EventTables example() {
        return new EventTables()
                .stay(1, 10, "URGENT").stay(1, 11, "ELECTIVE").stay(2, 20, "URGENT").stay(3, 30, "URGENT")
                .stay(4, 40, "URGENT")
                .patient(1, 70, "F").patient(2, 50, "M").patient(3, 15, "F").patient(4, 60, "M")
                // stay 10: first value 1.0; 1.2 is a rise of 0.2; 1.4 at 10 h is the first rise above 0.3
                .lab(1, 10, 0, "50912", 1.0).lab(1, 10, 2, "51000", 99).lab(1, 10, 5, "50912", 1.2)
                .lab(1, 10, 10, "50912", 1.4).lab(1, 10, 20, "50912", 1.1).lab(1, 10, 60, "50912", 2.0)
                .lab(1, 10, 70, "50912", 1.8).lab(1, 10, 90, "50912", 5.0)
                .drug(1, 10, 12, "Furosemide 40 mg")
                // stay 11: first 0.8 at 100 h, decision at 120 h (1.2); the look-back reaches into stay 10 (48 h)
                .lab(1, 11, 100, "50912", 0.8).lab(1, 11, 110, "50912", 0.9).lab(1, 11, 120, "50912", 1.2)
                .drug(1, 11, 120, "FUROSEMIDE").drug(1, 11, 150, "Torsemide")
                // stay 20: decision at 6 h (1.5); 1.25 is not a rise above 0.3; torsemide exactly 24 h later counts
                .lab(2, 20, 0, "50912", 1.0).lab(2, 20, 3, "50912", 1.25).lab(2, 20, 6, "50912", 1.5)
                .lab(2, 20, 56, "50912", 1.1).drug(2, 20, 30, "torsemide").drug(2, 20, 5, "Furosemide")
                .lab(3, 30, 0, "50912", 1.0).lab(3, 30, 1, "50912", 2.0)
                .lab(4, 40, 0, "51000", 3.0);
    }

    @Test
    void everyStatisticAndRuleMatchesTheHandComputedValues(@TempDir Path dir) {
        example().write(dir);
        CohortSpec spec = CohortBlockLoader.forStudy(EventTables.study(dir, EventTables.TABLES + "\n" + RULES));
        Path out = dir.resolve("cohort.parquet");
        CohortExtractor.Built built = CohortExtractor.build(spec, out);
        assertEquals(5, built.staysListed());
        assertEquals(4, built.staysWithIndex());
        assertEquals(3, built.staysKept());
        assertEquals(2, built.patientsKept());
        Table t = TableReader.read(out);
        assertEquals(List.of("10", "11", "20"), texts(t, "hadm_id"));
        assertEquals(List.of(EventTables.time(10), EventTables.time(120), EventTables.time(6)),
                texts(t, "decision_time").stream().map(s -> s.substring(0, 19)).toList());
        assertEquals(List.of("URGENT", "ELECTIVE", "URGENT"), texts(t, "admission_type"));
        // stay 10, look-back [-62 h, 10 h]: 1.0, 1.2, 1.4
        row(t, 0, "crea_mean", 1.2, "crea_median", 1.2, "crea_p10", 1.04, "crea_p90", 1.36, "crea_sd", 0.2,
                "crea_min", 1.0, "crea_max", 1.4, "crea_first", 1.0, "crea_last", 1.4, "crea_count", 3,
                "crea_hours_since_first", 10, "crea_hours_since_last", 0, "diuretic", 1,
                "crea_change", 1.8 - 1.4, "anchor_age", 70);
        // stay 11, look-back [48 h, 120 h]: 2.0 (60 h), 1.8 (70 h), 5.0 (90 h), 0.8, 0.9, 1.2; furosemide at the
        // decision time is not after it, torsemide 30 h later is outside the window; no creatinine 168-192 h
        double[] v = {2.0, 1.8, 5.0, 0.8, 0.9, 1.2};
        double mean = java.util.Arrays.stream(v).average().orElseThrow();
        double ss = java.util.Arrays.stream(v).map(x -> (x - mean) * (x - mean)).sum();
        row(t, 1, "crea_mean", mean, "crea_median", 1.5, "crea_p10", 0.85, "crea_p90", 3.5,
                "crea_sd", Math.sqrt(ss / 5), "crea_min", 0.8, "crea_max", 5.0, "crea_first", 2.0, "crea_last", 1.2,
                "crea_count", 6, "crea_hours_since_first", 60, "crea_hours_since_last", 0, "diuretic", 0,
                "anchor_age", 70);
        assertTrue(t.column("crea_change").isMissing(1));
        // stay 20: furosemide before the decision does not count, torsemide at exactly 24 h does
        row(t, 2, "crea_first", 1.0, "crea_last", 1.5, "crea_count", 3, "diuretic", 1, "crea_change", 1.1 - 1.5);
        Path again = dir.resolve("again.parquet");
        CohortExtractor.build(spec, again);
        assertTrue(java.util.Arrays.equals(readBytes(out), readBytes(again)), "same input, same bytes");
        DictionaryEntry change = built.dictionary().stream().filter(e -> e.variable().equals("crea_change"))
                .findFirst().orElseThrow();
        assertEquals(1, change.missing());
        assertEquals(DictionaryEntry.Role.OUTCOME, change.role());
        assertEquals("(48h, 72h] after the decision", change.window());
        assertEquals("h", built.dictionary().stream().filter(e -> e.variable().equals("crea_hours_since_first"))
                .findFirst().orElseThrow().unit());
    }

    @Test
    void valueAndEventOutcomesAndTheFirstAndAboveIndexRules(@TempDir Path dir) {
        example().write(dir);
        String rules = String.join("\n",
                "  index: {table: labs, items: [50912], rule: above, value: 1.3}",
                "  lookback: 2d",
                "  features:",
                "    - {name: diuretic_before, table: drugs, contains: [furosemide], stats: [count]}",
                "  treatment: {column: diuretic, table: drugs, items: [Torsemide, torsemide], window: [0h, 30h]}",
                "  outcome: {column: crea_max, rule: value, table: labs, items: [50912], window: [0h, 60h],"
                        + " stat: max, unit: mg/dL}",
                "  exclude: [\"diuretic_before_count > 0\"]");
        CohortSpec spec = CohortBlockLoader.forStudy(EventTables.study(dir, EventTables.TABLES + "\n" + rules));
        Path out = dir.resolve("c.parquet");
        CohortExtractor.build(spec, out);
        Table t = TableReader.read(out);
        // first value above 1.3: stay 10 at 10 h (1.4), stay 11 never (1.2 max), stay 20 at 6 h, stay 30 at 1 h;
        // stay 20 had furosemide at 5 h (within the look-back): excluded
        assertEquals(List.of("10", "30"), texts(t, "hadm_id"));
        row(t, 0, "crea_max", 2.0, "diuretic", 0, "diuretic_before_count", 0);
        assertTrue(t.column("crea_max").isMissing(1));

        String first = String.join("\n",
                "  index: {table: drugs, rule: first}",
                "  lookback: 1h",
                "  treatment: {column: diuretic, table: drugs, contains: [torsemide], window: [0h, 48h]}",
                "  outcome: {column: died, rule: event, table: labs, items: [50912], window: [40h, 60h]}");
        spec = CohortBlockLoader.forStudy(EventTables.study(dir, EventTables.TABLES + "\n" + first));
        CohortExtractor.build(spec, out);
        t = TableReader.read(out);
        // first drug: stay 10 at 12 h, stay 11 at 120 h, stay 20 at 5 h
        assertEquals(List.of("10", "11", "20"), texts(t, "hadm_id"));
        row(t, 0, "diuretic", 0, "died", 1);
        row(t, 1, "diuretic", 1, "died", 0);
        row(t, 2, "diuretic", 1, "died", 1);
    }

    private static byte[] readBytes(Path p) {
        try {
            return java.nio.file.Files.readAllBytes(p);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static List<String> texts(Table t, String column) {
        Column c = t.column(column);
        return java.util.stream.IntStream.range(0, t.rowCount()).mapToObj(c::text).toList();
    }

    /** Asserts name/value pairs of row {@code i}. */
    static void row(Table t, int i, Object... pairs) {
        for (int k = 0; k < pairs.length; k += 2) {
            String name = (String) pairs[k];
            double want = ((Number) pairs[k + 1]).doubleValue();
            Column c = t.column(name);
            assertTrue(!c.isMissing(i), name + " row " + i + " is missing");
            assertEquals(want, Double.parseDouble(c.text(i)), 1e-9, name + " row " + i);
        }
    }
}
