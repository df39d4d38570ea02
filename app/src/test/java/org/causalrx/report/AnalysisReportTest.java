package org.causalrx.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.imageio.ImageIO;

import org.causalrx.data.Column;
import org.causalrx.data.Table;
import org.causalrx.pipeline.AnalysisFigures;
import org.causalrx.pipeline.RunFigures;
import org.causalrx.pipeline.RunResult;
import org.causalrx.policy.GroupProfile;
import org.causalrx.policy.GroupProfiles;
import org.causalrx.policy.VulnerableGroups;
import org.causalrx.result.PolicyId;
import org.causalrx.study.Study;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The report's parts for secondary outcomes, the evaluation outcome, beeswarms, trees and group profiles. */
class AnalysisReportTest {

    static RunResult withAnalyses() {
        RunResult b = ReportFixture.result("lower", "Q?");
        List<RunResult.SecondaryOutcome> sec = List.of(new RunResult.SecondaryOutcome("death", Study.OutcomeType.BINARY,
                Study.Direction.LOWER,
                300, 13, "L2-logistic per arm", b.policies()));
        List<RunResult.OutcomeTreeNode> nodes = List.of(new RunResult.OutcomeTreeNode("all", "all", 313, 2.6, 0.4),
                new RunResult.OutcomeTreeNode("Kept smoking", "all", 230, 2.0, 0.5),
                new RunResult.OutcomeTreeNode("Kept smoking", "agree", 150, 1.8, 0.6),
                new RunResult.OutcomeTreeNode("Kept smoking", "disagree", 50, 2.5, 1.0),
                new RunResult.OutcomeTreeNode("Kept smoking", "deferred", 30, 2.2, 1.2),
                new RunResult.OutcomeTreeNode("Quit smoking", "all", 83, 4.3, 0.9),
                new RunResult.OutcomeTreeNode("Quit smoking", "agree", 40, 4.0, 1.1),
                new RunResult.OutcomeTreeNode("Quit smoking", "disagree", 33, 4.9, 1.4),
                new RunResult.OutcomeTreeNode("Quit smoking", "deferred", 10, 3.1, 2.0));
        List<RunResult.PolicyOutcomeTree> trees = List.of(
                new RunResult.PolicyOutcomeTree(PolicyId.of("t_ridge"), nodes),
                new RunResult.PolicyOutcomeTree(PolicyId.of("doctors"), nodes));
        Random rnd = new Random(1);
        int n = 200;
        double[] age = new double[n];
        String[] sex = new String[n];
        double[][] x = new double[n][2];
        int[] group = new int[n];
        for (int i = 0; i < n; i++) {
            age[i] = 30 + 20 * rnd.nextDouble();
            sex[i] = rnd.nextBoolean() ? "f" : "m";
            x[i][0] = age[i];
            x[i][1] = sex[i].equals("f") ? 1 : 0;
            group[i] = age[i] + 5 * rnd.nextGaussian() > 40 ? 1 : 0;
        }
        Table raw = new Table("t", List.of(new Column.Numeric("age", age), new Column.Text("sex", sex)));
        GroupProfile profile = GroupProfiles.describe("recommended 'Quit smoking'", "recommended 'Kept smoking'", raw,
                java.util.Set.of(), x, List.of("age", "sex=f"), group, 3);
        List<RunResult.PolicySummary> sums = List.of(new RunResult.PolicySummary(PolicyId.of("t_ridge"),
                "recommended_arm", profile));
        boolean[] deferred = new boolean[n];
        boolean[] outside = new boolean[n];
        for (int i = 0; i < n; i++) {
            deferred[i] = sex[i].equals("f") && i % 2 == 0;
        }
        RunResult.DeferralInsights d = new RunResult.DeferralInsights(PolicyId.of("t_ridge"), profile, 0.1,
                VulnerableGroups.of("sex", sex, false, deferred, outside, 0.1));
        return b.toBuilder()
                .featureImportance(List.of(new RunResult.FeatureImportance("t_xgboost, arm 'x'", "outcome units",
                        List.of("age", "wt71", "sex=1"), new double[] {0.9, 0.6, 0.3}, 150)))
                .secondaryOutcomes(sec)
                .evaluationOutcome(new RunResult.EvaluationOutcome("rtb", "(crea_d - crea) / (crea_d - crea_b)",
                        Study.Direction.HIGHER, "crea", 300, 13, "xgboost per arm"))
                .outcomeTrees(trees).policySummaries(sums).deferralInsights(d).build();
    }

    static RunFigures figures() {
        RunFigures f = ReportFixture.figures(42L);
        Map<String, Map<PolicyId, double[]>> dr = new LinkedHashMap<>();
        dr.put("death", f.bootstrapDr());
        Random rnd = new Random(5);
        double[][] shap = new double[3][150];
        double[][] vals = new double[3][150];
        for (int j = 0; j < 3; j++) {
            for (int i = 0; i < 150; i++) {
                vals[j][i] = rnd.nextGaussian();
                shap[j][i] = (3 - j) * 0.3 * vals[j][i] + 0.05 * rnd.nextGaussian();
            }
        }
        AnalysisFigures a = new AnalysisFigures(dr, dr, List.of(new AnalysisFigures.ShapDetail("t_xgboost, arm 'x'",
                "outcome units", List.of("age", "wt71", "sex=1"), shap, vals, 150)));
        return new RunFigures(f.calibration(), f.propensityByArm(), f.trimmedByArm(), f.bootstrapDr(),
                f.bootstrapIpw(), a);
    }

    @Test
    void everyAnalysisPartIsShownCaptionedAndSavedAsCsv(@TempDir Path dir) throws Exception {
        ReportWriter.write(withAnalyses(), figures(), dir);
        String html = Files.readString(dir.resolve(ReportWriter.REPORT_HTML), StandardCharsets.UTF_8);
        assertTrue(html.contains("<code>(crea_d - crea) / (crea_d - crea_b)</code>"), "formula shown");
        assertTrue(html.contains("Policy value: rtb (higher is better)") || html.contains("For <code>rtb</code>"),
                "values are on the evaluation outcome");
        assertTrue(html.contains("Secondary outcome <code>death</code>"));
        assertTrue(html.contains("id=\"policy-summaries\"") && html.contains("id=\"deferral-insights\""));
        for (String id : List.of("secondary_0_dr", "secondary_0_ipw", "shap_beeswarm_0", "outcome_tree_0",
                "outcome_tree_1", "profile_0", "deferral_profile")) {
            Matcher m = Pattern.compile("<figure id=\"fig-" + id + "\">.*?<figcaption><b>Figure \\d+\\.</b> (.+?)"
                    + "</figcaption>", Pattern.DOTALL).matcher(html);
            assertTrue(m.find(), id + " embedded");
            assertFalse(m.group(1).isBlank(), id + " captioned");
            BufferedImage img = ImageIO.read(dir.resolve("figures").resolve(id + ".png").toFile());
            assertTrue(img.getWidth() > 300 && img.getHeight() > 150, id + " has a size");
            assertTrue(Files.readString(dir.resolve("figures").resolve(id + ".svg")).startsWith("<svg")
                    || Files.readString(dir.resolve("figures").resolve(id + ".svg")).contains("<svg"), id + " svg");
        }
        Path t = dir.resolve("tables");
        List<String> sec = Files.readAllLines(t.resolve("secondary_death_policies.csv"));
        assertEquals(1 + withAnalyses().policies().size(), sec.size());
        assertTrue(sec.get(0).startsWith("outcome,policy,treated_share"));
        List<String> trees = Files.readAllLines(t.resolve("outcome_trees.csv"));
        assertEquals(1 + 18, trees.size(), "two trees of nine nodes");
        List<String> vg = Files.readAllLines(t.resolve("vulnerable_groups.csv"));
        assertEquals(3, vg.size());
        assertTrue(vg.get(1).contains(",true,"), "women deferred about half the time vs men never: flagged");
        List<String> prof = Files.readAllLines(t.resolve("policy_summary_recommended_arm.csv"));
        assertTrue(prof.stream().anyMatch(l -> l.startsWith("l1_logistic_coefficient,age")), "age drives membership");
        assertTrue(Files.exists(t.resolve("deferral_profile.csv")));
    }

    @Test
    void beeswarmTicksAreRound() {
        assertArrayEquals(new double[] {-1, -0.5, 0, 0.5, 1}, Beeswarm.ticks(-1.2, 1.1), 1e-12);
        assertArrayEquals(new double[] {0, 20, 40, 60, 80, 100}, Beeswarm.ticks(-3, 101), 1e-12);
    }
}
