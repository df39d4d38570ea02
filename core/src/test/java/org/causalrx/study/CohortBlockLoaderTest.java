package org.causalrx.study;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.causalrx.cohort.CohortSpec;
import org.causalrx.cohort.Stat;
import org.causalrx.util.CausalRxException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The cohort: block as records, its defaults for the study, and one-line errors that name the key and a fix. */
class CohortBlockLoaderTest {
    private static final String HEAD = "name: c\nseed: 1\ntreatment: {arms: {\"0\": none, \"1\": drug}}\n"
            + "outcome: {type: continuous, direction: lower}\n";
    private static final String TABLES = "cohort:\n  tables:\n"
            + "    adm: {path: adm.csv, patient: pid, stay: sid}\n"
            + "    labs: {path: labs.csv, patient: pid, stay: sid, time: t, item: item, value: v}\n"
            + "    drugs: {path: drugs.csv, patient: pid, stay: sid, time: t, item: name}\n"
            + "  stays: adm\n";
    private static final String RULES = "  index: {table: labs, items: [1], rule: rise_over_first, by: 0.3}\n"
            + "  lookback: 3d\n"
            + "  baseline: [{table: adm, column: age}]\n"
            + "  features: [{name: crea, table: labs, items: [1], unit: mg/dL, stats: [mean, last, count]}]\n"
            + "  treatment: {column: drug, table: drugs, contains: [furo], window: [0h, 24h]}\n"
            + "  outcome: {column: crea_later, rule: value, table: labs, items: [1], window: [48h, 72h]}\n";

    private static Path study(Path dir, String text) throws Exception {
        for (String f : List.of("adm.csv", "labs.csv", "drugs.csv")) {
            Files.writeString(dir.resolve(f), "pid\n1\n");
        }
        Path p = dir.resolve("study.yaml");
        Files.writeString(p, text);
        return p;
    }

    @Test
    void readsTheBlockAndFillsTheStudyDefaults(@TempDir Path dir) throws Exception {
        Path file = study(dir, HEAD + TABLES + RULES);
        Study s = StudyLoader.load(file);
        assertNull(s.data());
        assertEquals("sid", s.idColumn());
        assertEquals("pid", s.groupColumn());
        assertEquals("drug", s.treatment().column());
        assertEquals("crea_later", s.outcome().column());
        assertEquals(List.of("age", "crea_mean", "crea_last", "crea_count"),
                s.covariates().stream().map(Study.Covariate::name).toList());
        assertEquals(Study.Preconditions.COHORT_DEFAULT, s.preconditions());
        CohortSpec c = CohortBlockLoader.forStudy(file);
        assertEquals(72, c.lookbackHours());
        assertEquals(CohortSpec.IndexKind.RISE_OVER_FIRST, c.index().kind());
        assertEquals(0.3, c.index().threshold());
        assertEquals(List.of("1"), c.index().events().items());
        assertEquals(new CohortSpec.Window(0, 24), c.treatment().window());
        assertEquals(Stat.LAST, c.outcome().stat());
        assertEquals(dir.resolve("labs.csv").toAbsolutePath().normalize(), c.tables().get("labs").path());
    }

    @Test
    void aCohortFileNamedByTheStudyReadsTheSame(@TempDir Path dir) throws Exception {
        Path file = study(dir, HEAD + "cohort: cohort.yaml\npreconditions: {min_patients: 5}\n");
        Files.writeString(dir.resolve("cohort.yaml"), (TABLES + RULES).replace("cohort:\n", "")
                .replaceAll("(?m)^  ", ""));
        Study s = StudyLoader.load(file);
        assertEquals(new Study.Preconditions(5, 30), s.preconditions());
        assertEquals(CohortBlockLoader.forStudy(study(dir, HEAD + TABLES + RULES)), CohortBlockLoader.forStudy(file));
    }

    @Test
    void badInputIsOneLineNamingTheKeyAndAFix(@TempDir Path dir) throws Exception {
        String[][] cases = {
            {RULES.replace("lookback: 3d", "lookback: 72"), "'cohort.lookback' is '72'", "e.g. 72h"},
            {RULES.replace("rule: rise_over_first", "rule: rise"), "'cohort.index.rule' is 'rise'", "rise_over_first"},
            {RULES.replace(", by: 0.3", ""), "missing required key 'cohort.index.by'", "by: 0.3"},
            {RULES.replace("stats: [mean", "stats: [average"), "'cohort.features[1].stats' has 'average'",
                "p10, p90"},
            {RULES.replace("table: drugs, contains", "table: drug, contains"), "'cohort.treatment.table' is 'drug'",
                "did you mean 'drugs'"},
            {RULES.replace("window: [0h, 24h]", "window: [24h, 0h]"), "'cohort.treatment.window'", "0 <= from < to"},
            {RULES.replace("rule: value", "rule: value, stat: count"), "'cohort.outcome.stat' is 'count'",
                "first, last"},
            {RULES.replace("{name: crea,", "{name: crea, unit_: x,"), "unknown key 'cohort.features[1].unit_'",
                "did you mean 'unit'"},
            {RULES + "  include: [\"age > eighteen\"]\n", "'cohort.include' has 'age > eighteen'", "anchor_age >= 18"},
            {RULES + "  exclude: [\"weight is missing\"]\n", "names 'weight'", "conditions may use: age"},
            {RULES.replace("name: crea,", "name: age,").replace("stats: [mean, last, count]", "stats: [mean]")
                    .replace("[{table: adm, column: age}]", "[{table: adm, column: age, as: age_mean}]"),
                "makes column 'age_mean' twice", "rename one"},
            {RULES.replace("{name: crea, table: labs, items: [1], unit: mg/dL, stats: [mean, last, count]}",
                    "{name: d, table: drugs, stats: [mean]}"), "asks for 'mean', which needs values", "count"},
        };
        for (String[] c : cases) {
            Path file = study(dir, HEAD + TABLES + c[0]);
            CausalRxException e = assertThrows(CausalRxException.class, () -> StudyLoader.load(file), c[1]);
            assertTrue(e.getMessage().contains(c[1]) && e.getMessage().contains(c[2]), e.getMessage());
            assertTrue(e.getMessage().startsWith(file.toString()), e.getMessage());
            assertEquals(1, e.getMessage().lines().count(), e.getMessage());
        }
        Path both = study(dir, HEAD + "data: adm.csv\n" + TABLES + RULES);
        assertTrue(assertThrows(CausalRxException.class, () -> StudyLoader.load(both)).getMessage()
                .contains("'data' and 'cohort' are both given"));
        Path missing = study(dir, HEAD + TABLES.replace("labs.csv,", "lab.csv,") + RULES);
        assertTrue(assertThrows(CausalRxException.class, () -> StudyLoader.load(missing)).getMessage()
                .contains("'cohort.tables.labs.path' names"));
        Path other = study(dir, HEAD.replace("treatment: {", "treatment: {column: t, ") + TABLES + RULES);
        assertTrue(assertThrows(CausalRxException.class, () -> StudyLoader.load(other)).getMessage()
                .contains("'treatment.column' is 't' but the cohort builds 'drug'"));
    }
}
