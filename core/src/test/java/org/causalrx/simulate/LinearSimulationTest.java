package org.causalrx.simulate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;

import org.causalrx.data.Table;
import org.causalrx.data.TableReader;
import org.causalrx.study.Study;
import org.causalrx.study.StudyLoader;
import org.causalrx.util.CausalRxException;
import org.causalrx.util.Stats;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Algorithm 1's invariants and the tree variant's, on NHEFS's real covariates (no pipeline run). */
@Tag("slow")
class LinearSimulationTest {
    static final Path STUDY = Path.of("examples", "nhefs", "weight.yaml");
    static Study study;
    static Table table;
    static SimulationCohort cohort;

    @BeforeAll
    static void load() {
        study = StudyLoader.load(STUDY);
        table = TableReader.read(study.data());
        cohort = SimulationCohort.of(study, table);
    }

    /** Cohort-row values of a per-table-row array. */
    static double[] cohortValues(double[] tableValues) {
        return Stats.select(tableValues, cohort.sourceRows());
    }

    @Test
    void covariatesAreStandardisedAndDroppedRowsStayMissing() {
        assertEquals(1566, cohort.size());
        double[][] x = cohort.x();
        for (int j = 0; j < cohort.dimension(); j++) {
            double[] col = new double[x.length];
            for (int i = 0; i < x.length; i++) {
                col[i] = x[i][j];
            }
            assertEquals(0.0, Stats.mean(col), 1e-9, cohort.features().get(j));
            assertEquals(1.0, Stats.sd(col), 1e-9, cohort.features().get(j));
        }
        PotentialOutcomes po = new LinearSimulation(0.5, 2.0).simulate(cohort, 7);
        long missing = java.util.Arrays.stream(po.y0()).filter(Double::isNaN).count();
        assertEquals(table.rowCount() - 1566, missing, "the 63 rows without an outcome stay missing");
    }

    @Test
    void meanAbsoluteEffectIsExactlyC() {
        double c = 3.7;
        for (double lambda : new double[] {0, 0.5, 1}) {
            LinearSimulation sim = new LinearSimulation(lambda, c);
            LinearSimulation.Draw d = sim.draw(cohort, 11);
            double[] xd = LinearSimulation.dot(cohort.x(), d.delta());
            double meanAbs = java.util.Arrays.stream(xd).map(Math::abs).average().orElseThrow();
            assertEquals(1.0, meanAbs, 1e-12, "unit mean |x.Delta| before scaling");
            double[] cate = cohortValues(sim.simulate(cohort, 11).cate());
            assertEquals(c, java.util.Arrays.stream(cate).map(Math::abs).average().orElseThrow(), 1e-9);
            for (int i = 0; i < cate.length; i++) {
                assertEquals(c * xd[i], cate[i], 1e-9, "cate = C x.Delta");
            }
        }
    }

    @Test
    void noiseSdIsOnePointTwoTimesTheSdOfTheMean() {
        for (OutcomeSimulator sim : new OutcomeSimulator[] {new LinearSimulation(0.5, 2.0), new TreeSimulation(2.0)}) {
            PotentialOutcomes po = sim.simulate(cohort, 5);
            double[][] y = {cohortValues(po.y0()), cohortValues(po.y1())};
            double[][] mu = {cohortValues(po.mu0()), cohortValues(po.mu1())};
            for (int arm = 0; arm < 2; arm++) {
                double[] noise = new double[y[arm].length];
                for (int i = 0; i < noise.length; i++) {
                    noise[i] = y[arm][i] - mu[arm][i];
                }
                double ratio = Stats.sd(noise) / Stats.sd(mu[arm]);
                // SD of a sample SD of n = 1566 normals is about 1.8 %; allow 4 standard errors
                assertEquals(1.2, ratio, 0.1, sim.name() + " arm " + arm);
                assertEquals(0.0, Stats.mean(noise), 4 * Stats.sd(noise) / Math.sqrt(noise.length));
            }
        }
    }

    @Test
    void factualOutcomeHasTheRealOutcomesMeanAndSd() {
        double[] real = cohort.outcome();
        for (OutcomeSimulator sim : new OutcomeSimulator[] {new LinearSimulation(0.0, 0.5 * Stats.sd(real)),
                new TreeSimulation(0.5 * Stats.sd(real))}) {
            double[] y = cohortValues(sim.simulate(cohort, 3).factual(cohort.tableTreatment()));
            assertEquals(Stats.mean(real), Stats.mean(y), 1e-9, sim.name());
            assertEquals(Stats.sd(real), Stats.sd(y), 1e-6, sim.name());
        }
    }

    @Test
    void tooLargeAnEffectIsCappedAndReported() {
        double sd = Stats.sd(cohort.outcome());
        PotentialOutcomes po = new LinearSimulation(0.5, 10 * sd).simulate(cohort, 3);
        assertTrue(po.effect() < 10 * sd, "achieved effect " + po.effect());
        double[] y = cohortValues(po.factual(cohort.tableTreatment()));
        assertEquals(sd, Stats.sd(y), 1e-6, "spread still matches");
    }

    @Test
    void lambdaOneMakesDeltaProportionalToBetaPropAndBenefitFollowPractice() {
        LinearSimulation.Draw d = new LinearSimulation(1.0, 1.0).draw(cohort, 13);
        double dot = 0;
        double nd = 0;
        double nb = 0;
        for (int j = 0; j < d.delta().length; j++) {
            dot += d.delta()[j] * d.betaProp()[j];
            nd += d.delta()[j] * d.delta()[j];
            nb += d.betaProp()[j] * d.betaProp()[j];
        }
        // NHEFS: lower weight gain is better, so Delta points against beta_prop (benefit follows practice)
        assertEquals(-1.0, dot / Math.sqrt(nd * nb), 1e-12);
        LinearSimulation.Draw d0 = new LinearSimulation(0.0, 1.0).draw(cohort, 13);
        double cos0 = 0;
        for (int j = 0; j < d0.delta().length; j++) {
            cos0 += d0.delta()[j] * d0.betaRand()[j];
        }
        assertTrue(cos0 < 0, "lambda = 0: Delta is the (direction-signed) random direction");
    }

    @Test
    void sameSeedSameOutcomesOtherSeedOther() {
        for (OutcomeSimulator sim : new OutcomeSimulator[] {new LinearSimulation(0.5, 2.0), new TreeSimulation(2.0)}) {
            PotentialOutcomes a = sim.simulate(cohort, 99);
            PotentialOutcomes b = sim.simulate(cohort, 99);
            assertArrayEquals(a.y0(), b.y0());
            assertArrayEquals(a.y1(), b.y1());
            assertArrayEquals(a.cate(), b.cate());
            assertFalse(java.util.Arrays.equals(a.y1(), sim.simulate(cohort, 100).y1()));
        }
    }

    @Test
    void treeEffectHasMeanAbsoluteCAndFewDistinctValues() {
        double[] cate = cohortValues(new TreeSimulation(1.5).simulate(cohort, 21).cate());
        assertEquals(1.5, java.util.Arrays.stream(cate).map(Math::abs).average().orElseThrow(), 1e-9);
        long distinct = java.util.Arrays.stream(cate).distinct().count();
        assertTrue(distinct >= 2 && distinct <= 8, "a depth-3 tree has at most 8 leaves: " + distinct);
    }

    @Test
    void badSettingsAreRefusedWithAMessage() {
        assertThrows(CausalRxException.class, () -> new LinearSimulation(1.5, 1.0));
        assertThrows(CausalRxException.class, () -> new LinearSimulation(0.5, 0.0));
        assertThrows(CausalRxException.class, () -> new FeasibilitySettings(java.util.List.of("spline"), 0.5, null, 6));
    }
}
