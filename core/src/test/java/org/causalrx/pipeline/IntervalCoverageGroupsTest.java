package org.causalrx.pipeline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.SplittableRandom;

import org.causalrx.data.SplitIndices;
import org.causalrx.data.Splits;
import org.causalrx.data.Table;
import org.causalrx.data.TableReader;
import org.causalrx.study.Cohort;
import org.causalrx.study.CohortBuilder;
import org.causalrx.study.Study;
import org.causalrx.study.StudyLoader;
import org.causalrx.util.Seeds;
import org.causalrx.util.Stats;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The interval-coverage measurement of a study whose patients have several stays (true CATE 1 + x1 known) splits by
 * patient and hands the bootstrap refits each training row's patient; without a group column it draws the row split
 * of {@link Splits#stratified} and refits by row, as before.
 */
class IntervalCoverageGroupsTest {
    private static final int PATIENTS = 90;
    private static final int STAYS = 3;

    /** Writes the data and a study (with or without {@code group: patient}); returns the true CATE per row. */
    private static double[] write(Path dir, boolean grouped) throws Exception {
        SplittableRandom r = new SplittableRandom(8);
        StringBuilder csv = new StringBuilder("id,patient,t,x1,x2,y\n");
        double[] tau = new double[PATIENTS * STAYS];
        int id = 0;
        for (int p = 0; p < PATIENTS; p++) {
            double x1 = r.nextGaussian();
            double u = r.nextGaussian();
            for (int s = 0; s < STAYS; s++) {
                double x2 = r.nextGaussian();
                int t = r.nextDouble() < 1 / (1 + Math.exp(-x2)) ? 1 : 0;
                tau[id] = 1 + x1;
                double y = x1 + x2 + t * tau[id] + u + 0.5 * r.nextGaussian();
                csv.append(String.format(Locale.ROOT, "%d,p%d,%d,%.5f,%.5f,%.5f%n", id++, p, t, x1, x2, y));
            }
        }
        Files.writeString(dir.resolve("d.csv"), csv.toString());
        Files.writeString(dir.resolve("s.yaml"), "name: stays\ndata: d.csv\nid: id\n" + (grouped ? "group: patient\n"
                : "") + "treatment: {column: t, arms: {\"0\": a, \"1\": b}}\n"
                + "covariates:\n  - {name: x1, role: effect_modifier}\n  - {name: x2, role: confounder}\nseed: 5\n"
                + "estimators: [t_ridge]\nsplit: {train: 0.6, validation: 0.2, test: 0.2}\n"
                + "outcome: {column: y, type: continuous, direction: higher}\n");
        return tau;
    }

    private static Set<Integer> patientsOf(Cohort cohort, int[] rows) {
        Set<Integer> out = new HashSet<>();
        for (int g : Stats.select(cohort.groupIndex(), rows)) {
            out.add(g);
        }
        return out;
    }

    @Test
    void aGroupedStudyKeepsEachPatientOnOneSideAndRefitsByPatient(@TempDir Path dir) throws Exception {
        double[] tau = write(dir, true);
        Study study = StudyLoader.load(dir.resolve("s.yaml"));
        Table table = TableReader.read(study.data());
        Cohort cohort = CohortBuilder.build(study, table);
        IntervalCoverage.Design design = IntervalCoverage.design(study, cohort);
        SplitIndices split = design.split();
        Set<Integer> train = patientsOf(cohort, split.train());
        Set<Integer> validation = patientsOf(cohort, split.validation());
        Set<Integer> test = patientsOf(cohort, split.test());
        assertEquals(PATIENTS, train.size() + validation.size() + test.size(), "no patient on two sides");
        assertArrayEquals(Stats.select(cohort.groupIndex(), split.train()), design.trainGroups());
        SplitIndices byRow = Splits.stratified(cohort.treatment(), 0.6, 0.2, 0.2, Seeds.derive(5, "split"));
        Set<Integer> rowTrain = patientsOf(cohort, byRow.train());
        rowTrain.retainAll(patientsOf(cohort, byRow.test()));
        assertFalse(rowTrain.isEmpty(), "a row split would put patients on both sides");

        List<IntervalCoverage.Row> rows = new IntervalCoverage(Learners.standard(), false).measure(study, table, tau,
                List.of("t_ridge"));
        assertEquals(1, rows.size());
        assertEquals(split.test().length, rows.get(0).patients(), "coverage over the grouped test split's rows");
        assertTrue(rows.get(0).coverage() > 0 && rows.get(0).meanWidth() > 0, rows.get(0).toString());
    }

    @Test
    void withoutAGroupColumnTheSplitIsTheRowSplitAsBefore(@TempDir Path dir) throws Exception {
        write(dir, false);
        Study study = StudyLoader.load(dir.resolve("s.yaml"));
        Cohort cohort = CohortBuilder.build(study, TableReader.read(study.data()));
        IntervalCoverage.Design design = IntervalCoverage.design(study, cohort);
        SplitIndices byRow = Splits.stratified(cohort.treatment(), 0.6, 0.2, 0.2, Seeds.derive(5, "split"));
        assertArrayEquals(byRow.train(), design.split().train());
        assertArrayEquals(byRow.validation(), design.split().validation());
        assertArrayEquals(byRow.test(), design.split().test());
        assertNull(design.trainGroups(), "bootstrap refits resample rows");
    }
}
