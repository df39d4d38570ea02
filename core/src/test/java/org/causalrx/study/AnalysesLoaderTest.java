package org.causalrx.study;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.causalrx.data.Column;
import org.causalrx.data.Table;
import org.causalrx.util.CausalRxException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The study keys of {@link Study.Analyses} and the column checks against the data. */
class AnalysesLoaderTest {
    private static final String BASE = "name: x\ndata: d.csv\ntreatment: {column: t, arms: {\"0\": a, \"1\": b}}\n"
            + "covariates:\n  - {name: age, role: confounder}\nseed: 3\n";
    private static final String OUTCOME = "outcome: {column: y, type: continuous, direction: higher}\n";

    private static Study load(Path dir, String yaml) throws Exception {
        Path p = dir.resolve("s.yaml");
        Files.writeString(p, BASE + yaml);
        return StudyLoader.load(p);
    }

    private static String error(Path dir, String yaml) {
        return assertThrows(CausalRxException.class, () -> load(dir, yaml)).getMessage();
    }

    @Test
    void noKeysMeansNoAnalyses(@TempDir Path dir) throws Exception {
        Study s = load(dir, OUTCOME);
        assertEquals(Study.Analyses.NONE, s.analyses());
        assertEquals(0.10, s.analyses().margin());
    }

    @Test
    void readsEveryKey(@TempDir Path dir) throws Exception {
        Study s = load(dir, "outcome:\n  column: crea\n  type: continuous\n  direction: lower\n"
                + "  evaluate: {name: rtb, formula: \"(crea_d - crea)/(crea_d - crea_b)\", direction: higher, "
                + "missing: drop}\n"
                + "secondary_outcomes:\n  - {column: rehosp, type: binary, direction: lower}\n"
                + "  - {column: los, type: continuous, direction: lower, missing: drop}\n"
                + "report: {outcome_trees: all}\nvulnerable_groups: {columns: [sex, age], margin: 0.05}\n");
        Study.Analyses a = s.analyses();
        assertEquals(2, a.secondaryOutcomes().size());
        assertEquals(new Study.Outcome("rehosp", Study.OutcomeType.BINARY, Study.Direction.LOWER,
                Study.MissingOutcome.ERROR), a.secondaryOutcomes().get(0));
        assertEquals(Study.MissingOutcome.DROP, a.secondaryOutcomes().get(1).missing());
        assertEquals(new Study.EvaluationOutcome("rtb", "(crea_d - crea)/(crea_d - crea_b)", Study.Direction.HIGHER,
                Study.MissingOutcome.DROP), a.evaluationOutcome());
        assertEquals(List.of("all"), a.outcomeTrees());
        assertEquals(List.of("sex", "age"), a.vulnerableGroups());
        assertEquals(0.05, a.margin());
        assertEquals(a, s.withSeedAndRounds(9, 10).analyses(), "copies keep the analyses");
    }

    @Test
    void evaluationDirectionDefaultsToTheOutcomes(@TempDir Path dir) throws Exception {
        Study s = load(dir, "outcome: {column: y, type: continuous, direction: higher, evaluate: {formula: 2 * y}}\n"
                + "report: {outcome_trees: [doctors, t_ridge]}\n");
        assertEquals(Study.Direction.HIGHER, s.analyses().evaluationOutcome().direction());
        assertEquals("evaluation_outcome", s.analyses().evaluationOutcome().name());
        assertEquals(List.of("doctors", "t_ridge"), s.analyses().outcomeTrees());
        assertNull(load(dir, OUTCOME).analyses().evaluationOutcome());
    }

    @Test
    void errorsNameTheKeyAndTheFix(@TempDir Path dir) {
        String m = error(dir, OUTCOME + "secondary_outcomes:\n  - {column: z, type: count, direction: lower}\n");
        assertTrue(m.contains("secondary_outcomes[1].type") && m.contains("continuous, binary"), m);
        m = error(dir, OUTCOME + "secondary_outcomes:\n  - {column: z, type: binary, direction: lower, colour: red}\n");
        assertTrue(m.contains("unknown key 'secondary_outcomes[1].colour'"), m);
        m = error(dir, OUTCOME + "secondary_outcomes:\n  - {column: y, type: binary, direction: lower}\n");
        assertTrue(m.contains("already the primary outcome"), m);
        m = error(dir, OUTCOME + "secondary_outcomes:\n  - {column: z, type: binary}\n");
        assertTrue(m.contains("secondary_outcomes[1].direction"), m);
        m = error(dir, OUTCOME + "secondary_outcomes: {column: z}\n");
        assertTrue(m.contains("must be a list"), m);
        m = error(dir, "outcome: {column: y, type: continuous, direction: higher, evaluate: {formula: \"(y - 1\"}}\n");
        assertTrue(m.contains("outcome.evaluate.formula") && m.contains("missing ')'"), m);
        m = error(dir, "outcome: {column: y, type: continuous, direction: higher, evaluate: {name: r}}\n");
        assertTrue(m.contains("outcome.evaluate.formula"), m);
        m = error(dir, OUTCOME + "vulnerable_groups: {columns: [sex], margin: 1.5}\n");
        assertTrue(m.contains("vulnerable_groups.margin"), m);
        m = error(dir, OUTCOME + "vulnerable_groups: {columns: sex}\n");
        assertTrue(m.contains("vulnerable_groups.columns") && m.contains("list"), m);
        m = error(dir, OUTCOME + "report: {outcome_tree: all}\n");
        assertTrue(m.contains("did you mean 'outcome_trees'"), m);
        m = error(dir, OUTCOME + "report: {outcome_trees: some}\n");
        assertTrue(m.contains("report.outcome_trees"), m);
    }

    @Test
    void columnsAreCheckedAgainstTheDataWithTheClosestName(@TempDir Path dir) throws Exception {
        Study s = load(dir, "outcome: {column: y, type: continuous, direction: higher, evaluate: "
                + "{formula: \"(crea_d - crea) / (crea_d - crea_bb)\"}}\n");
        Table table = new Table("d.csv", List.of(new Column.Numeric("crea_d", new double[] {3, 2, 5}),
                new Column.Numeric("crea", new double[] {2, 1, 1}),
                new Column.Numeric("crea_b", new double[] {1, 2, 1})));
        String m = assertThrows(CausalRxException.class, () -> AnalysisColumns.check(s, table)).getMessage();
        assertTrue(m.contains("'crea_bb'") && m.contains("did you mean 'crea_b'"), m);
        Study ok = load(dir, "outcome: {column: y, type: continuous, direction: higher, evaluate: "
                + "{formula: \"(crea_d - crea) / (crea_d - crea_b)\"}}\n");
        m = assertThrows(CausalRxException.class, () -> AnalysisColumns.evaluation(ok, table,
                ok.analyses().evaluationOutcome(), new int[] {0, 1, 2})).getMessage();
        assertTrue(m.contains("1 analysis rows (rows 2 (not a finite number"), "row 2 divides by zero: " + m);
        Study drop = load(dir, "outcome: {column: y, type: continuous, direction: higher, evaluate: "
                + "{formula: \"(crea_d - crea) / (crea_d - crea_b)\", missing: drop}}\n");
        double[] v = AnalysisColumns.evaluation(drop, table, drop.analyses().evaluationOutcome(), new int[] {0, 1, 2});
        assertEquals(0.5, v[0], 1e-15);
        assertTrue(Double.isNaN(v[1]));
        assertEquals(1.0, v[2], 1e-15);
    }

    @Test
    void secondaryMissingValuesAreAnErrorUnlessDropped(@TempDir Path dir) throws Exception {
        Table table = new Table("d.csv", List.of(new Column.Numeric("z", new double[] {1, Double.NaN, 0, 1})));
        Study err = load(dir, OUTCOME + "secondary_outcomes:\n  - {column: z, type: binary, direction: lower}\n");
        String m = assertThrows(CausalRxException.class, () -> AnalysisColumns.secondary(err, table,
                err.analyses().secondaryOutcomes().get(0), new int[] {0, 1, 2, 3})).getMessage();
        assertTrue(m.contains("1 missing values") && m.contains("rows 2") && m.contains("missing: drop"), m);
        Study drop = load(dir, OUTCOME + "secondary_outcomes:\n  - {column: z, type: binary, direction: lower, "
                + "missing: drop}\n");
        double[] v = AnalysisColumns.secondary(drop, table, drop.analyses().secondaryOutcomes().get(0),
                new int[] {3, 1, 0});
        assertEquals(1, v[0]);
        assertTrue(Double.isNaN(v[1]));
        Table bad = new Table("d.csv", List.of(new Column.Numeric("z", new double[] {1, 2, 0, 1})));
        m = assertThrows(CausalRxException.class, () -> AnalysisColumns.secondary(drop, bad,
                drop.analyses().secondaryOutcomes().get(0), new int[] {0, 1})).getMessage();
        assertTrue(m.contains("declared binary") && m.contains("rows 2"), m);
    }
}
