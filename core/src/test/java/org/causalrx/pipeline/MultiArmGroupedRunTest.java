package org.causalrx.pipeline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.causalrx.data.SplitIndices;
import org.causalrx.data.TableReader;
import org.causalrx.policy.Bootstrap;
import org.causalrx.study.Cohort;
import org.causalrx.study.Study;
import org.causalrx.study.StudyLoader;
import org.causalrx.util.Seeds;
import org.causalrx.util.Stats;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A K = 3 run whose patients have several rows each ({@code group: patient}), up to the test-split valuation: the
 * bootstrap resamples whole patients (the same rounds as a grouped {@link Bootstrap} over the test patients, not a
 * row bootstrap), and the result carries Tables S.1 and S.2 with a column per arm.
 */
@Tag("slow")
class MultiArmGroupedRunTest {
    private static final int PATIENTS = 240;
    private static final int STAYS = 3;
    private static final int ROUNDS = 60;

    /** Arms "b" (reference), "a", "c"; a patient-level covariate and shock shared by the patient's rows. */
    static String csv(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        StringBuilder sb = new StringBuilder("id,patient,arm,y,x1,x2,sex\n");
        String[] codes = {"b", "a", "c"};
        int id = 0;
        for (int g = 0; g < PATIENTS; g++) {
            double x1 = r.nextGaussian();
            double u = r.nextGaussian();
            String sex = r.nextBoolean() ? "F" : "M";
            for (int s = 0; s < STAYS; s++) {
                double x2 = r.nextGaussian();
                int arm = r.nextInt(3);
                double y = x1 + u + (arm == 1 ? x1 : arm == 2 ? -x1 : 0) + 0.3 * r.nextGaussian();
                sb.append(String.format(Locale.ROOT, "r%d,p%d,%s,%.5f,%.5f,%.5f,%s%n", id++, g, codes[arm], y, x1,
                        x2, sex));
            }
        }
        return sb.toString();
    }

    static final String STUDY = """
            name: three-arms-stays
            data: data.csv
            id: id
            group: patient
            treatment: {column: arm, arms: {a: "arm a", b: "arm b", c: "arm c"}, reference: b}
            outcome: {column: y, type: continuous, direction: higher}
            covariates:
              - {name: x1, role: effect_modifier}
              - {name: x2, role: confounder}
              - {name: sex, role: confounder}
            split: {train: 0.6, validation: 0.2, test: 0.2}
            seed: 9
            bootstrap: {rounds: %d}
            estimators: [t_ridge]
            """.formatted(ROUNDS);

    private static RunContext run(Path dir) throws Exception {
        Files.writeString(dir.resolve("data.csv"), csv(4));
        Study study = StudyLoader.load(Files.writeString(dir.resolve("study.yaml"), STUDY));
        RunEngine upToValuation = new RunEngine(List.of(new MultiArmStages.CohortCheck(),
                new PipelineStages.SplitAndEncode(), new MultiArmStages.Propensity(), new MultiArmStages.Cate(),
                new MultiArmStages.Evaluation(false)));
        return upToValuation.run(RunContext.of(study, TableReader.read(study.data())), Progress.NONE);
    }

    @Test
    void bootstrapResamplesPatientsAndTheTablesHaveAColumnPerArm(@TempDir Path dir) throws Exception {
        RunContext done = run(dir);
        Cohort cohort = done.get(RunSlots.COHORT);
        SplitIndices split = done.get(RunSlots.SPLIT);
        MultiArmEvaluation.Valued valued = done.get(MultiArmStages.VALUED);
        int[] testGroups = Stats.select(cohort.groupIndex(), split.test());
        long seed = Seeds.derive(done.seed(), "bootstrap");
        Bootstrap.Result byPatient = Bootstrap.run(valued.test(), valued.policies(), ROUNDS, seed, false, testGroups);
        Bootstrap.Result byRow = Bootstrap.run(valued.test(), valued.policies(), ROUNDS, seed, false);
        for (int p = 0; p < valued.policies().size(); p++) {
            assertArrayEquals(byPatient.dr()[p], valued.boot().dr()[p], 0.0, "policy " + p + " resampled by patient");
        }
        assertFalse(Arrays.equals(byRow.dr()[0], valued.boot().dr()[0]), "not a row bootstrap");

        MultiArmResult r = done.get(MultiArmStages.RESULT);
        CohortSummaryTables tables = r.cohortTables();
        assertNotNull(tables);
        assertEquals(List.of("b", "a", "c"), tables.arms().stream().map(CohortSummaryTables.ArmColumn::code).toList());
        assertEquals(List.of("arm b", "arm a", "arm c"),
                tables.arms().stream().map(CohortSummaryTables.ArmColumn::label).toList());
        int[] t = cohort.treatment();
        for (CohortSummaryTables.ArmColumn a : tables.arms()) {
            assertEquals(Stats.indicesOf(t, a.index()).length, a.n());
        }
        assertEquals(PATIENTS * STAYS, tables.arms().stream().mapToInt(CohortSummaryTables.ArmColumn::n).sum());
        CohortSummaryTables.TableOneRow x1 = tables.tableOne().stream().filter(row -> row.variable().equals("x1"))
                .findFirst().orElseThrow();
        assertEquals(3, x1.byArm().size());
        double[] x1Values = ((org.causalrx.data.Column.Numeric) cohort.covariates().column("x1")).values();
        for (CohortSummaryTables.ArmColumn a : tables.arms()) {
            double[] inArm = Stats.select(x1Values, Stats.indicesOf(t, a.index()));
            assertEquals(Stats.mean(inArm), x1.byArm().get(a.index()).value(), 1e-12);
            assertEquals(Stats.sd(inArm), x1.byArm().get(a.index()).sd(), 1e-12);
        }
        CohortSummaryTables.TableOneRow female = tables.tableOne().stream()
                .filter(row -> row.variable().equals("sex") && row.level().equals("F")).findFirst().orElseThrow();
        assertEquals(female.all().n(), female.byArm().stream().mapToInt(s -> s.n()).sum());
        assertTrue(tables.dictionary().stream().anyMatch(v -> v.variable().equals("sex")));

        JsonNode json = new ObjectMapper().readTree(ResultsJson.write(r));
        JsonNode ct = json.get("cohort_tables");
        assertNotNull(ct, "results.json has cohort_tables");
        assertEquals(3, ct.get("arms").size());
        assertEquals("a", ct.get("arms").get(1).get("code").asText());
        assertEquals(3, ct.get("table_one").get(0).get("by_arm").size());
    }
}
