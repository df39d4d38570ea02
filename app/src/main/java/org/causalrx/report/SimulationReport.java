package org.causalrx.report;

import java.awt.Color;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.causalrx.pipeline.ResultsJson;
import org.causalrx.simulate.FeasibilityChecks;
import org.causalrx.simulate.FeasibilityResult;
import org.causalrx.simulate.FeasibilityResult.PolicyRecord;
import org.causalrx.simulate.FeasibilityResult.PolicySummary;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Writes a feasibility simulation (TRS §3.5, Table 1, Fig. 5): {@code simulation.json},
 * {@code tables/simulation_records.csv}, {@code tables/simulation_summary.csv}, {@code tables/simulation_checks.csv},
 * {@code tables/simulation_intervals.csv} (coverage of the statistical intervals),
 * {@code figures/simulation_scatter.png/.svg} (estimated vs true value for DR and IPW, with y = x) and a
 * self-contained {@code simulation.html}.
 */
public final class SimulationReport {
    public static final String JSON = "simulation.json";
    public static final String HTML = "simulation.html";

    private SimulationReport() {
    }

    /** Writes every file into {@code dir} (an existing folder). */
    public static void write(FeasibilityResult r, Path dir) throws IOException {
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
        Files.writeString(dir.resolve(JSON), ResultsJson.mapper().writeValueAsString(r) + "\n", StandardCharsets.UTF_8);
        Path tables = Files.createDirectories(dir.resolve(ReportWriter.TABLES_DIR));
        csv(tables.resolve("simulation_records.csv"), records(r));
        csv(tables.resolve("simulation_summary.csv"), summary(r));
        csv(tables.resolve("simulation_checks.csv"), checks(r));
        csv(tables.resolve("simulation_intervals.csv"), IntervalCoverageTable.rows(r));
        Path figs = Files.createDirectories(dir.resolve(ReportWriter.FIGURES_DIR));
        Figures.Figure fig = Figures.save(scatter(r), figs, "simulation_scatter", "Estimated vs true policy value on "
                + "the simulated outcomes, every policy and seed (DR and IPW); the dashed line is y = x.");
        Files.writeString(dir.resolve(HTML), html(r, fig), StandardCharsets.UTF_8);
    }

    static XYChart scatter(FeasibilityResult r) {
        XYChart c = new XYChart(Figures.WIDTH, Figures.HEIGHT);
        c.setTitle("Feasibility simulation: estimated vs true policy value");
        c.setXAxisTitle("True value (" + r.outcome() + ", " + r.direction() + " is better)");
        c.setYAxisTitle("Estimated value");
        Figures.styleAxes(c.getStyler());
        c.getStyler().setDefaultSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        c.getStyler().setLegendPosition(Styler.LegendPosition.InsideNW);
        List<PolicyRecord> est = r.records().stream().filter(x -> Double.isFinite(x.dr())).toList();
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (PolicyRecord x : est) {
            for (double v : new double[] {x.dr(), x.ipw(), x.trueValue()}) {
                if (Double.isFinite(v)) {
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
            }
        }
        if (!(lo < hi)) {
            lo = 0;
            hi = 1;
        }
        XYSeries line = c.addSeries("y = x", new double[] {lo, hi}, new double[] {lo, hi});
        line.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
        line.setLineColor(Color.GRAY);
        line.setLineStyle(Figures.DASHED);
        line.setMarker(SeriesMarkers.NONE);
        if (!est.isEmpty()) {
            c.addSeries("DR", est.stream().mapToDouble(PolicyRecord::trueValue).toArray(),
                    est.stream().mapToDouble(PolicyRecord::dr).toArray()).setMarker(SeriesMarkers.CIRCLE);
            List<PolicyRecord> ipw = est.stream().filter(x -> Double.isFinite(x.ipw())).toList();
            c.addSeries("IPW", ipw.stream().mapToDouble(PolicyRecord::trueValue).toArray(),
                    ipw.stream().mapToDouble(PolicyRecord::ipw).toArray()).setMarker(SeriesMarkers.DIAMOND);
        }
        return c;
    }

    static List<List<String>> records(FeasibilityResult r) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("form", "seed", "policy", "learned", "treated_share", "deferred_share", "value_dr",
                "value_ipw", "value_dr_se", "value_true", "regret"));
        for (PolicyRecord x : r.records()) {
            rows.add(List.of(x.form(), Integer.toString(x.seed()), x.policy().name(), Boolean.toString(x.learned()),
                    Fmt.raw(x.treatedShare()), Fmt.raw(x.deferredShare()), Fmt.raw(x.dr()), Fmt.raw(x.ipw()),
                    Fmt.raw(x.drSe()), Fmt.raw(x.trueValue()), Fmt.raw(x.regret())));
        }
        return rows;
    }

    static List<List<String>> summary(FeasibilityResult r) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("form", "policy", "learned", "dr_mean", "dr_sem", "ipw_mean", "ipw_sem", "true_mean",
                "true_sem", "regret_mean", "regret_sem"));
        for (PolicySummary s : r.summaries()) {
            rows.add(List.of(s.form(), s.policy().name(), Boolean.toString(s.learned()), Fmt.raw(s.drMean()),
                    Fmt.raw(s.drSem()), Fmt.raw(s.ipwMean()), Fmt.raw(s.ipwSem()), Fmt.raw(s.trueMean()),
                    Fmt.raw(s.trueSem()), Fmt.raw(s.regretMean()), Fmt.raw(s.regretSem())));
        }
        return rows;
    }

    static List<List<String>> checks(FeasibilityResult r) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("form", "check", "name", "passed", "value", "threshold", "detail"));
        for (FeasibilityChecks.Check c : r.checks()) {
            rows.add(List.of(c.form(), Integer.toString(c.id()), c.name(), c.passed() ? "pass" : "fail",
                    Fmt.raw(c.value()), Fmt.raw(c.threshold()), c.detail()));
        }
        return rows;
    }

    /** One line per check, e.g. for the console: {@code [linear] check 1 PASS: ...}. */
    public static List<String> checkLines(FeasibilityResult r) {
        return r.checks().stream().map(c -> String.format(Locale.ROOT, "[%s] check %d %s: %s: %s", c.form(), c.id(),
                c.passed() ? "PASS" : "FAIL", c.name(), c.detail())).toList();
    }

    private static String meanSem(double mean, double sem) {
        return Double.isFinite(mean) ? Fmt.num(mean) + (Double.isFinite(sem) ? " (" + Fmt.num(sem) + ")" : "")
                : "\u2014";
    }

    static String html(FeasibilityResult r, Figures.Figure fig) {
        HtmlWriter b = new HtmlWriter()
                .markup("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .markup("<title>").text(r.study()).markup(": feasibility simulation</title>\n")
                .markup("<style>\n").add(Html.CSS).markup("</style>\n</head>\n<body>\n<main>\n")
                .markup("<h1>").text(r.study()).markup(": feasibility simulation</h1>\n");
        b.add(Html.kv(List.of(
                Html.pair("Outcome", r.outcome() + " (" + r.direction() + " is better)"),
                Html.pair("lambda", Fmt.num(r.lambda())),
                Html.pair("Effect C (mean |CATE|)", Fmt.num(r.effect()) + " = "
                        + Fmt.num(r.effect() / r.outcomeSd())
                        + " SD of the real outcome"),
                Html.pair("Seeds", Integer.toString(r.seeds())))));
        for (String note : r.notes()) {
            b.markup("<p>").text(note).markup("</p>\n");
        }
        b.markup("<h2>Checks (TRS \u00a73.5)</h2>\n");
        Html.Table ct = new Html.Table(List.of("Form", "Check", "Verdict", "Numbers"));
        for (FeasibilityChecks.Check c : r.checks()) {
            ct.row(c.passed() ? "" : "warn", c.form(), c.id() + ". " + c.name(),
                    c.passed() ? Markup.badge("good", "pass") : Markup.badge("warn", "fail"), c.detail());
        }
        b.add(ct.html());
        b.markup("<h2>Policy values, mean (SEM) over seeds</h2>\n");
        Html.Table t = new Html.Table(List.of("Form", "Policy", "Estimated DR", "Estimated IPW", "True value",
                "Regret vs Optimal"), false, false, true, true, true, true);
        for (PolicySummary s : r.summaries()) {
            t.row("", s.form(), s.policy() + (s.learned() ? " (learned)" : ""),
                    meanSem(s.drMean(), s.drSem()), meanSem(s.ipwMean(), s.ipwSem()),
                    meanSem(s.trueMean(), s.trueSem()), meanSem(s.regretMean(), s.regretSem()));
        }
        b.add(t.html());
        b.markup("<p>True value: mean over test patients of the simulated potential outcome under the policy's "
                + "decision (deferred patients keep their factual outcome). Optimal: treat where the true effect "
                + "points the better way, deferring outside overlap like the learned policies. Regret is how much "
                + "worse than Optimal, in the study's direction.</p>\n");
        b.add(IntervalCoverageTable.html(r));
        b.add(Html.figure(1, fig));
        return b.markup("</main>\n</body>\n</html>\n").toString();
    }

    private static void csv(Path file, List<List<String>> rows) throws IOException {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (List<String> row : rows) {
                for (int i = 0; i < row.size(); i++) {
                    if (i > 0) {
                        w.write(',');
                    }
                    w.write(CsvTables.field(row.get(i)));
                }
                w.write("\r\n");
            }
        }
    }
}
