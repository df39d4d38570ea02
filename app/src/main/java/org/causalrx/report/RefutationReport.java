package org.causalrx.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.causalrx.causal.diagnostics.Refutation;
import org.causalrx.pipeline.AteRefutations;
import org.causalrx.pipeline.RunResult;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The refutations of the ATE (results.json {@code refutations}) in the ATE section: a table with each check's
 * re-estimate, rule and pass / fail, a figure of every re-estimate against the ATE and 0, and
 * {@code tables/refutations.csv}. Formats and draws only.
 */
final class RefutationReport {
    static final String FIGURE = "refutations";

    private RefutationReport() {
    }

    /** Writes {@code refutations.csv}; none when the run has no refutations. */
    static List<String> tables(RunResult r, Path dir) throws IOException {
        AteRefutations a = r.refutations();
        if (a == null || a.skipped() != null) {
            return List.of();
        }
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("check", "estimate", "sd", "ci_low", "ci_high", "original", "original_se", "draws",
                "passed", "rule"));
        for (Refutation c : a.checks()) {
            rows.add(row(c));
        }
        return List.of(CsvTables.writeTable(dir, "refutations.csv", rows));
    }

    /** One check as a CSV row (the columns of refutations.csv). */
    static List<String> row(Refutation c) {
        return List.of(c.check().key(), Fmt.raw(c.estimate()), Fmt.raw(c.sd()), Fmt.raw(c.ciLow()),
                Fmt.raw(c.ciHigh()), Fmt.raw(c.original()), Fmt.raw(c.originalSe()), Integer.toString(c.draws()),
                Boolean.toString(c.passed()), c.rule());
    }

    /** Saves the figure into {@code out} (id {@value #FIGURE}) when the run has refutations. */
    static void figures(RunResult r, Path dir, Map<String, Figures.Figure> out) throws IOException {
        AteRefutations a = r.refutations();
        if (a == null || a.skipped() != null) {
            return;
        }
        String ate = a.subsample() == null ? "the run's ATE" : "the ATE on the refutations' subsample";
        Figures.Figure f = Figures.save(chart(a), dir, FIGURE, "Every re-estimate of the refutation checks (dots) "
                + "and their mean with its 95 % interval (bar), against " + ate + " (solid) and 0 (dashed). The "
                + "placebo should sit at 0, the other two at the ATE.");
        out.put(f.id(), f);
    }

    static XYChart chart(AteRefutations a) {
        return chart(a.checks(), "Refutations of the ATE");
    }

    /** Every check's re-estimates, their mean interval, the original (solid) and 0 (dashed). */
    static XYChart chart(List<Refutation> checks, String title) {
        XYChart c = new XYChart(Figures.WIDTH, Figures.HEIGHT);
        c.setTitle(title);
        c.setXAxisTitle("check");
        c.setYAxisTitle("re-estimated ATE");
        Figures.styleAxes(c.getStyler());
        c.getStyler().setLegendVisible(false);
        c.getStyler().setxAxisTickLabelsFormattingFunction(x -> {
            int i = (int) Math.round(x) - 1;
            return Math.abs(x - Math.round(x)) < 1e-9 && i >= 0 && i < checks.size() ? label(checks.get(i)) : "";
        });
        double[] span = {0.5, checks.size() + 0.5};
        for (int i = 0; i < checks.size(); i++) {
            Refutation r = checks.get(i);
            int n = r.draws();
            double[] xs = new double[n];
            double[] ys = new double[n];
            for (int k = 0; k < n; k++) {
                xs[k] = i + 1 + (n == 1 ? 0 : 0.3 * (k / (n - 1.0) - 0.5));
                ys[k] = r.estimates().get(k);
            }
            Color col = r.passed() ? Figures.color(2) : Figures.color(3);
            XYSeries pts = c.addSeries(r.check().key(), xs, ys);
            pts.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
            pts.setMarkerColor(col);
            XYSeries bar = c.addSeries(r.check().key() + " ci", new double[] {i + 1.25, i + 1.25},
                    new double[] {r.ciLow(), r.ciHigh()});
            bar.setMarker(SeriesMarkers.NONE);
            bar.setLineColor(Color.BLACK);
            bar.setLineStyle(new BasicStroke(3f));
        }
        double ate = checks.isEmpty() ? 0 : checks.get(0).original();
        XYSeries orig = c.addSeries("ATE", span, new double[] {ate, ate});
        orig.setMarker(SeriesMarkers.NONE);
        orig.setLineColor(Color.DARK_GRAY);
        XYSeries zero = c.addSeries("0", span, new double[] {0, 0});
        zero.setMarker(SeriesMarkers.NONE);
        zero.setLineColor(Color.GRAY);
        zero.setLineStyle(Figures.DASHED);
        return c;
    }

    /** The refutation sub-section of the ATE section: the table and the figure. */
    static void render(HtmlWriter b, RunResult r, HtmlReport report) {
        AteRefutations a = r.refutations();
        if (a == null) {
            return;
        }
        if (a.skipped() != null) {
            b.markup("<h3>Refutations</h3>\n<p>").text("Not run: " + a.skipped() + ".").markup("</p>\n");
            return;
        }
        b.markup("<h3>Refutations</h3>\n<p>The same estimator (").text(a.estimator())
                .markup(") re-run where the answer is known: with the treatment permuted at random (placebo: the "
                        + "effect should vanish), with an added independent random covariate (random common cause: "
                        + "the effect should not move) and on random subsets of the patients (data subset: the "
                        + "effect should stay within sampling error).</p>\n");
        if (a.subsample() != null) {
            b.add(Markup.fill("<p>Every check ran on {}, drawn within arm: the ATE (SE) column is the estimator's "
                    + "own estimate on that subsample, the reference of every rule, not the full-data ATE.</p>\n",
                    a.subsample().describe()));
        }
        b.add(table(a.checks(), "ATE (SE)"));
        b.markup("<p>").text(a.allPassed() ? "The ATE passed every refutation."
                : "The ATE failed a refutation: the estimate moves where it should not; read the effects and the "
                        + "policies built on them with suspicion.").markup("</p>\n");
        b.add(report.figure(FIGURE));
    }

    /** The checks as an HTML table; {@code original} heads the refuted estimate's column. */
    static Markup table(List<Refutation> checks, String original) {
        Html.Table t = new Html.Table(List.of("Check", "Re-estimate", "95 % CI of the mean", "SD over draws",
                "Draws", original, "Result", "Rule"), false, true, true, true, true, true, false, false);
        for (Refutation c : checks) {
            t.row(c.passed() ? null : "warn", label(c), Fmt.num(c.estimate()), Fmt.range(c.ciLow(), c.ciHigh()),
                    Fmt.num(c.sd()), Integer.toString(c.draws()),
                    Fmt.num(c.original()) + " (" + Fmt.num(c.originalSe()) + ")",
                    c.passed() ? Markup.badge("good", "passed") : Markup.badge("warn", "failed"), c.rule());
        }
        return t.html();
    }

    private static String label(Refutation c) {
        return c.check().key().replace('_', ' ');
    }
}
