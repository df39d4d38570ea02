package org.causalrx.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.causalrx.data.Column;
import org.causalrx.data.Table;
import org.causalrx.data.TableReader;
import org.causalrx.pipeline.Learners;
import org.causalrx.pipeline.NnMetrics;
import org.causalrx.pipeline.Progress;
import org.causalrx.pipeline.ResultsJson;
import org.causalrx.pipeline.RunResult;
import org.causalrx.pipeline.StudyRun;
import org.causalrx.study.Study;
import org.causalrx.study.StudyLoader;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole pipeline on a categorical outcome: a simulated 4-class outcome (labels, known per-class effect) on
 * real NHEFS covariates, estimators {@code t_xgboost} (class code as a number) and {@code tarnet} (softmax
 * heads, told the outcome type through {@link org.causalrx.causal.OutcomeAware}). Checks the per-class
 * nn_metrics, that class effects sum to 0 and add up to the overall effect, and same seed ⇒ same results.json.
 * One run is shared by the tests (the determinism test runs the study a second time); no test reads the ATE
 * refutations, so the runs skip them.
 */
@Tag("slow")
class CategoricalStudyRunTest {
    static final Path NHEFS = Path.of("examples", "nhefs", "nhefs.csv");
    static final List<String> LABELS = List.of("none", "one", "two", "three_plus");
    @TempDir
    static Path dir;
    static Study study;
    static RunResult first;

    @BeforeAll
    static void runOnce() throws Exception {
        study = StudyLoader.load(writeData(dir));
        first = result(study);
    }

    private static Path writeData(Path dir) throws Exception {
        Table t = TableReader.read(NHEFS);
        String[] cols = {"age", "smokeintensity", "wt71", "sex"};
        int n = t.rowCount();
        double[][] x = new double[n][cols.length];
        for (int j = 0; j < cols.length; j++) {
            double[] v = ((Column.Numeric) t.column(cols[j])).toArray();
            for (int i = 0; i < n; i++) {
                x[i][j] = v[i];
            }
        }
        CategoricalSimulation.Data d = CategoricalSimulation.simulate(x, new int[] {0, 1, 2}, 4, 11);
        StringBuilder csv = new StringBuilder("age,smokeintensity,wt71,sex,treated,complications\n");
        for (int i = 0; i < n; i++) {
            csv.append(x[i][0]).append(',').append(x[i][1]).append(',').append(x[i][2]).append(',')
                    .append((int) x[i][3]).append(',').append(d.t()[i]).append(',')
                    .append(LABELS.get((int) d.y()[i])).append('\n');
        }
        Files.writeString(dir.resolve("sim.csv"), csv.toString());
        return Files.writeString(dir.resolve("study.yaml"), """
                name: sim-complications
                data: sim.csv
                treatment: {column: treated, arms: {"0": control, "1": treated}}
                outcome: {column: complications, type: categorical, classes: [none, one, two, three_plus],
                          direction: lower}
                covariates:
                  - {name: age, role: confounder}
                  - {name: smokeintensity, role: confounder}
                  - {name: wt71, role: confounder}
                  - {name: sex, role: confounder, type: categorical}
                seed: 7
                bootstrap: {rounds: 50}
                estimators: [t_xgboost, tarnet]
                deferral: {enabled: false}
                """);
    }

    private static RunResult result(Study study) {
        return new StudyRun(Learners.standard(), false).withoutRefutation().run(study, TableReader.read(study.data()),
                Progress.NONE).result();
    }

    @Test
    void perClassMetricsSumToZero() {
        NnMetrics nn = first.nnMetrics();
        assertEquals(LABELS, nn.classes());
        NnMetrics.Estimator t = nn.estimators().stream().filter(e -> e.estimator().equals("t_xgboost")).findFirst()
                .orElseThrow();
        NnMetrics.Estimator tar = nn.estimators().stream().filter(e -> e.estimator().equals("tarnet")).findFirst()
                .orElseThrow();
        assertTrue(t.byClass().isEmpty() && t.aucByArmClass().isEmpty(), "T-learner has no class heads");
        assertTrue(Double.isFinite(t.nnPehe()) && Double.isFinite(tar.nnPehe()), "overall NN-PEHE for all");
        assertEquals(4, tar.byClass().size());
        double sum = 0;
        double expected = 0;
        for (int k = 0; k < 4; k++) {
            NnMetrics.ClassEffect c = tar.byClass().get(k);
            assertEquals(LABELS.get(k), c.outcomeClass());
            assertTrue(c.nnPehe() > 0 && c.nnPeheCiLow() <= c.nnPehe() && c.nnPehe() <= c.nnPeheCiHigh(), "" + c);
            sum += c.meanEffect();
            expected += k * c.meanEffect();
        }
        assertEquals(0, sum, 1e-9, "class effects sum to 0");
        assertEquals(tar.impliedAte(), expected, 1e-6, "overall effect = difference in expected class value");
        assertEquals(8, tar.aucByArmClass().size(), "AUC per arm and class");
        // the simulated drivers separate the extreme classes: one-vs-rest AUC of 'none' above chance in both arms
        tar.aucByArmClass().stream().filter(a -> a.outcomeClass().equals("none"))
                .forEach(a -> assertTrue(a.auc() > 0.6, "AUC of class none: " + a));
    }

    /**
     * Same seed ⇒ byte-identical results.json, also under CPU load. DJL's {@code mul(Number)} etc. wrap scalars in
     * tensors over unreferenced direct buffers that autograd saves for backward, so garbage-collection timing could
     * change TARNet's gradients; {@link NetGraph#scalar} clones them, and this test guards that.
     */
    @Test
    void sameSeedRunsAreByteIdentical() {
        assertEquals(ResultsJson.write(first), ResultsJson.write(result(study)),
                "same seed, byte-identical results.json");
    }
}
