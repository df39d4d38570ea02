package org.causalrx.report;

import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.causalrx.pipeline.PolicyTreeInfo;
import org.causalrx.pipeline.RunResult;

/**
 * The policy trees of the policies section (results.json {@code policy_trees}): each tree drawn (questions in the
 * inner boxes, the leaf's arm, n and mean DR contrast in the leaves), its rules as a table, and
 * {@code policy_trees.csv} (one row per node). Formats and draws only.
 */
final class PolicyTreeReport {
    /** What the tree's value interval leaves out, in one sentence (two-arm and K-arm reports). */
    static final String CONDITIONAL = "Its value interval (the bootstrap over the test patients) holds the learned "
            + "tree fixed: it does not include the variation from learning another tree on other training "
            + "patients.";

    private static final int WIDTH = 900;
    private static final int BOX_W = 190;
    private static final int BOX_H = 62;
    private static final int LEVEL = 105;
    private static final Color QUESTION = new Color(0xf5f5f5);
    private static final Color[] ARM = {new Color(0xeeeeee), new Color(0xdbe9f6)};

    private PolicyTreeReport() {
    }

    /** The figure id of one tree. */
    static String figureId(PolicyTreeInfo t) {
        return "policy_tree_" + t.estimator().replaceAll("[^A-Za-z0-9_-]", "_");
    }

    /** Writes {@code policy_trees.csv}; none when the run has no policy tree. */
    static List<String> tables(RunResult r, Path dir) throws IOException {
        List<String> names = new ArrayList<>();
        if (r.policyTrees() == null || r.policyTrees().isEmpty()) {
            return names;
        }
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("estimator", "node", "feature", "threshold", "left", "right", "n", "mean_effect", "se",
                "leaf_rule", "leaf_arm"));
        for (PolicyTreeInfo t : r.policyTrees()) {
            for (PolicyTreeInfo.Node nd : t.nodes()) {
                PolicyTreeInfo.Leaf leaf = t.leaves().stream().filter(l -> l.node() == nd.node()).findFirst()
                        .orElse(null);
                rows.add(List.of(t.estimator(), Integer.toString(nd.node()), nd.feature() == null ? ""
                        : nd.feature(), nd.threshold() == null ? "" : Fmt.raw(nd.threshold()), str(nd.left()),
                        str(nd.right()), Integer.toString(nd.n()), Fmt.raw(nd.meanEffect()), Fmt.raw(nd.se()),
                        leaf == null ? "" : leaf.path(), leaf == null ? "" : leaf.armLabel()));
            }
        }
        names.add(CsvTables.writeTable(dir, "policy_trees.csv", rows));
        return names;
    }

    /** Saves one diagram per tree into {@code out}. */
    static void figures(RunResult r, Path dir, Map<String, Figures.Figure> out) throws IOException {
        if (r.policyTrees() == null) {
            return;
        }
        for (PolicyTreeInfo t : r.policyTrees()) {
            Figures.Figure f = diagram(t, dir, "arm 1 minus arm 0");
            out.put(f.id(), f);
        }
    }

    /** Saves one tree's diagram; {@code contrast} says what a leaf's mean DR effect is a contrast of. */
    static Figures.Figure diagram(PolicyTreeInfo t, Path dir, String contrast) throws IOException {
        Canvas c = new Canvas(WIDTH, 60 + (t.depth() + 1) * LEVEL);
        c.text(10, 24, "Policy tree " + t.estimator() + " (leaf: arm, training n, mean DR effect (SE))", 15,
                true, "start");
        draw(c, t, 0, WIDTH / 2.0, WIDTH / 2.0, 45);
        return c.save(dir, figureId(t), "Policy tree " + t.estimator() + ", learned by exhaustive "
                + "search on the doubly robust scores of the training patients: each inner box asks one "
                + "question (yes: left); each leaf shows the arm the decision rule gives its mean DR effect "
                + "(" + contrast + "), the training patients in it and the effect's standard error.");
    }

    /** The sub-section: what the tree is, its rules, its diagram. */
    static void render(HtmlWriter b, RunResult r, HtmlReport report) {
        if (r.policyTrees() == null || r.policyTrees().isEmpty()) {
            return;
        }
        b.markup("<h3>Policy trees</h3>\n<p>A policy tree asks at most two questions about a patient. It is chosen "
                + "among all trees of its depth (thresholds at up to the configured number of training quantiles "
                + "per feature) to maximise the summed doubly robust reward of the training patients; its effect "
                + "for a patient is the mean DR contrast of the patient's leaf, so it is valued, deferred and "
                + "bundled as every other estimator, and <code>recommend</code> gives the patient's path as the "
                + "reason. ").text(CONDITIONAL).markup("</p>\n");
        for (PolicyTreeInfo t : r.policyTrees()) {
            Html.Table tab = new Html.Table(List.of("Rule", "Training n", "Mean DR effect (SE)"), false, true, true);
            for (PolicyTreeInfo.Leaf l : t.leaves()) {
                tab.row(null, l.rule(), Fmt.integer(l.n()),
                        Fmt.num(l.meanEffect()) + " (" + Fmt.num(l.se()) + ")");
            }
            b.markup("<p><code>").text(t.estimator()).markup("</code></p>\n").add(tab.html());
            b.add(report.figure(figureId(t)));
        }
    }

    private static void draw(Canvas c, PolicyTreeInfo t, int k, double cx, double span, double top) {
        PolicyTreeInfo.Node nd = t.nodes().get(k);
        if (nd.feature() == null) {
            PolicyTreeInfo.Leaf l = t.leaves().stream().filter(x -> x.node() == nd.node()).findFirst().orElseThrow();
            c.rect(cx - BOX_W / 2.0, top, BOX_W, BOX_H, ARM[Math.min(l.arm(), 1)], Color.GRAY);
            c.text(cx, top + 17, clip("\u2192 " + l.armLabel()), 11, true, "middle");
            c.text(cx, top + 35, "n = " + nd.n(), 11, false, "middle");
            c.text(cx, top + 52, Fmt.num(nd.meanEffect()) + " (" + Fmt.num(nd.se()) + ")", 11, false, "middle");
            return;
        }
        c.rect(cx - BOX_W / 2.0, top, BOX_W, BOX_H, QUESTION, Color.GRAY);
        c.text(cx, top + 22, clip(nd.feature() + " \u2264 " + Fmt.num(nd.threshold()) + " ?"), 11, true,
                "middle");
        c.text(cx, top + 42, "n = " + nd.n(), 11, false, "middle");
        double half = span / 2;
        double child = top + LEVEL;
        c.line(cx, top + BOX_H, cx - half, child, Color.GRAY, 1.2f, false);
        c.line(cx, top + BOX_H, cx + half, child, Color.GRAY, 1.2f, false);
        c.text(cx - half / 2 - 8, (top + BOX_H + child) / 2, "yes", 11, false, "end");
        c.text(cx + half / 2 + 8, (top + BOX_H + child) / 2, "no", 11, false, "start");
        draw(c, t, nd.left(), cx - half, half, child);
        draw(c, t, nd.right(), cx + half, half, child);
    }

    private static String clip(String s) {
        return s.length() > 30 ? s.substring(0, 29) + "\u2026" : s;
    }

    private static String str(Integer v) {
        return v == null ? "" : v.toString();
    }
}
