package org.causalrx.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;

import org.causalrx.data.Column;
import org.causalrx.data.SplitIndices;
import org.causalrx.data.Table;
import org.causalrx.study.Cohort;
import org.causalrx.study.CovariatePlan;
import org.causalrx.study.CovariateRole;
import org.causalrx.study.Study;
import org.junit.jupiter.api.Test;

/** Table S.1 by split against hand-computed means, SDs, level counts and missing counts; Table S.2 fallback. */
class CohortSummaryStageTest {
    @Test
    void tableOneByRowMatchesHandComputedValuesPerSplit() {
        double nan = Double.NaN;
        Table cov = new Table("t", List.of(new Column.Numeric("age", new double[] {20, 30, nan, 50, 60, 70}),
                new Column.Text("sex", new String[] {"F", "M", "F", null, "F", "M"})));
        List<CovariatePlan> plan = List.of(
                new CovariatePlan("age", CovariateRole.CONFOUNDER, true, "", Study.ValueType.NUMERIC, 1),
                new CovariatePlan("sex", CovariateRole.CONFOUNDER, true, "", Study.ValueType.CATEGORICAL, 1));
        Cohort cohort = new Cohort(cov, new int[6], new double[6], new String[] {"a", "b", "c", "d", "e", "f"},
                new int[] {0, 1, 2, 3, 4, 5}, 6, 0, "", plan);
        SplitIndices split = new SplitIndices(new int[] {0, 1, 2}, new int[] {3}, new int[] {4, 5});
        CohortSummaryTables s = CohortSummaryStage.of(null, cohort, split);
        assertEquals(new RunResult.SampleSizes(3, 1, 2), s.n());
        assertEquals(6, s.nAll());
        assertEquals(List.of("age:", "sex:F", "sex:M"),
                s.tableOne().stream().map(r -> r.variable() + ":" + r.level()).toList());
        CohortSummaryTables.TableOneRow age = s.tableOne().get(0);
        assertEquals(25, age.train().value(), 1e-12);
        assertEquals(Math.sqrt(50), age.train().sd(), 1e-12);
        assertEquals(2, age.train().n());
        assertEquals(1, age.train().missing());
        assertEquals(50, age.validation().value(), 1e-12);
        assertTrue(Double.isNaN(age.validation().sd()));
        assertEquals(65, age.test().value(), 1e-12);
        assertEquals(46, age.all().value(), 1e-12);
        CohortSummaryTables.TableOneRow female = s.tableOne().get(1);
        assertEquals(2, female.train().n());
        assertEquals(2 / 3.0, female.train().value(), 1e-12);
        assertEquals(0, female.validation().n());
        assertEquals(1, female.validation().missing());
        assertEquals(1, female.test().n());
        assertEquals(3, female.all().n());
        assertFalse(s.fromCohort());
        assertEquals(List.of("age", "sex"), s.dictionary().stream().map(CohortSummaryTables.Variable::variable)
                .toList());
        assertEquals("categorical", s.dictionary().get(1).type());
        assertEquals("confounder", s.dictionary().get(1).role());
    }

    @Test
    void aCohortStudyListsItsWideTableColumnsAsTheDictionary() {
        Path study = Path.of("examples", "mimic-demo", "study.yaml");
        Table cov = new Table("t", List.of(new Column.Numeric("age", new double[] {40, 50})));
        List<CovariatePlan> plan = List.of(
                new CovariatePlan("age", CovariateRole.CONFOUNDER, true, "", Study.ValueType.NUMERIC, 0));
        Cohort cohort = new Cohort(cov, new int[2], new double[2], new String[] {"a", "b"}, new int[] {0, 1}, 2, 0,
                "", plan);
        CohortSummaryTables s = CohortSummaryStage.of(study, cohort,
                new SplitIndices(new int[] {0}, new int[] {}, new int[] {1}));
        assertTrue(s.fromCohort());
        List<String> vars = s.dictionary().stream().map(CohortSummaryTables.Variable::variable).toList();
        assertEquals(List.of("subject_id", "hadm_id", "decision_time", "age"), vars.subList(0, 4));
        assertTrue(vars.contains("creatinine_p90") && vars.contains("creatinine_change"), vars.toString());
        CohortSummaryTables.Variable p90 = s.dictionary().get(vars.indexOf("creatinine_p90"));
        assertEquals("feature", p90.role());
        assertEquals("p90", p90.statistic());
        assertEquals("mg/dL", p90.unit());
        assertEquals("numeric", s.dictionary().get(3).type());
    }
}
