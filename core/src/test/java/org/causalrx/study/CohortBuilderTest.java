package org.causalrx.study;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.causalrx.data.Encoding;
import org.causalrx.data.TableReader;
import org.causalrx.util.CausalRxException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Checks of a study against its data, on small CSV fixtures; each problem is one line naming file, column, rows. */
class CohortBuilderTest {
    static final String CSV = """
            pid,t,y,age,edu,price
            p1,0,1.5,40,1,3.1
            p2,1,2.5,50,2,3.2
            p3,0,,60,2,3.3
            p4,1,3.5,,10,3.4
            p5,0,4.5,45,1,3.5
            p6,1,5.5,55,10,
            """;
    static final String STUDY = """
            name: demo
            data: cohort.csv
            id: pid
            treatment: {column: t, arms: {"0": control, "1": treated}}
            outcome: {column: y, type: continuous, direction: higher, missing: drop}
            covariates:
              - {name: age, role: confounder, squared: true}
              - {name: edu, role: confounder, type: categorical}
              - {name: price, role: instrument, reason: "price moves treatment only"}
            seed: 1
            """;

    private static Cohort build(Path dir, String csv, String study) throws Exception {
        Files.writeString(dir.resolve("cohort.csv"), csv);
        Study s = StudyLoader.load(Files.writeString(dir.resolve("study.yaml"), study));
        return CohortBuilder.build(s, TableReader.read(s.data()));
    }

    /** The message, after checking it names the file and the column, is one line, and suggests a fix. */
    private static String fail(Path dir, String csv, String study, String column) throws Exception {
        CausalRxException e = assertThrows(CausalRxException.class, () -> build(dir, csv, study));
        String m = e.getMessage();
        assertTrue(m.startsWith("cohort.csv: ") || m.startsWith("study.yaml: "), "names the file: " + m);
        assertTrue(m.contains("'" + column + "'"), "names the column: " + m);
        assertFalse(m.contains("\n"), "one line: " + m);
        assertTrue(m.matches(".*\\b(set|use|fix|Fix|remove|fill|recode|rename|declare)\\b.*"), "suggests a fix: " + m);
        return m;
    }

    @Test
    void buildsTheCohortAndCountsDroppedRows(@TempDir Path dir) throws Exception {
        Cohort c = build(dir, CSV, STUDY);
        assertEquals(6, c.rowsRead());
        assertEquals(1, c.rowsDropped());
        assertTrue(c.dropReason().contains("1 rows") && c.dropReason().contains("'y'")
                && c.dropReason().contains("rows 3"), c.dropReason());
        assertArrayEquals(new int[] {0, 1, 3, 4, 5}, c.sourceRows());
        assertArrayEquals(new String[] {"p1", "p2", "p4", "p5", "p6"}, c.ids());
        assertArrayEquals(new int[] {0, 1, 1, 0, 1}, c.treatment());
        assertArrayEquals(new double[] {1.5, 2.5, 3.5, 4.5, 5.5}, c.outcome());
        assertEquals(List.of("age", "edu"), c.covariates().columnNames(), "only kept covariates");
        assertEquals(5, c.covariates().rowCount());
        assertEquals(3, c.plan().size());
        CovariatePlan age = c.plan().get(0);
        assertTrue(age.kept());
        assertEquals(CovariateRole.CONFOUNDER.reason(), age.reason(), "default reason of the role");
        assertEquals(Study.ValueType.NUMERIC, age.type());
        assertEquals(1, age.missing());
        CovariatePlan edu = c.plan().get(1);
        assertEquals(Study.ValueType.CATEGORICAL, edu.type(), "numeric codes declared categorical are fine");
        CovariatePlan price = c.plan().get(2);
        assertFalse(price.kept());
        assertEquals("price moves treatment only", price.reason());
        assertEquals(1, price.missing());

        // the declared covariates feed the encoder: edu levels are the distinct texts, sorted numerically
        Study s = StudyLoader.load(dir.resolve("study.yaml"));
        List<Study.Covariate> kept = new ArrayList<>();
        for (Study.Covariate cov : s.covariates()) {
            if (cov.role().kept()) {
                kept.add(cov);
            }
        }
        Encoding enc = DeclaredCovariates.fitEncoding(c.covariates(), new int[] {0, 1, 2, 3, 4}, kept);
        assertEquals(List.of("1", "2", "10"), enc.levels().get("edu"));
        assertEquals(List.of("age", "age_missing", "age^2", "edu=2", "edu=10"), enc.featureNames());
    }

    @Test
    void withoutAnIdColumnIdsAreRowNumbersAndNothingIsDropped(@TempDir Path dir) throws Exception {
        Cohort c = build(dir, CSV.replace("p3,0,,60", "p3,0,9,60"), STUDY.replace("id: pid\n", ""));
        assertArrayEquals(new String[] {"1", "2", "3", "4", "5", "6"}, c.ids());
        assertEquals(0, c.rowsDropped());
        assertEquals("", c.dropReason());
    }

    @Test
    void armCodesMayBeOverriddenAndMatchNumerically(@TempDir Path dir) throws Exception {
        Cohort c = build(dir, CSV, STUDY.replace("arms: {\"0\": control, \"1\": treated}",
                "arms: {\"1.0\": treated, \"0.0\": control}, control: \"0.0\""));
        assertArrayEquals(new int[] {0, 1, 1, 0, 1}, c.treatment());
        Cohort text = build(dir, CSV.replace(",0,", ",no,").replace(",1,", ",yes,"),
                STUDY.replace("arms: {\"0\": control, \"1\": treated}", "arms: {\"no\": control, \"yes\": treated}"));
        assertArrayEquals(new int[] {0, 1, 1, 0, 1}, text.treatment());
    }

    @Test
    void unknownColumnsSuggestTheClosestName(@TempDir Path dir) throws Exception {
        String m = fail(dir, CSV, STUDY.replace("column: t,", "column: tt,"), "tt");
        assertTrue(m.contains("treatment.column") && m.contains("did you mean 't'?"), m);
        m = fail(dir, CSV, STUDY.replace("column: y,", "column: Y2,"), "Y2");
        assertTrue(m.contains("outcome.column") && m.contains("did you mean 'y'?"), m);
        m = fail(dir, CSV, STUDY.replace("id: pid", "id: pidd"), "pidd");
        assertTrue(m.contains("did you mean 'pid'?"), m);
        m = fail(dir, CSV, STUDY.replace("{name: age,", "{name: agee,"), "agee");
        assertTrue(m.contains("covariates[1].name") && m.contains("did you mean 'age'?"), m);
        m = fail(dir, CSV, STUDY.replace("{name: price,", "{name: cost_of_living,"), "cost_of_living");
        assertFalse(m.contains("did you mean"), "no far-fetched guess: " + m);
    }

    @Test
    void treatmentProblemsNameTheRows(@TempDir Path dir) throws Exception {
        String m = fail(dir, CSV.replace("p5,0,", "p5,2,"), STUDY, "t");
        assertTrue(m.contains("not binary") && m.contains("'0', '1', '2'") && m.contains("rows 5"), m);
        m = fail(dir, CSV.replace("p2,1,", "p2,0,").replace("p4,1,", "p4,0,").replace("p6,1,", "p6,0,"), STUDY, "t");
        assertTrue(m.contains("constant") && m.contains("rows 1-6") && m.contains("use"), m);
        m = fail(dir, CSV, STUDY.replace("arms: {\"0\": control, \"1\": treated}",
                "arms: {\"1\": control, \"2\": treated}"), "t");
        assertTrue(m.contains("not declared") && m.contains("rows 1, 3, 5") && m.contains("set treatment.arms"), m);
        m = fail(dir, CSV.replace("p2,1,", "p2,,").replace("p6,1,", "p6,,"), STUDY, "t");
        assertTrue(m.contains("2 missing") && m.contains("rows 2, 6"), m);
    }

    @Test
    void outcomeProblemsNameTheRows(@TempDir Path dir) throws Exception {
        String error = STUDY.replace(", missing: drop", "");
        String m = fail(dir, CSV, error, "y");
        assertTrue(m.contains("1 missing") && m.contains("rows 3") && m.contains("set outcome.missing: drop"), m);
        String binary = STUDY.replace("type: continuous", "type: binary");
        m = fail(dir, CSV.replace(",2.5,", ",1,").replace(",3.5,", ",0,").replace(",5.5,", ",1,"), binary, "y");
        assertTrue(m.contains("0/1") && m.contains("rows 1, 5") && m.contains("outcome.type: continuous"), m);
        m = fail(dir, CSV.replace(",4.5,", ",dead,"), STUDY, "y");
        assertTrue(m.contains("non-numeric") && m.contains("rows 5") && m.contains("'dead'"), m);
    }

    @Test
    void covariateProblemsNameTheRowsAndValues(@TempDir Path dir) throws Exception {
        String m = fail(dir, CSV.replace(",40,", ",,").replace(",50,", ",,").replace(",60,", ",,")
                .replace(",45,", ",,").replace(",55,", ",,"), STUDY, "age");
        assertTrue(m.contains("entirely missing") && m.contains("rows 1-6"), m);
        String numeric = STUDY.replace("{name: age, role: confounder, squared: true}",
                "{name: age, role: confounder, type: numeric}");
        m = fail(dir, CSV.replace(",50,", ",fifty,").replace(",55,", ",?,"), numeric, "age");
        assertTrue(m.contains("declared numeric") && m.contains("rows 2, 6") && m.contains("'fifty', '?'")
                && m.contains("set type: categorical"), m);
        // undeclared: mostly numbers with one text value is still a mistake, not a category
        m = fail(dir, CSV.replace(",50,", ",fifty,"), STUDY.replace(", squared: true", ""), "age");
        assertTrue(m.contains("looks numeric") && m.contains("rows 2") && m.contains("'fifty'"), m);
        // a text column cannot be squared
        m = fail(dir, CSV.replace(",40,", ",a,").replace(",50,", ",b,").replace(",60,", ",c,")
                .replace(",45,", ",d,").replace(",55,", ",e,"), STUDY, "age");
        assertTrue(m.contains("cannot be squared") && m.contains("row 1"), m);
        // a kept covariate that is all missing matters; a dropped one does not
        Cohort ok = build(dir, CSV.replaceAll(",3\\.\\d\n", ",\n"), STUDY);
        assertEquals(5, ok.plan().get(2).missing());
    }

    @Test
    void declarationClashesAreCaughtEvenForStudiesBuiltInCode(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("cohort.csv"), CSV);
        Study s = StudyLoader.load(Files.writeString(dir.resolve("study.yaml"), STUDY));
        List<Study.Covariate> twice = new ArrayList<>(s.covariates());
        twice.add(new Study.Covariate("edu", CovariateRole.EFFECT_MODIFIER, null, false, null));
        Study dup = new Study(s.file(), s.name(), s.protocol(), s.data(), s.idColumn(), s.treatment(), s.outcome(),
                twice, s.split(), s.seed(), s.overlap(), s.bootstrapRounds(), s.ateFolds(), s.estimators(),
                s.simulation());
        CausalRxException e = assertThrows(CausalRxException.class,
                () -> CohortBuilder.build(dup, TableReader.read(s.data())));
        assertTrue(e.getMessage().startsWith("study.yaml: covariate 'edu' is declared twice")
                && e.getMessage().contains("covariates[4]"), e.getMessage());
        List<Study.Covariate> withT = new ArrayList<>(s.covariates());
        withT.add(new Study.Covariate("t", CovariateRole.CONFOUNDER, null, false, null));
        Study tAsCov = new Study(s.file(), s.name(), s.protocol(), s.data(), s.idColumn(), s.treatment(),
                s.outcome(), withT, s.split(), s.seed(), s.overlap(), s.bootstrapRounds(), s.ateFolds(),
                s.estimators(), s.simulation());
        e = assertThrows(CausalRxException.class, () -> CohortBuilder.build(tAsCov, TableReader.read(s.data())));
        assertTrue(e.getMessage().contains("'t' is the treatment") && e.getMessage().contains("remove"),
                e.getMessage());
    }

    @Test
    void idColumnMustIdentifyRows(@TempDir Path dir) throws Exception {
        String m = fail(dir, CSV.replace("p5,", "p2,"), STUDY, "pid");
        assertTrue(m.contains("'p2' twice") && m.contains("rows 2, 5"), m);
        m = fail(dir, CSV.replace("p4,", ","), STUDY, "pid");
        assertTrue(m.contains("1 missing") && m.contains("rows 4"), m);
    }

    @Test
    void nhefsWeightChangeWithDropGivesTheCompleteCases(@TempDir Path dir) throws Exception {
        Path data = Path.of("examples", "nhefs", "nhefs.csv").toAbsolutePath().normalize();
        String study = """
                name: nhefs-weight
                data: "%s"
                id: seqn
                treatment: {column: qsmk, arms: {"0": kept smoking, "1": quit smoking}}
                outcome: {column: wt82_71, type: continuous, direction: lower, missing: %s}
                covariates:
                  - {name: age, role: confounder, squared: true}
                  - {name: education, role: confounder, type: categorical}
                  - {name: price82, role: instrument}
                seed: 20261122
                """;
        Path yaml = Files.writeString(dir.resolve("study.yaml"), study.formatted(data, "error"));
        Study s = StudyLoader.load(yaml);
        CausalRxException e = assertThrows(CausalRxException.class,
                () -> CohortBuilder.build(s, TableReader.read(s.data())));
        assertTrue(e.getMessage().startsWith("nhefs.csv: outcome column 'wt82_71' has 63 missing values (rows ")
                && e.getMessage().contains("set outcome.missing: drop"), e.getMessage());
        Files.writeString(yaml, study.formatted(data, "drop"));
        Study d = StudyLoader.load(yaml);
        Cohort c = CohortBuilder.build(d, TableReader.read(d.data()));
        assertEquals(1629, c.rowsRead());
        assertEquals(63, c.rowsDropped());
        assertEquals(1566, c.outcome().length);
        assertEquals(List.of("age", "education"), c.covariates().columnNames());
    }
}
