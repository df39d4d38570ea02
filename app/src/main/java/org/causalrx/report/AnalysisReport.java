package org.causalrx.report;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.causalrx.pipeline.AnalysisFigures;
import org.causalrx.pipeline.RunFigures;
import org.causalrx.pipeline.RunResult;
import org.causalrx.pipeline.RunResult.PolicyResult;
import org.causalrx.policy.GroupProfile;
import org.causalrx.policy.VulnerableGroups;
import org.causalrx.result.PolicyId;

/**
 * The report's parts for the further analyses of a run: the evaluation-outcome formula and secondary outcomes
 * (section 10), SHAP beeswarms (section 7), outcome-tree figures, policy summaries and deferral insights
 * (section 11); their figures and CSV tables. Formats only.
 */
final class AnalysisReport {
    private AnalysisReport() {
    }

    // ---------------------------------------------------------------- figures

    static void figures(RunResult r, RunFigures f, Path dir, Map<String, Figures.Figure> out) throws IOException {
        AnalysisFigures a = f.analysis() == null ? AnalysisFigures.NONE : f.analysis();
        List<RunResult.SecondaryOutcome> sec = secondaries(r);
        for (int i = 0; i < sec.size(); i++) {
            RunResult.SecondaryOutcome s = sec.get(i);
            String yTitle = "Policy value: " + s.column() + " (" + PolicyChoice.directionText(s.direction()) + ")";
            double ref = PolicyChoice.doctors(s.policies()).map(d -> d.valueDr().mean()).orElse(Double.NaN);
            Map<PolicyId, double[]> dr = a.secondaryDr().get(s.column());
            if (dr != null && !dr.isEmpty()) {
                put(out, Figures.save(Figures.policyBoxes("Secondary outcome " + s.column() + ": DR (bootstrap)",
                        yTitle, s.policies(), dr, ref), dir, "secondary_" + i + "_dr", "Secondary outcome "
                        + s.column() + ": bootstrap distribution of each policy's DR value on the " + s.testN()
                        + " test patients who have it (box: 25\u201375 %, line: median; dashed red: Doctors' "
                        + "mean). The policies were learned on the primary outcome. "
                        + capitalise(PolicyChoice.directionText(s.direction())) + "."));
            }
            Map<PolicyId, double[]> ipw = a.secondaryIpw().get(s.column());
            if (ipw != null && !ipw.isEmpty()) {
                double refIpw = PolicyChoice.doctors(s.policies()).map(d -> d.valueIpw().mean()).orElse(Double.NaN);
                put(out, Figures.save(Figures.policyBoxes("Secondary outcome " + s.column() + ": IPW (bootstrap)",
                        yTitle, s.policies(), ipw, refIpw), dir, "secondary_" + i + "_ipw", "Secondary outcome "
                        + s.column() + ": bootstrap distribution of each policy's IPW value. "
                        + capitalise(PolicyChoice.directionText(s.direction())) + "."));
            }
        }
        for (int i = 0; i < a.shap().size(); i++) {
            AnalysisFigures.ShapDetail d = a.shap().get(i);
            String dots = d.sampled() ? "patient of a random sample of " + d.shap()[0].length + " of the "
                    + d.testPatients() + " test patients" : "test patient";
            put(out, Beeswarm.save(d, dir, "shap_beeswarm_" + i, "SHAP summary of " + d.model() + ": one dot per "
                    + dots + " and feature (top " + d.features().size() + " features by mean |SHAP|), placed at "
                    + "its SHAP value (" + d.scale() + ") and coloured by the feature's value, blue low to red "
                    + "high. Dots right of zero push the prediction up."));
        }
        List<RunResult.PolicyOutcomeTree> trees = trees(r);
        String outcome = PolicyChoice.valueOutcome(r);
        for (int i = 0; i < trees.size(); i++) {
            RunResult.PolicyOutcomeTree t = trees.get(i);
            put(out, TreeDiagram.save(t.policy().name(), t.nodes(), outcome, dir, "outcome_tree_" + i,
                    "Outcome tree of "
                    + t.policy() + ": held-out patients by the arm they received, then by whether the policy "
                    + "agreed (green), disagreed (red) or deferred (grey); n and mean " + outcome + " (SEM) in "
                    + "each box."));
        }
        List<RunResult.PolicySummary> sums = r.policySummaries() == null ? List.of() : r.policySummaries();
        for (int i = 0; i < sums.size(); i++) {
            coefficients(out, dir, "profile_" + i, sums.get(i).profile());
        }
        if (r.deferralInsights() != null) {
            coefficients(out, dir, "deferral_profile", r.deferralInsights().profile());
        }
    }

    static void coefficients(Map<String, Figures.Figure> out, Path dir, String id, GroupProfile g)
            throws IOException {
        if (g.top().isEmpty()) {
            return;
        }
        org.knowm.xchart.CategoryChart c = new org.knowm.xchart.CategoryChart(Figures.WIDTH, Figures.HEIGHT);
        c.setTitle("Who is '" + g.groupA() + "' rather than '" + g.groupB() + "'");
        c.setYAxisTitle("standardised coefficient (log-odds per SD)");
        Figures.styleAxes(c.getStyler());
        c.getStyler().setLegendVisible(false);
        c.getStyler().setXAxisLabelRotation(45);
        c.addSeries("coefficient", g.top().stream().map(GroupProfile.Coefficient::feature).toList(),
                g.top().stream().map(GroupProfile.Coefficient::value).toList());
        put(out, Figures.save(c, dir, id, "L1-logistic model of being '" + g.groupA() + "' (vs '" + g.groupB()
                + "'): the " + g.top().size() + " largest standardised coefficients. Positive: patients with higher "
                + "values of the feature are more often '" + g.groupA() + "'. Association, not causation."));
    }

    // ---------------------------------------------------------------- HTML

    /** Section 10: the formula of the derived evaluation outcome, when the study has one. */
    static void evaluationNote(HtmlWriter b, RunResult r) {
        RunResult.EvaluationOutcome e = r.evaluationOutcome();
        if (e == null) {
            return;
        }
        b.markup("<p class=\"info\" id=\"evaluation-outcome\">Policies are valued on the derived outcome <b>")
                .text(e.name()).markup("</b> = <code>").text(e.formula())
                .markup("</code> (").text(PolicyChoice.directionText(e.direction()))
                .markup("), not on the modelled outcome <code>").text(e.modelledColumn())
                .markup("</code>; the DR plug-in model is ").text(e.plugIn()).markup(" fit on it. ")
                .text(Fmt.integer(e.testN())).markup(" test patients");
        if (e.testDropped() > 0) {
            b.markup("; ").text(Fmt.integer(e.testDropped())).markup(" without a value are left out "
                    + "(outcome.evaluate.missing: drop)");
        }
        b.markup(".</p>\n");
    }

    /** Section 10: one subsection per secondary outcome with its value tables and box plots. */
    static void secondary(HtmlWriter b, RunResult r, HtmlReport report) {
        List<RunResult.SecondaryOutcome> sec = secondaries(r);
        if (sec.isEmpty()) {
            return;
        }
        for (int i = 0; i < sec.size(); i++) {
            secondaryTable(b, i, sec.get(i));
            b.add(report.figure("secondary_" + i + "_dr"));
            b.add(report.figure("secondary_" + i + "_ipw"));
        }
    }

    /** One secondary outcome's heading, sentence and value table (its figures are added by the caller). */
    static void secondaryTable(HtmlWriter b, int i, RunResult.SecondaryOutcome s) {
        b.markup("<h3 id=\"secondary-").text(i).markup("\">Secondary outcome <code>").text(s.column())
                .markup("</code></h3>\n<p>The same policies, learned on the primary outcome, valued on <code>")
                .text(s.column()).markup("</code> (").text(s.type().key()).markup(", <b>")
                .text(PolicyChoice.directionText(s.direction())).markup("</b>) for ")
                .text(Fmt.integer(s.testN())).markup(" test patients");
        if (s.testMissing() > 0) {
            b.markup(" (").text(Fmt.integer(s.testMissing())).markup(" without it are left out: missing: drop)");
        }
        b.markup("; DR plug-in: ").text(s.plugIn()).markup(". Table: <code>tables/")
                .text(secondaryFile(i, s)).markup("</code>.</p>\n");
        Html.Table t = new Html.Table(List.of("Policy", "Treated", "Deferred", "DR test", "DR mean",
                "DR 25\u201375 %", "IPW test", "IPW mean", "IPW 25\u201375 %"), false, true, true, true, true, true,
                true, true, true);
        for (PolicyResult p : s.policies()) {
            t.row(PolicyChoice.DOCTORS.equals(p.name()) ? "ref" : null, Markup.code(p.name().name()),
                    Fmt.pct(p.treatedShare()), Fmt.pct(p.deferredShare()), Fmt.num(p.pointDr()),
                    Fmt.num(p.valueDr().mean()), Fmt.range(p.valueDr().q25(), p.valueDr().q75()),
                    Fmt.num(p.pointIpw()), Fmt.num(p.valueIpw().mean()),
                    Fmt.range(p.valueIpw().q25(), p.valueIpw().q75()));
        }
        b.add(t.html());
    }

    /** Section 7: a beeswarm after the mean |SHAP| bars. */
    static void beeswarms(HtmlWriter b, RunResult r, HtmlReport report) {
        if (!report.hasFigure("shap_beeswarm_0")) {
            return;
        }
        b.markup("<h4>SHAP summary (beeswarm)</h4>\n<p>Per patient: how much each of the top features moved "
                + "the model's prediction, coloured by the feature's value, so the direction of an association "
                + "can be read off (e.g. red dots on the right: high values raise the prediction).</p>\n");
        for (int i = 0; report.hasFigure("shap_beeswarm_" + i); i++) {
            b.add(report.figure("shap_beeswarm_" + i));
        }
    }

    /** Section 11: outcome-tree figures and policy summaries. */
    static void policyInsights(HtmlWriter b, RunResult r, HtmlReport report) {
        List<RunResult.PolicyOutcomeTree> trees = trees(r);
        PolicyId selected = r.policyInsights() == null ? null : r.policyInsights().selectedPolicy();
        for (int i = 0; i < trees.size(); i++) {
            RunResult.PolicyOutcomeTree t = trees.get(i);
            if (!t.policy().equals(selected)) {
                b.markup("<h4>Outcome tree of <code>").text(t.policy().name()).markup("</code></h4>\n");
                b.add(treeTable(t));
            }
            b.add(report.figure("outcome_tree_" + i));
        }
        List<RunResult.PolicySummary> sums = r.policySummaries() == null ? List.of() : r.policySummaries();
        if (!sums.isEmpty()) {
            b.markup("<h3 id=\"policy-summaries\">Policy summarisation</h3>\n<p>Who the selected policy <code>")
                    .text(sums.get(0).policy().name()).markup("</code> recommends each arm to, and who it "
                            + "agrees or disagrees with the doctors about: raw covariates of the test patients "
                            + "(numeric: mean (SD); categorical: n (%) of the group), then an L1-logistic model of "
                            + "group membership.</p>\n");
            for (int i = 0; i < sums.size(); i++) {
                profile(b, sums.get(i).profile(), "profile_" + i, report, profileFile(i, sums.get(i)));
            }
        }
    }

    static void profile(HtmlWriter b, GroupProfile g, String figureId, HtmlReport report, String file) {
        profileTable(b, g, file);
        if (!g.top().isEmpty()) {
            b.add(report.figure(figureId));
        }
    }

    /** A group profile's heading, table one and the note on its membership model (no figure). */
    static void profileTable(HtmlWriter b, GroupProfile g, String file) {
        b.markup("<h4>").text(g.groupA()).markup(" vs ").text(g.groupB()).markup("</h4>\n");
        Html.Table t = new Html.Table(List.of("Covariate", "Level", g.groupA() + " (n = " + g.nA() + ")",
                g.groupB() + " (n = " + g.nB() + ")", "All (n = " + g.nAll() + ")", "Missing (A / B / all)"), false,
                false, true, true, true, true);
        for (GroupProfile.Row row : g.rows()) {
            boolean level = !row.level().isEmpty();
            t.row(null, Markup.code(row.variable()), row.level(),
                    stat(row.a(), level), stat(row.b(), level), stat(row.all(), level),
                    row.a().missing() + " / " + row.b().missing() + " / " + row.all().missing());
        }
        b.add(t.html()).markup("<p class=\"note\">").text(g.modelNote()).markup(". Table: <code>tables/")
                .text(file).markup("</code>.</p>\n");
    }

    private static String stat(GroupProfile.Stat s, boolean level) {
        if (level) {
            return Fmt.integer(s.n()) + " (" + Fmt.pct(s.value()) + ")";
        }
        return s.n() == 0 ? "\u2014" : Fmt.num(s.value()) + " (" + Fmt.num(s.sd()) + ")";
    }

    private static Markup treeTable(RunResult.PolicyOutcomeTree tree) {
        Html.Table t = new Html.Table(List.of("Actual arm", "Policy", "n", "Mean outcome", "SEM"), false, false,
                true, true, true);
        for (RunResult.OutcomeTreeNode nd : tree.nodes()) {
            t.row(nd.group().equals("all") ? "strong" : null, Markup.textOrDash(nd.arm()),
                    Markup.textOrDash(nd.group()),
                    Fmt.integer(nd.n()), Fmt.num(nd.mean()), Fmt.num(nd.sem()));
        }
        return t.html();
    }

    // ---------------------------------------------------------------- CSV

    static List<String> tables(RunResult r, Path dir) throws IOException {
        Files.createDirectories(dir);
        List<String> names = new ArrayList<>();
        names.addAll(secondaryTables(secondaries(r), dir));
        List<RunResult.PolicyOutcomeTree> trees = trees(r);
        if (!trees.isEmpty()) {
            List<List<String>> rows = new ArrayList<>();
            rows.add(List.of("policy", "actual_arm", "group", "n", "mean", "sem"));
            for (RunResult.PolicyOutcomeTree t : trees) {
                for (RunResult.OutcomeTreeNode nd : t.nodes()) {
                    rows.add(List.of(t.policy().name(), nd.arm(), nd.group(), Integer.toString(nd.n()),
                            Fmt.raw(nd.mean()), Fmt.raw(nd.sem())));
                }
            }
            names.add(CsvTables.writeTable(dir, "outcome_trees.csv", rows));
        }
        List<RunResult.PolicySummary> sums = r.policySummaries() == null ? List.of() : r.policySummaries();
        for (int i = 0; i < sums.size(); i++) {
            names.add(CsvTables.writeTable(dir, profileFile(i, sums.get(i)), profileRows(sums.get(i).profile())));
        }
        if (r.deferralInsights() != null) {
            RunResult.DeferralInsights d = r.deferralInsights();
            names.add(CsvTables.writeTable(dir, "deferral_profile.csv", profileRows(d.profile())));
            List<List<String>> rows = new ArrayList<>();
            rows.add(List.of("policy", "column", "group", "n", "deferred_share", "rest_deferred_share",
                    "outside_overlap_share", "rest_outside_overlap_share", "flag_deferred", "flag_outside", "margin"));
            for (VulnerableGroups.Group g : d.groups()) {
                rows.add(List.of(d.policy().name(), g.column(), g.level(), Integer.toString(g.n()),
                        Fmt.raw(g.deferred()), Fmt.raw(g.restDeferred()), Fmt.raw(g.outside()),
                        Fmt.raw(g.restOutside()), Boolean.toString(g.flagDeferred()), Boolean.toString(g.flagOutside()),
                        Fmt.raw(d.margin())));
            }
            names.add(CsvTables.writeTable(dir, "vulnerable_groups.csv", rows));
        }
        return names;
    }

    /** Table one then the coefficients, in one CSV (a "section" column tells them apart). */
    static List<List<String>> profileRows(GroupProfile g) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("section", "variable", "level", "group_a", "group_b", "n_a", "value_a", "sd_a", "missing_a",
                "n_b", "value_b", "sd_b", "missing_b", "n_all", "value_all", "sd_all", "missing_all"));
        for (GroupProfile.Row row : g.rows()) {
            rows.add(List.of("table_one", row.variable(), row.level(), g.groupA(), g.groupB(),
                    Integer.toString(row.a().n()), Fmt.raw(row.a().value()), Fmt.raw(row.a().sd()),
                    Integer.toString(row.a().missing()), Integer.toString(row.b().n()), Fmt.raw(row.b().value()),
                    Fmt.raw(row.b().sd()), Integer.toString(row.b().missing()), Integer.toString(row.all().n()),
                    Fmt.raw(row.all().value()), Fmt.raw(row.all().sd()), Integer.toString(row.all().missing())));
        }
        for (GroupProfile.Coefficient c : g.top()) {
            rows.add(List.of("l1_logistic_coefficient", c.feature(), "", g.groupA(), g.groupB(), "",
                    Fmt.raw(c.value()), "", "", "", "", "", "", "", "", "", ""));
        }
        return rows;
    }

    /** Writes one {@code secondary_<column>_policies.csv} per secondary outcome; returns the file names. */
    static List<String> secondaryTables(List<RunResult.SecondaryOutcome> sec, Path dir) throws IOException {
        List<String> names = new ArrayList<>();
        for (int i = 0; i < sec.size(); i++) {
            RunResult.SecondaryOutcome s = sec.get(i);
            List<List<String>> rows = new ArrayList<>();
            rows.add(List.of("outcome", "policy", "treated_share", "deferred_share", "test_n", "point_dr",
                    "point_ipw", "dr_mean", "dr_sd", "dr_q25", "dr_median", "dr_q75", "ipw_mean", "ipw_sd", "ipw_q25",
                    "ipw_median", "ipw_q75"));
            for (PolicyResult p : s.policies()) {
                rows.add(List.of(s.column(), p.name().name(), Fmt.raw(p.treatedShare()), Fmt.raw(p.deferredShare()),
                        Integer.toString(s.testN()), Fmt.raw(p.pointDr()), Fmt.raw(p.pointIpw()),
                        Fmt.raw(p.valueDr().mean()), Fmt.raw(p.valueDr().sd()), Fmt.raw(p.valueDr().q25()),
                        Fmt.raw(p.valueDr().median()), Fmt.raw(p.valueDr().q75()), Fmt.raw(p.valueIpw().mean()),
                        Fmt.raw(p.valueIpw().sd()), Fmt.raw(p.valueIpw().q25()), Fmt.raw(p.valueIpw().median()),
                        Fmt.raw(p.valueIpw().q75())));
            }
            names.add(CsvTables.writeTable(dir, secondaryFile(i, s), rows));
        }
        return names;
    }

    private static String secondaryFile(int i, RunResult.SecondaryOutcome s) {
        return "secondary_" + safe(s.column()) + "_policies.csv";
    }

    private static String profileFile(int i, RunResult.PolicySummary s) {
        return "policy_summary_" + s.comparison() + ".csv";
    }

    private static String safe(String s) {
        return s.replaceAll("[^A-Za-z0-9_.-]", "_");
    }

    private static List<RunResult.SecondaryOutcome> secondaries(RunResult r) {
        return r.secondaryOutcomes() == null ? List.of() : r.secondaryOutcomes();
    }

    private static List<RunResult.PolicyOutcomeTree> trees(RunResult r) {
        return r.outcomeTrees() == null ? List.of() : r.outcomeTrees();
    }

    private static void put(Map<String, Figures.Figure> out, Figures.Figure f) {
        out.put(f.id(), f);
    }

    private static String capitalise(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
