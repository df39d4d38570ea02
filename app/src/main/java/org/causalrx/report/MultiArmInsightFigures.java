package org.causalrx.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.causalrx.pipeline.MultiArmResult;
import org.causalrx.result.PolicyId;
import org.knowm.xchart.XYChart;

/**
 * The figures of a K-arm run's insights: per arm the histogram of its generalized propensity by observed arm, the
 * win matrices (DR, IPW) as heat maps, one rank graph per non-reference arm, the outcome tree of the selected
 * policy and the membership model of each recommended arm. Draws the {@link MultiArmResult}; computes nothing.
 */
final class MultiArmInsightFigures {
    private MultiArmInsightFigures() {
    }

    /** Id of the histogram of arm {@code a}'s propensity. */
    static String propensityId(int a) {
        return "propensity_arm_" + a;
    }

    /** Id of the rank graph of arm {@code a} against the reference. */
    static String rankId(int a) {
        return "rank_graph_arm_" + a;
    }

    /** Id of the membership-model figure of the patients recommended arm {@code a}. */
    static String recommendedId(int a) {
        return "recommended_arm_" + a;
    }

    /** Writes the figures into {@code dir}; figure id → figure, in drawing order (none when there are no insights). */
    static Map<String, Figures.Figure> write(MultiArmResult r, Path dir) throws IOException {
        Map<String, Figures.Figure> out = new LinkedHashMap<>();
        MultiArmResult.Insights in = r.insights();
        if (in == null) {
            return out;
        }
        double eta = r.overlap().eta();
        for (int a = 0; a < in.propensityHistograms().size(); a++) {
            MultiArmResult.PropensityHistogram h = in.propensityHistograms().get(a);
            List<Figures.HistogramSeries> series = new ArrayList<>();
            for (int b = 0; b < h.byObservedArm().size(); b++) {
                MultiArmResult.HistogramSeries s = h.byObservedArm().get(b);
                series.add(new Figures.HistogramSeries("given " + s.label() + " (n = " + s.n() + ")",
                        Figures.color(b), s.share()));
            }
            put(out, Figures.save(Figures.histogram("Propensity of '" + h.label() + "' by the arm given",
                    "Generalized propensity P(T = " + h.label() + " | x)", series, eta, Double.NaN), dir,
                    propensityId(a), "The selected propensity model's probability of '" + h.label() + "' on the "
                            + "training split, one histogram per arm actually given (each sums to one). The dashed "
                            + "line is the overlap threshold: a patient whose propensity of any arm lies below it is "
                            + "deferred."));
        }
        List<String> names = in.policies().stream().map(PolicyId::name).toList();
        String better = r.protocol().direction() + " is better";
        if (names.size() > 1) {
            put(out, HeatMap.save(dir, "win_matrix_dr", "Win matrix: the share of bootstrap rounds in which the row "
                    + "policy's DR value is better than the column policy's (" + better + "; red: the row wins most "
                    + "rounds).", "Share of bootstrap rounds the row policy beats the column (DR)", names,
                    offDiagonal(in.winShareDr()), 0, 1, "%.2f"));
            put(out, HeatMap.save(dir, "win_matrix_ipw", "The same with IPW values (rounds in which either IPW "
                    + "value is undefined count for neither).", "Share of bootstrap rounds the row policy beats the "
                    + "column (IPW)", names, offDiagonal(in.winShareIpw()), 0, 1, "%.2f"));
        }
        String reference = r.arms().get(0).label();
        String yTitle = "DR value of " + r.protocol().outcomeColumn() + " (" + better + ")";
        for (int g = 0; g < in.rankGraphs().size(); g++) {
            MultiArmResult.RankGraph rg = in.rankGraphs().get(g);
            XYChart c = InsightFigures.rankGraph(rg.curves(), 0, Double.NaN, yTitle);
            c.setTitle("Rank graph: '" + rg.label() + "' against '" + reference + "'");
            c.setXAxisTitle("Share of test patients given '" + rg.label() + "' (the rest '" + reference + "')");
            put(out, Figures.save(c, dir, rankId(g + 1), "DR value when the top share of test patients, ranked by "
                    + "each model's predicted benefit of '" + rg.label() + "' over '" + reference + "', is given '"
                    + rg.label() + "' and the rest '" + reference + "' (dashed: 95 % bootstrap band; grey: a random "
                    + "ranking; " + better + "). A model that orders patients well bends away from the random "
                    + "ranking."));
        }
        if (in.selectedPolicy() != null && !in.outcomeTree().isEmpty()) {
            put(out, TreeDiagram.save(in.selectedPolicy().name(), in.outcomeTree(), r.protocol().outcomeColumn(),
                    dir, "outcome_tree", "Outcome tree of " + in.selectedPolicy().name() + ": test patients by the "
                            + "arm they received, then by whether the policy agreed, disagreed or deferred; n and "
                            + "mean (SEM) outcome per box."));
        }
        for (MultiArmResult.RecommendedArm ra : in.recommendedArms()) {
            AnalysisReport.coefficients(out, dir, recommendedId(ra.index()), ra.profile());
        }
        return out;
    }

    private static double[][] offDiagonal(double[][] m) {
        double[][] out = new double[m.length][];
        for (int i = 0; i < m.length; i++) {
            out[i] = m[i].clone();
            out[i][i] = Double.NaN;
        }
        return out;
    }

    private static void put(Map<String, Figures.Figure> out, Figures.Figure f) {
        out.put(f.id(), f);
    }
}
