package org.causalrx.bundle;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import org.causalrx.causal.policytree.PolicyTree;
import org.causalrx.data.Table;
import org.causalrx.data.TableReader;
import org.causalrx.pipeline.PolicyTreeInfo;
import org.causalrx.pipeline.Progress;
import org.causalrx.pipeline.RunOutput;
import org.causalrx.pipeline.RunResult;
import org.causalrx.pipeline.StudyRun;
import org.causalrx.policy.PolicyTreeRules;
import org.causalrx.result.PolicyId;
import org.causalrx.study.Study;
import org.causalrx.study.StudyLoader;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * NHEFS with {@code policy_tree}: results.json lists the tree, and its Inclusive and Conservative policies bundled
 * and applied to the run's raw test rows reproduce the run's decisions and CATEs bit for bit, each reason starting
 * with the patient's path through the tree.
 */
@Tag("slow")
class PolicyTreeBundleTest {
    @TempDir
    Path tmp;

    @Test
    void policyTreeBundlesReproduceTheRunAndExplainEachDecisionByItsPath() throws Exception {
        Study st = StudyLoader.load(Path.of("examples", "nhefs", "study.yaml"));
        Table table = TableReader.read(st.data());
        Study c = new Study(st.file(), st.name(), st.protocol(), st.data(), st.idColumn(), st.treatment(),
                st.outcome(), st.covariates(), st.split(), st.seed(), st.overlap(), 20, st.ateFolds(),
                List.of("policy_tree"), null, Study.Analyses.NONE,
                new Study.Deferral(0.1, 1.5, 3, List.of(0.1), List.of(1.0, 1.5)));
        RunOutput o = new StudyRun().withoutRefutation().run(c, table, Progress.NONE);
        PolicyTree tree = (PolicyTree) o.models().cateModels().get("policy_tree");
        List<PolicyTreeInfo> infos = o.result().policyTrees();
        assertEquals(1, infos.size());
        assertEquals(tree.nodes().size(), infos.get(0).nodes().size());
        assertFalse(infos.get(0).leaves().isEmpty());

        RunOutput.HeldOutDetail held = o.heldOut();
        Table testRows = table.rows(held.sourceRows());
        double[][] x = o.models().encoding().transform(testRows);
        List<String> names = o.models().encoding().featureNames();
        for (String set : List.of("@inclusive", "@conservative")) {
            String name = "policy_tree" + set;
            RunResult.PolicyResult p = ModelBundleTest.learned(o).stream()
                    .filter(q -> q.name().equals(PolicyId.parse(name))
                            || set.equals("@inclusive") && q.name().equals(PolicyId.of("policy_tree")))
                    .findFirst().orElseThrow();
            Path dir = tmp.resolve(name);
            BundleWriter.Written w = BundleWriter.write(dir, c, o, Instant.EPOCH, List.of(p), null);
            assertEquals(p.name(), w.policy(), w.note());
            Recommender.Result r = Recommender.apply(ModelBundle.load(dir), testRows);
            assertTrue(r.problems().isEmpty(), r.problems().toString());
            assertArrayEquals(held.decisions().get(p.name()),
                    r.rows().stream().mapToInt(Recommender.Row::arm).toArray(), name);
            assertArrayEquals(tree.effect(x), r.rows().stream().mapToDouble(Recommender.Row::cate).toArray(), 0.0);
            for (int i = 0; i < x.length; i++) {
                String path = PolicyTreeRules.path(tree, x[i], names);
                assertTrue(r.rows().get(i).reason().startsWith(path + " → "), r.rows().get(i).reason());
            }
        }
    }
}
