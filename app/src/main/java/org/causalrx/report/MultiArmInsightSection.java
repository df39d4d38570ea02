package org.causalrx.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.causalrx.pipeline.MultiArmResult;
import org.causalrx.pipeline.RunResult;
import org.causalrx.result.PolicyId;

/**
 * The insights of a K-arm run in report.html (the propensity histograms in the propensity section; win matrices,
 * rank graphs, outcome tree and who is recommended each arm in their own section) and as tables/*.csv. Formats the
 * {@link MultiArmResult}; decides nothing.
 */
final class MultiArmInsightSection {
    private MultiArmInsightSection() {
    }

    /** The per-arm propensity histograms, for the propensity and overlap section. */
    static void propensity(HtmlWriter b, MultiArmResult r, NumberedFigures figs) {
        MultiArmResult.Insights in = r.insights();
        if (in == null) {
            return;
        }
        b.markup("<p>Each arm's generalized propensity on the training split, split by the arm actually given. "
                + "Where the histograms of one arm's propensity barely overlap, the data hold few comparable "
                + "patients for that arm.</p>\n");
        for (int a = 0; a < in.propensityHistograms().size(); a++) {
            b.add(figs.place(MultiArmInsightFigures.propensityId(a)));
        }
    }

    /** The policy-insights section. */
    static void render(HtmlWriter b, MultiArmResult r, NumberedFigures figs, String heading) {
        MultiArmResult.Insights in = r.insights();
        if (in == null) {
            return;
        }
        b.markup("<h2 id=\"insights\">").text(heading).markup("</h2>\n");
        List<String> names = in.policies().stream().map(PolicyId::name).toList();
        b.markup("<h3>Win matrices</h3>\n<p>Each cell is the share of the ").text(Fmt.integer(in.rounds()))
                .markup(" bootstrap rounds of the test split in which the row policy's value is better than the "
                        + "column policy's (").text(r.protocol().direction()).markup(" is better; TRS Table 4). "
                        + "Doubly robust values:</p>\n")
                .add(matrix(names, in.winShareDr())).add(figs.place("win_matrix_dr"))
                .markup("<p>Inverse-propensity values:</p>\n").add(matrix(names, in.winShareIpw()))
                .add(figs.place("win_matrix_ipw"));
        b.markup("<h3>Rank graphs</h3>\n<p>One per arm against the reference: patients are ranked by each model's "
                + "predicted benefit of the arm, the top share q is given the arm and the rest the reference (nothing "
                + "deferred). A useful ranking bends away from the random one.</p>\n");
        for (int g = 0; g < in.rankGraphs().size(); g++) {
            b.add(figs.place(MultiArmInsightFigures.rankId(g + 1)));
        }
        if (in.selectedPolicy() == null) {
            return;
        }
        b.markup("<h3>Outcome tree of <code>").text(in.selectedPolicy().name()).markup("</code></h3>\n<p>Test "
                + "patients by the arm they actually received, then by whether the policy agreed, disagreed or "
                + "deferred. Patients whose treatment agreed with a good policy should fare better than those whose "
                + "treatment disagreed (not causal on its own: the groups differ in other ways too).</p>\n");
        Html.Table t = new Html.Table(List.of("Actual arm", "Policy", "n", "Mean outcome", "SEM"), false, false,
                true, true, true);
        for (RunResult.OutcomeTreeNode nd : in.outcomeTree()) {
            t.row(nd.group().equals("all") ? "strong" : null, Markup.textOrDash(nd.arm()),
                    Markup.textOrDash(nd.group()), Fmt.integer(nd.n()), Fmt.num(nd.mean()), Fmt.num(nd.sem()));
        }
        b.add(t.html()).add(figs.place("outcome_tree"));
        int n = in.deferred() + in.recommendedArms().stream().mapToInt(MultiArmResult.RecommendedArm::n).sum();
        b.markup("<h3>Who is recommended each arm</h3>\n<p>The test patients <code>").text(in.selectedPolicy().name())
                .markup("</code> recommends each arm; ").text(Fmt.count(in.deferred(), n))
                .markup(" are deferred. Per arm, table one of its patients against those recommended another arm, "
                        + "and an L1-logistic model of being recommended it (association, not causation).</p>\n");
        Html.Table s = new Html.Table(List.of("Arm", "Patients", "Share"), false, true, true);
        for (MultiArmResult.RecommendedArm ra : in.recommendedArms()) {
            s.row(null, ra.label(), Fmt.integer(ra.n()), Fmt.pct(ra.share()));
        }
        b.add(s.html());
        for (MultiArmResult.RecommendedArm ra : in.recommendedArms()) {
            AnalysisReport.profileTable(b, ra.profile(), profileFile(ra));
            b.add(figs.place(MultiArmInsightFigures.recommendedId(ra.index())));
        }
    }

    /** Writes the insight tables into {@code dir} (nothing when the result has no insights). */
    static void tables(MultiArmResult r, Path dir) throws IOException {
        MultiArmResult.Insights in = r.insights();
        if (in == null) {
            return;
        }
        List<String> names = in.policies().stream().map(PolicyId::name).toList();
        CsvTables.writeTable(dir, "win_matrix_dr.csv", shares(names, in.winShareDr()));
        CsvTables.writeTable(dir, "win_matrix_ipw.csv", shares(names, in.winShareIpw()));
        List<List<String>> rank = new ArrayList<>();
        rank.add(List.of("arm", "ranking", "share_given_arm", "value_dr", "low", "high"));
        for (MultiArmResult.RankGraph g : in.rankGraphs()) {
            for (RunResult.RankCurve c : g.curves()) {
                for (int i = 0; i < c.share().length; i++) {
                    rank.add(List.of(g.arm(), c.name(), Fmt.raw(c.share()[i]), Fmt.raw(c.value()[i]),
                            Fmt.raw(c.low()[i]), Fmt.raw(c.high()[i])));
                }
            }
        }
        CsvTables.writeTable(dir, "rank_graph.csv", rank);
        List<List<String>> hist = new ArrayList<>();
        hist.add(List.of("propensity_of_arm", "given_arm", "n_given", "bin_low", "bin_high", "share"));
        for (MultiArmResult.PropensityHistogram h : in.propensityHistograms()) {
            for (MultiArmResult.HistogramSeries s : h.byObservedArm()) {
                int bins = s.share().length;
                for (int k = 0; k < bins; k++) {
                    hist.add(List.of(h.arm(), s.arm(), Integer.toString(s.n()), Fmt.raw(k / (double) bins),
                            Fmt.raw((k + 1) / (double) bins), Fmt.raw(s.share()[k])));
                }
            }
        }
        CsvTables.writeTable(dir, "propensity_histograms.csv", hist);
        if (in.selectedPolicy() == null) {
            return;
        }
        String policy = in.selectedPolicy().name();
        List<List<String>> tree = new ArrayList<>();
        tree.add(List.of("policy", "actual_arm", "group", "n", "mean", "sem"));
        for (RunResult.OutcomeTreeNode nd : in.outcomeTree()) {
            tree.add(List.of(policy, nd.arm(), nd.group(), Integer.toString(nd.n()), Fmt.raw(nd.mean()),
                    Fmt.raw(nd.sem())));
        }
        CsvTables.writeTable(dir, "outcome_tree.csv", tree);
        List<List<String>> rec = new ArrayList<>();
        rec.add(List.of("policy", "arm", "label", "n", "share"));
        int n = in.deferred();
        for (MultiArmResult.RecommendedArm ra : in.recommendedArms()) {
            rec.add(List.of(policy, ra.code(), ra.label(), Integer.toString(ra.n()), Fmt.raw(ra.share())));
            n += ra.n();
            CsvTables.writeTable(dir, profileFile(ra), AnalysisReport.profileRows(ra.profile()));
        }
        rec.add(List.of(policy, "", "deferred", Integer.toString(in.deferred()),
                Fmt.raw(n == 0 ? 0 : in.deferred() / (double) n)));
        CsvTables.writeTable(dir, "recommended_arms.csv", rec);
    }

    private static String profileFile(MultiArmResult.RecommendedArm ra) {
        return "recommended_arm_" + ra.index() + "_profile.csv";
    }

    private static List<List<String>> shares(List<String> names, double[][] m) {
        return CsvTables.square("row_beats_column", names, (i, j) -> Fmt.raw(m[i][j]));
    }

    private static Markup matrix(List<String> names, double[][] m) {
        String[][] cells = new String[names.size()][names.size()];
        for (int i = 0; i < names.size(); i++) {
            for (int j = 0; j < names.size(); j++) {
                cells[i][j] = i == j ? "\u2014" : Fmt.pct(m[i][j]);
            }
        }
        return Html.matrix("row beats column", names, cells);
    }
}
