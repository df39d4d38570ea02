package org.causalrx.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.causalrx.causal.diagnostics.BlpCalibration;
import org.causalrx.causal.diagnostics.Rate;
import org.causalrx.pipeline.Heterogeneity;
import org.causalrx.pipeline.RunResult;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The heterogeneity tests of the CATE insights section (results.json {@code heterogeneity}): a table per
 * estimator (BLP calibration test, RATE), the TOC figure, and the CSV tables. Formats and draws only.
 */
final class HeterogeneityReport {
    static final String FIGURE = "toc_curve";
    /** Columns of {@code heterogeneity.csv}: one row per estimator. */
    static final List<String> TESTS_HEADER = List.of("estimator", "n", "mean_prediction", "mean_prediction_se",
            "mean_prediction_p", "differential_prediction", "differential_prediction_se", "differential_prediction_p",
            "alpha_per_estimator", "significant", "autoc", "autoc_se", "autoc_ci_low", "autoc_ci_high", "qini",
            "qini_se", "qini_ci_low", "qini_ci_high", "bootstrap_rounds", "direction");
    /** Columns of {@code toc_curve.csv}: one row per estimator and point of the TOC curve. */
    static final List<String> TOC_HEADER = List.of("estimator", "share", "toc", "low", "high");

    private HeterogeneityReport() {
    }

    /** Writes {@code heterogeneity.csv} and {@code toc_curve.csv}; none when the run has no tests. */
    static List<String> tables(RunResult r, Path dir) throws IOException {
        Heterogeneity h = r.heterogeneity();
        List<String> names = new ArrayList<>();
        if (h == null || h.estimators().isEmpty()) {
            return names;
        }
        List<List<String>> rows = new ArrayList<>();
        rows.add(TESTS_HEADER);
        rows.addAll(testRows(h));
        names.add(CsvTables.writeTable(dir, "heterogeneity.csv", rows));
        List<List<String>> toc = new ArrayList<>();
        toc.add(TOC_HEADER);
        toc.addAll(tocRows(h));
        names.add(CsvTables.writeTable(dir, "toc_curve.csv", toc));
        return names;
    }

    /** The rows of {@link #TESTS_HEADER}, one per estimator. */
    static List<List<String>> testRows(Heterogeneity h) {
        List<List<String>> rows = new ArrayList<>();
        for (Heterogeneity.EstimatorTests e : h.estimators()) {
            List<String> row = new ArrayList<>(List.of(e.estimator(), Integer.toString(h.n())));
            for (BlpCalibration.Coefficient c : List.of(e.meanPrediction(), e.differentialPrediction())) {
                row.addAll(List.of(Fmt.raw(c.estimate()), Fmt.raw(c.se()), Fmt.raw(c.pValue())));
            }
            row.addAll(List.of(Fmt.raw(h.alphaPerEstimator()), Boolean.toString(e.significant())));
            for (Rate.Estimate rate : List.of(e.autoc(), e.qini())) {
                row.addAll(List.of(Fmt.raw(rate.estimate()), Fmt.raw(rate.se()), Fmt.raw(rate.ciLow()),
                        Fmt.raw(rate.ciHigh())));
            }
            row.addAll(List.of(Integer.toString(h.bootstrapRounds()), h.direction()));
            rows.add(row);
        }
        return rows;
    }

    /** The rows of {@link #TOC_HEADER}. */
    static List<List<String>> tocRows(Heterogeneity h) {
        List<List<String>> toc = new ArrayList<>();
        for (Heterogeneity.EstimatorTests e : h.estimators()) {
            Heterogeneity.Toc t = e.toc();
            for (int i = 0; i < t.share().length; i++) {
                toc.add(List.of(e.estimator(), Fmt.raw(t.share()[i]), Fmt.raw(t.value()[i]), Fmt.raw(t.low()[i]),
                        Fmt.raw(t.high()[i])));
            }
        }
        return toc;
    }

    /** Saves the TOC figure into {@code out} (id {@value #FIGURE}) when the run has tests. */
    static void figures(RunResult r, Path dir, Map<String, Figures.Figure> out) throws IOException {
        Heterogeneity h = r.heterogeneity();
        if (h == null || h.estimators().isEmpty()) {
            return;
        }
        Figures.Figure f = Figures.save(toc(h), dir, FIGURE, "Targeting operator characteristic (TOC) on the test "
                + "split: for the share q of test patients with the highest predicted benefit (" + h.direction()
                + " outcome is better), their doubly robust effect minus the average effect of everyone; dashed: "
                + "pointwise 95 % bootstrap band. A curve near 0 everywhere means the ranking finds no one who "
                + "benefits more than average; the AUTOC is the area under the curve.");
        out.put(f.id(), f);
    }

    /** TOC(q) per estimator with its pointwise band. */
    static XYChart toc(Heterogeneity h) {
        XYChart c = new XYChart(Figures.WIDTH, Figures.HEIGHT);
        c.setTitle("TOC: benefit of the top share by predicted effect");
        c.setXAxisTitle("Share q of test patients, by predicted benefit");
        c.setYAxisTitle("Effect in the top q minus the ATE");
        Figures.styleAxes(c.getStyler());
        c.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
        XYSeries zero = c.addSeries("0", new double[] {0, 1}, new double[] {0, 0});
        zero.setLineColor(Color.GRAY);
        zero.setLineStyle(Figures.DASHED);
        zero.setMarker(SeriesMarkers.NONE);
        int i = 0;
        for (Heterogeneity.EstimatorTests e : h.estimators()) {
            Color col = Figures.color(i++);
            Heterogeneity.Toc t = e.toc();
            XYSeries s = c.addSeries(e.estimator(), t.share(), t.value());
            s.setLineColor(col);
            s.setMarker(SeriesMarkers.NONE);
            s.setLineStyle(new BasicStroke(2f));
            for (double[] band : new double[][] {t.low(), t.high()}) {
                XYSeries b = c.addSeries(e.estimator() + (band == t.low() ? " 2.5 %" : " 97.5 %"), t.share(), band);
                b.setLineColor(col);
                b.setMarker(SeriesMarkers.NONE);
                b.setShowInLegend(false);
                b.setLineStyle(new BasicStroke(0.8f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
                        new float[] {3f, 3f}, 0f));
            }
        }
        return c;
    }

    /** The heterogeneity sub-section: what the tests mean, the table per estimator, the TOC figure. */
    static void render(HtmlWriter b, RunResult r, HtmlReport report) {
        Heterogeneity h = r.heterogeneity();
        if (h == null || h.estimators().isEmpty()) {
            return;
        }
        b.markup("<h3>Is there heterogeneity worth personalising?</h3>\n<p>Each estimator's predicted effects on the ")
                .text(Fmt.integer(h.n()))
                .markup(" test patients, checked against their doubly robust scores. <b>Calibration test</b> (best "
                        + "linear predictor): the scores regressed on the mean prediction and on the differential "
                        + "prediction (prediction minus its mean), no intercept, HC3 standard errors, one-sided "
                        + "p-values. A differential coefficient significantly above 0 means the estimator finds real "
                        + "heterogeneity (1: its spread is right). <b>RATE</b>: the TOC curve's area (AUTOC) and its "
                        + "q-weighted area (Qini), with ")
                .text(Integer.toString(h.bootstrapRounds()))
                .markup(" bootstrap rounds; a 95 % interval above 0 means ranking by the estimator targets patients "
                        + "who benefit more than average. Significant: differential p below ")
                .text(Fmt.num(h.alphaPerEstimator()))
                .markup(" (").text(Fmt.num(h.alpha())).markup(" over the estimators, Bonferroni).</p>\n");
        Html.Table t = new Html.Table(List.of("Estimator", "Mean prediction (SE)", "Differential prediction (SE)",
                "One-sided p", "Significant", "AUTOC", "AUTOC 95 % CI", "Qini", "Qini 95 % CI"), false, true, true,
                true, false, true, true, true, true);
        for (Heterogeneity.EstimatorTests e : h.estimators()) {
            t.row(e.significant() ? "best" : null, Markup.code(e.estimator()), coef(e.meanPrediction()),
                    coef(e.differentialPrediction()), Fmt.num(e.differentialPrediction().pValue()),
                    e.significant() ? "yes" : "no", Fmt.num(e.autoc().estimate()),
                    Fmt.range(e.autoc().ciLow(), e.autoc().ciHigh()), Fmt.num(e.qini().estimate()),
                    Fmt.range(e.qini().ciLow(), e.qini().ciHigh()));
        }
        b.add(t.html());
        b.markup("<p>").text(h.anySignificant() ? "Significant heterogeneity: " + String.join(", ",
                h.significantEstimators()) + "." : "No estimator shows significant heterogeneity: treat by the ATE; "
                + "personalising adds nothing.").markup("</p>\n");
        b.add(report.figure(FIGURE));
    }

    private static String coef(BlpCalibration.Coefficient c) {
        return Fmt.num(c.estimate()) + " (" + Fmt.num(c.se()) + ")";
    }
}
