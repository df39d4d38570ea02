package org.causalrx.bundle;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.causalrx.causal.EffectIntervals;
import org.causalrx.data.Table;
import org.causalrx.data.TableReader;
import org.causalrx.pipeline.Progress;
import org.causalrx.pipeline.RunOutput;
import org.causalrx.pipeline.RunResult;
import org.causalrx.pipeline.StudyRun;
import org.causalrx.result.PolicyId;
import org.causalrx.study.Study;
import org.causalrx.study.StudyLoader;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * NHEFS death with t_bart and causal_forest (the catalogue's settings) and the Conservative set: each of the four
 * policies ({@code @inclusive} and {@code @conservative}) bundled alone and applied to the run's own raw test rows
 * reproduces the run's decisions, CATEs and (Conservative) joint interval ends bit for bit.
 */
@Tag("slow")
class TreeModelBundleTest {
    @TempDir
    Path tmp;

    @Test
    void bartAndCausalForestBundlesReproduceTheRunBitForBit() throws Exception {
        Study st = StudyLoader.load(Path.of("examples", "nhefs", "study.yaml"));
        Table table = TableReader.read(st.data());
        Study c = new Study(st.file(), st.name(), st.protocol(), st.data(), st.idColumn(), st.treatment(),
                st.outcome(), st.covariates(), st.split(), st.seed(), st.overlap(), 20, st.ateFolds(),
                List.of("t_bart", "causal_forest"), null, Study.Analyses.NONE,
                new Study.Deferral(0.1, 1.5, 3, List.of(0.1), List.of(1.0, 1.5)));
        RunOutput o = new StudyRun().withoutRefutation().run(c, table, Progress.NONE);
        RunOutput.HeldOutDetail held = o.heldOut();
        Table testRows = table.rows(held.sourceRows());
        double[][] x = o.models().encoding().transform(testRows);
        int uncertain = 0;
        for (String n : List.of("t_bart", "causal_forest")) {
            for (String set : List.of("@inclusive", "@conservative")) {
                String name = n + set;
                RunResult.PolicyResult p = ModelBundleTest.learned(o).stream()
                        .filter(q -> q.name().equals(PolicyId.parse(name))
                                || set.equals("@inclusive") && q.name().equals(PolicyId.of(n)))
                        .findFirst().orElseThrow(() -> new AssertionError(name + " not among "
                                + ModelBundleTest.learned(o).stream().map(RunResult.PolicyResult::name).toList()));
                Path dir = tmp.resolve(name);
                BundleWriter.Written w = BundleWriter.write(dir, c, o, Instant.EPOCH, List.of(p), null);
                assertEquals(p.name(), w.policy(), w.note());
                long bytes;
                try (var files = Files.list(dir)) {
                    bytes = files.mapToLong(f -> f.toFile().length()).sum();
                }
                System.out.printf("bundle %s: %.1f MB%n", name, bytes / 1e6);
                ModelBundle b = ModelBundle.load(dir);
                Recommender.Result r = Recommender.apply(b, testRows);
                assertTrue(r.problems().isEmpty(), r.problems().toString());
                assertArrayEquals(held.decisions().get(p.name()),
                        r.rows().stream().mapToInt(Recommender.Row::arm).toArray(), name);
                assertArrayEquals(o.models().cateModels().get(n).effect(x),
                        r.rows().stream().mapToDouble(Recommender.Row::cate).toArray(), 0.0, name + " CATE");
                assertArrayEquals(held.propensity(), r.rows().stream().mapToDouble(Recommender.Row::propensity)
                        .toArray(), 0.0, "propensity");
                if (set.equals("@conservative")) {
                    EffectIntervals iv = o.deferral().models().get(n).effectInterval(x, o.deferral().alphaStat());
                    assertArrayEquals(iv.lo(), r.rows().stream().mapToDouble(Recommender.Row::lo).toArray(), 0.0,
                            name + " lo");
                    assertArrayEquals(iv.hi(), r.rows().stream().mapToDouble(Recommender.Row::hi).toArray(), 0.0,
                            name + " hi");
                    uncertain += (int) r.rows().stream().filter(row -> row.reason().startsWith("uncertain: ")).count();
                }
                assertEquals(p.deferredShare(), r.rows().stream().filter(row -> row.arm() == -1).count()
                        / (double) r.rows().size(), 1e-12);
            }
        }
        assertTrue(uncertain > 0, "some patients are deferred for an uncertain effect");
        // the test can fail: one stored leaf statistic perturbed changes the forest's CATEs on the test rows
        BundleFiles files = new BundleFiles(tmp);
        ObjectNode enc = ModelCodecs.encodeCate("causal_forest", o.models().cateModels().get("causal_forest"),
                List.of(), false, files);
        TreeModelCodecsTest.perturb(enc, "leaf_stats", 2, 0.5);
        assertFalse(Arrays.equals(o.models().cateModels().get("causal_forest").effect(x),
                ModelCodecs.decodeCate(enc, "cate.json", files).effect(x)));
    }
}
