package org.causalrx.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.causalrx.causal.policytree.PolicyTree;
import org.causalrx.pipeline.PolicyTreeInfo;
import org.causalrx.pipeline.RunResult;
import org.causalrx.policy.DecisionRule;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A policy tree reaches the policies section (rules and diagram) and policy_trees.csv, names escaped. */
class PolicyTreeReportTest {

    @Test
    void theTreeIsDrawnWithItsRulesAndTabled(@TempDir Path dir) throws Exception {
        PolicyTree tree = new PolicyTree(List.of(new PolicyTree.Node(0, 54, 1, 2, 100, 0.1, 0.05),
                new PolicyTree.Node(-1, Double.NaN, -1, -1, 60, 0.5, 0.1),
                new PolicyTree.Node(1, 20, 3, 4, 40, -0.4, 0.1),
                new PolicyTree.Node(-1, Double.NaN, -1, -1, 25, -0.8, 0.2),
                new PolicyTree.Node(-1, Double.NaN, -1, -1, 15, 0.2, 0.3)));
        PolicyTreeInfo info = PolicyTreeInfo.of("policy_tree", tree, List.of("age", "smoke<yrs>"),
                DecisionRule.sign(1), new String[] {"usual", "quit"});
        RunResult r = ReportFixture.result("higher", "Q?").toBuilder().policyTrees(List.of(info)).build();
        ReportWriter.write(r, ReportFixture.figures(42L), dir);
        String html = Files.readString(dir.resolve(ReportWriter.REPORT_HTML), StandardCharsets.UTF_8);
        assertTrue(html.contains("Policy trees"));
        assertTrue(html.contains("age ≤ 54 → &#39;quit&#39;") || html.contains("age ≤ 54 → 'quit'"), "leaf rule");
        assertTrue(html.contains("age &gt; 54 and smoke&lt;yrs&gt; &gt; 20"), "escaped path");
        assertTrue(Files.exists(dir.resolve("policy_tree_policy_tree.svg")) || html.contains("Policy tree policy_tree"),
                "diagram");
        List<String> rows = Files.readAllLines(dir.resolve(ReportWriter.TABLES_DIR).resolve("policy_trees.csv"));
        assertEquals(6, rows.size());
    }
}
