package org.causalrx.pipeline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

import org.causalrx.bundle.BundleWriter;
import org.causalrx.bundle.MultiArmBundle;
import org.causalrx.bundle.MultiArmBundleWriter;
import org.causalrx.bundle.MultiArmRecommender;
import org.causalrx.causal.policytree.MultiArmPolicyTree;
import org.causalrx.data.Table;
import org.causalrx.data.TableReader;
import org.causalrx.policy.MultiArmRule;
import org.causalrx.policy.PolicyTreeRules;
import org.causalrx.result.PolicyId;
import org.causalrx.study.Cohort;
import org.causalrx.study.Study;
import org.causalrx.study.StudyLoader;
import org.causalrx.util.Stats;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The K-action policy tree of a K = 3 run is bundled: {@code recommend} with the bundle gives the run's effects and
 * decisions on the run's own test patients exactly, and each reason starts with the patient's path through the tree.
 */
@Tag("slow")
class MultiArmPolicyTreeBundleTest {
    @Test
    void recommendWithAPolicyTreeBundleReproducesTheRunsTreeDecisionsAndNamesTheRule(@TempDir Path dir)
            throws Exception {
        Files.writeString(dir.resolve("data.csv"), MultiArmRunTest.csv(3));
        Study study = StudyLoader.load(Files.writeString(dir.resolve("study.yaml"), MultiArmRunTest.STUDY.replace(
                "estimators: [t_ridge, x_xgboost]", "estimators: [policy_tree]\noverlap: {eta_low: 0.05}\n"
                        + "policy_evaluation: {plug_in: t_ridge}").replace("rounds: 300", "rounds: 50")));
        Table table = TableReader.read(study.data());
        RunContext done = MultiArmStages.engine(false).run(RunContext.of(study, table), Progress.NONE);
        Path out = dir.resolve("model");
        BundleWriter.Written w = MultiArmBundleWriter.write(out, study, done.get(MultiArmStages.RESULT),
                done.get(MultiArmStages.FITTED), PolicyId.of("policy_tree"), Instant.parse("2027-01-01T00:00:00Z"));
        assertEquals(PolicyId.of("policy_tree"), w.policy(), w.note());
        MultiArmBundle bundle = MultiArmBundle.load(out);
        MultiArmPolicyTree tree = (MultiArmPolicyTree) done.get(MultiArmStages.FITTED).cateModels().get("policy_tree");
        assertTrue(tree.tree().depth() >= 1, "the tree asks at least one question: " + tree.tree().nodes());

        Cohort cohort = done.get(RunSlots.COHORT);
        int[] test = done.get(RunSlots.SPLIT).test();
        boolean[] in = MultiArmEvaluation.select(done.get(MultiArmStages.PROPENSITY).inOverlap(), test);
        double[][] effects = done.get(MultiArmStages.EFFECTS).test().get("policy_tree");
        int[] arms = new MultiArmRule(3, study.policy().defaultArm(), study.policy().margin(), study.outcome().sign())
                .arms(effects, in);
        double[][] xTest = Stats.select(done.get(RunSlots.X), test);
        MultiArmRecommender.Result r = MultiArmRecommender.apply(bundle, table.rows(Stats.select(cohort.sourceRows(),
                test)));
        assertEquals(test.length, r.scored());
        for (int j = 0; j < test.length; j++) {
            MultiArmRecommender.Row row = r.rows().get(j);
            assertArrayEquals(effects[j], row.effects(), "row " + j);
            assertEquals(arms[j], row.arm(), "row " + j + ": " + row.reason());
            String path = PolicyTreeRules.path(tree.tree(), xTest[j], bundle.encoding().featureNames());
            assertTrue(row.reason().startsWith(path + " → "), row.reason());
        }
        assertTrue(java.util.Arrays.stream(arms).distinct().count() >= 2, "the tree recommends several arms");
    }
}
