package org.causalrx.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.causalrx.causal.diagnostics.Refutation;
import org.causalrx.pipeline.MultiArmRefutations;
import org.causalrx.pipeline.MultiArmResult;
import org.causalrx.pipeline.MultiArmTreeInfo;
import org.causalrx.pipeline.PolicyTreeInfo;

/**
 * The K-arm report's policy trees (drawn as the two-arm ones, with a table of every leaf's mean DR contrast per
 * arm; {@code policy_trees.csv}) and refutations of each arm's AIPW contrast (table and figure per arm;
 * {@code refutations.csv} with an arm column). Formats and draws only.
 */
final class MultiArmTreesAndRefutations {
    private MultiArmTreesAndRefutations() {
    }

    /** Writes policy_trees.csv and refutations.csv where the run has them. */
    static void tables(MultiArmResult r, Path dir) throws IOException {
        if (!r.policyTrees().isEmpty()) {
            List<List<String>> rows = new ArrayList<>();
            List<String> head = new ArrayList<>(List.of("estimator", "leaf", "rule", "arm", "n"));
            r.arms().stream().skip(1).forEach(a -> head.addAll(List.of("mean_effect_" + a.code(), "se_" + a.code())));
            rows.add(head);
            for (MultiArmTreeInfo t : r.policyTrees()) {
                for (int j = 0; j < t.leafEffects().size(); j++) {
                    PolicyTreeInfo.Leaf l = t.tree().leaves().get(j);
                    MultiArmTreeInfo.LeafEffects e = t.leafEffects().get(j);
                    List<String> row = new ArrayList<>(List.of(t.tree().estimator(), Integer.toString(l.node()),
                            l.path(), l.armLabel(), Integer.toString(l.n())));
                    for (int a = 1; a < e.meanEffect().size(); a++) {
                        row.addAll(List.of(Fmt.raw(e.meanEffect().get(a)), Fmt.raw(e.se().get(a))));
                    }
                    rows.add(row);
                }
            }
            CsvTables.writeTable(dir, "policy_trees.csv", rows);
        }
        if (r.refutations() != null && r.refutations().skipped() == null) {
            List<List<String>> rows = new ArrayList<>();
            rows.add(List.of("arm", "check", "estimate", "sd", "ci_low", "ci_high", "original", "original_se",
                    "draws", "passed", "rule"));
            for (MultiArmRefutations.Arm a : r.refutations().arms()) {
                for (Refutation c : a.checks()) {
                    List<String> row = new ArrayList<>(List.of(r.arms().get(a.arm()).code()));
                    row.addAll(RefutationReport.row(c));
                    rows.add(row);
                }
            }
            CsvTables.writeTable(dir, "refutations.csv", rows);
        }
    }

    /** Saves the tree diagrams and the refutation figures into {@code out}. */
    static void figures(MultiArmResult r, Path dir, Map<String, Figures.Figure> out) throws IOException {
        for (MultiArmTreeInfo t : r.policyTrees()) {
            Figures.Figure f = PolicyTreeReport.diagram(t.tree(), dir, "the leaf's arm minus the reference");
            out.put(f.id(), f);
        }
        if (r.refutations() != null) {
            for (MultiArmRefutations.Arm a : r.refutations().arms()) {
                Figures.Figure f = Figures.save(RefutationReport.chart(a.checks(), "Refutations of " + a.label()
                        + " vs the reference"), dir, figureId(a), "Every re-estimate of the refutation checks of "
                        + a.label() + " against the reference (dots) and their mean with its 95 % interval (bar), "
                        + "against the arm's AIPW contrast (solid) and 0 (dashed).");
                out.put(f.id(), f);
            }
        }
    }

    /** The two sub-sections, each only where the run has it. */
    static void render(HtmlWriter b, MultiArmResult r, NumberedFigures figs) {
        if (!r.policyTrees().isEmpty()) {
            b.markup("<h3>Policy trees</h3>\n<p>A policy tree asks at most two questions and gives each leaf the "
                    + "arm with the largest summed doubly robust score of its training patients (exhaustive search "
                    + "over K actions); its effects are the leaf's mean DR contrasts of every arm against the "
                    + "reference. ").text(PolicyTreeReport.CONDITIONAL).markup("</p>\n");
            for (MultiArmTreeInfo t : r.policyTrees()) {
                List<String> head = new ArrayList<>(List.of("Rule", "Training n"));
                r.arms().stream().skip(1).forEach(a -> head.add(a.label() + " vs " + r.arms().get(0).label()
                        + " (SE)"));
                boolean[] num = new boolean[head.size()];
                java.util.Arrays.fill(num, 1, num.length, true);
                Html.Table tab = new Html.Table(head, num);
                for (int j = 0; j < t.leafEffects().size(); j++) {
                    PolicyTreeInfo.Leaf l = t.tree().leaves().get(j);
                    MultiArmTreeInfo.LeafEffects e = t.leafEffects().get(j);
                    List<Object> row = new ArrayList<>(List.of(l.rule(), Fmt.integer(l.n())));
                    for (int a = 1; a < e.meanEffect().size(); a++) {
                        row.add(Fmt.num(e.meanEffect().get(a)) + " (" + Fmt.num(e.se().get(a)) + ")");
                    }
                    tab.row(null, row.toArray());
                }
                b.markup("<p><code>").text(t.tree().estimator()).markup("</code></p>\n").add(tab.html());
                b.add(figs.place(PolicyTreeReport.figureId(t.tree())));
            }
        }
        MultiArmRefutations ref = r.refutations();
        if (ref != null && ref.skipped() != null) {
            b.markup("<h3>Refutations</h3>\n<p>").text("Not run: " + ref.skipped() + ".").markup("</p>\n");
        } else if (ref != null) {
            b.markup("<h3>Refutations</h3>\n<p>Each arm's AIPW contrast against the reference (").text(ref.estimator())
                    .markup(") re-run with the arms permuted at random (placebo: should vanish), with an added "
                            + "random covariate (should not move) and on random subsets (should stay within "
                            + "sampling error).</p>\n");
            if (ref.subsample() != null) {
                b.add(Markup.fill("<p>Every check ran on {}, drawn within arm: the Contrast (SE) column is the "
                        + "contrast fitted on that subsample, the reference of every rule.</p>\n",
                        ref.subsample().describe()));
            }
            for (MultiArmRefutations.Arm a : ref.arms()) {
                b.markup("<p>").text(a.label() + " vs " + r.arms().get(0).label()).markup("</p>\n");
                b.add(RefutationReport.table(a.checks(), "Contrast (SE)"));
                b.add(figs.place(figureId(a)));
            }
            b.markup("<p>").text(ref.allPassed() ? "Every arm's contrast passed every refutation."
                    : "A contrast failed a refutation: read the effects and the policies built on them with "
                            + "suspicion.").markup("</p>\n");
        }
    }

    private static String figureId(MultiArmRefutations.Arm a) {
        return "refutations_arm_" + a.arm();
    }
}
