package org.causalrx.report;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.causalrx.causal.policytree.PolicyTree;
import org.causalrx.pipeline.AteRefutations;
import org.causalrx.pipeline.PolicyTreeInfo;
import org.causalrx.pipeline.RunResult;
import org.causalrx.policy.DecisionRule;
import org.causalrx.study.RefutationSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The report says that a policy tree's value interval holds the learned tree fixed, and shows refutations the study
 * skipped as "not run" with the reason, without a table, figure or CSV.
 */
class PolicyTreeValueNoteTest {

    @Test
    void theTreeSectionSaysItsValueIntervalIsConditionalOnTheTreeAndSkippedRefutationsReadNotRun(@TempDir Path dir)
            throws Exception {
        PolicyTree tree = new PolicyTree(List.of(new PolicyTree.Node(0, 54, 1, 2, 100, 0.1, 0.05),
                new PolicyTree.Node(-1, Double.NaN, -1, -1, 60, 0.5, 0.1),
                new PolicyTree.Node(-1, Double.NaN, -1, -1, 40, -0.4, 0.1)));
        PolicyTreeInfo info = PolicyTreeInfo.of("policy_tree", tree, List.of("age"), DecisionRule.sign(1),
                new String[] {"usual", "quit"});
        RunResult r = ReportFixture.result("higher", "Q?").toBuilder().policyTrees(List.of(info))
                .refutations(AteRefutations.skipped("AIPW", RefutationSettings.SKIPPED)).build();
        ReportWriter.write(r, ReportFixture.figures(42L), dir);
        String html = Files.readString(dir.resolve(ReportWriter.REPORT_HTML), StandardCharsets.UTF_8);
        assertTrue(html.contains("holds the learned tree fixed"), "the value interval is conditional on the tree");
        assertTrue(html.contains("Not run: " + RefutationSettings.SKIPPED), "skipped refutations are named");
        assertTrue(!Files.exists(dir.resolve("tables").resolve("refutations.csv")), "no refutations table");
    }
}
