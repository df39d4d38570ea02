package org.causalrx.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.causalrx.pipeline.MultiArmResult;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The report of a K-arm run: report.html (summary, protocol and arms with Tables S.1 and S.2, propensity and
 * overlap with per-arm propensity histograms, CATE models, policies with a figure of each policy's gain over
 * current practice, policy insights, diagnostics per arm against the reference), tables/*.csv and figures/. It
 * draws the {@link MultiArmResult}; it decides nothing.
 */
public final class MultiArmReport {
    static final String GAIN_FIGURE = "multiarm_gain";
    static final String DEFERRAL_TABLE = "deferral_reasons.csv";

    private MultiArmReport() {
    }

    /** Writes report.html, tables/ and figures/ into {@code outDir} (which must exist). */
    public static void write(MultiArmResult r, Path outDir) throws IOException {
        Path tables = Files.createDirectories(outDir.resolve(ReportWriter.TABLES_DIR));
        Path figures = Files.createDirectories(outDir.resolve(ReportWriter.FIGURES_DIR));
        CsvTables.writeTable(tables, "arms.csv", arms(r));
        CsvTables.writeTable(tables, "propensity_metrics.csv", propensity(r));
        CsvTables.writeTable(tables, "policies.csv", policies(r));
        if (r.deferral() != null) {
            CsvTables.writeTable(tables, DEFERRAL_TABLE, deferralReasons(r));
        }
        MultiArmInsightSection.tables(r, tables);
        if (r.simulation() != null) {
            MultiArmSimulationSection.writeTables(r.simulation(), tables);
        }
        MultiArmDiagnosticFiles.tables(r, tables);
        MultiArmTreesAndRefutations.tables(r, tables);
        MultiArmSecondarySection.tables(r, tables);
        CohortTablesSection.write(r.cohortTables(), tables);
        Map<String, Figures.Figure> figs = new LinkedHashMap<>();
        Figures.Figure gain = Figures.save(gainChart(r), figures, GAIN_FIGURE, "Each policy's DR value minus "
                + "current practice's (the observed mean outcome) on the test split, with the 95 % bootstrap "
                + "interval; " + (r.protocol().direction().equals("lower") ? "below" : "above")
                + " 0 is better. Current practice is the line at 0.");
        figs.put(GAIN_FIGURE, gain);
        figs.putAll(MultiArmInsightFigures.write(r, figures));
        figs.putAll(MultiArmDiagnosticFiles.figures(r, figures));
        MultiArmTreesAndRefutations.figures(r, figures, figs);
        Files.writeString(outDir.resolve(ReportWriter.REPORT_HTML), html(r, new NumberedFigures(figs)),
                StandardCharsets.UTF_8);
    }

    static String html(MultiArmResult r, NumberedFigures figs) {
        MultiArmResult.Protocol p = r.protocol();
        HtmlWriter b = new HtmlWriter(1 << 15);
        b.markup("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .markup("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .markup("<title>CausalRx report \u2014 ").text(r.study()).markup("</title>\n")
                .markup("<style>\n").add(Html.CSS).markup("</style>\n</head>\n<body>\n<main>\n")
                .markup("<h1>Treatment recommendation report</h1>\n<p class=\"sub\">").text(r.study())
                .markup(" \u00b7 ").text(Integer.toString(r.arms().size())).markup(" treatment options</p>\n");
        MultiArmResult.Verdict v = r.verdict();
        b.markup("<section class=\"summary\" id=\"summary\"><h2>Summary</h2>\n<p class=\"headline\">")
                .text(v == null ? "No learned policy was chosen." : v.statement()).markup("</p>\n");
        if (v != null) {
            b.add(Html.kv(List.of(
                    Html.pair("chosen on validation", Markup.code(v.selected().name())),
                    Html.pair("current practice (observed mean, test)", Fmt.num(v.currentPractice())),
                    Html.pair("chosen policy (DR value, test)", Fmt.num(v.value())),
                    Html.pair("gain, 95 % bootstrap interval", Fmt.num(v.gain()) + " ("
                            + Fmt.range(v.gainLow(), v.gainHigh()) + ")"),
                    Html.pair("bootstrap rounds in which it is better", Fmt.pct(v.shareBetter())))));
        }
        b.markup("</section>\n");

        b.markup("<h2 id=\"protocol\">1. Protocol and arms</h2>\n");
        b.add(Html.kv(List.of(Html.pair("question", p.question()), Html.pair("decision time", p.decisionTime()),
                Html.pair("population", p.population()), Html.pair("users", p.users()),
                Html.pair("data", Markup.code(p.dataFile())),
                Html.pair("treatment column", Markup.code(p.treatmentColumn())),
                Html.pair("outcome", Markup.fill("<code>{}</code> ({}, {} is better)", p.outcomeColumn(),
                        p.outcomeType(), p.direction())),
                Html.pair("rows", p.rowsRead() + " read, " + p.rowsDropped() + " dropped"
                        + (p.dropReason() == null || p.dropReason().isEmpty() ? "" : ": " + p.dropReason())))));
        Html.Table arms = new Html.Table(List.of("arm", "code", "train", "validation", "test"), false, false, true,
                true, true);
        for (MultiArmResult.Arm a : r.arms()) {
            arms.row(a.reference() ? "ref" : null, a.label() + (a.reference() ? " (reference)" : ""),
                    Markup.code(a.code()), Fmt.integer(a.nTrain()), Fmt.integer(a.nValidation()),
                    Fmt.integer(a.nTest()));
        }
        b.add(arms.html());
        if (r.cohortTables() != null) {
            CohortTablesSection.html(b, r.cohortTables());
        }

        b.markup("<h2 id=\"propensity\">2. Propensity and overlap</h2>\n<p>Generalized propensity models "
                + "P(T = a | x), fitted on the training split and compared on validation; the lowest multiclass Brier "
                + "score is selected.</p>\n");
        List<String> headers = new ArrayList<>(List.of("model", "log-loss", "Brier"));
        r.arms().forEach(a -> headers.add("AUROC " + a.label()));
        boolean[] num = new boolean[headers.size()];
        java.util.Arrays.fill(num, 1, num.length, true);
        Html.Table prop = new Html.Table(headers, num);
        for (MultiArmResult.PropensityModel m : r.propensity().models()) {
            List<Object> row = new ArrayList<>(List.of(Markup.code(m.name()), Fmt.num(m.logLoss()),
                    Fmt.num(m.brier())));
            m.aurocPerArm().forEach(x -> row.add(Fmt.num(x)));
            prop.row(m.name().equals(r.propensity().selected()) ? "best" : null, row.toArray());
        }
        b.add(prop.html());
        MultiArmResult.Overlap o = r.overlap();
        int nTest = r.arms().stream().mapToInt(MultiArmResult.Arm::nTest).sum();
        b.markup("<p>Overlap set: every arm's propensity at least ").text(Fmt.num(o.eta())).markup(" (")
                .text(o.rule()).markup("). ").text(Fmt.count(o.testOutside(), nTest))
                .markup(" test patients fall outside; every policy except current practice defers them.</p>\n");
        MultiArmInsightSection.propensity(b, r, figs);

        b.markup("<h2 id=\"cate\">3. CATE models</h2>\n<p>Mean predicted effect of each arm against the reference "
                + "on the test split (outcome units).</p>\n");
        List<String> eh = new ArrayList<>(List.of("estimator"));
        r.arms().stream().skip(1).forEach(a -> eh.add(a.label() + " vs " + r.arms().get(0).label()));
        boolean[] en = new boolean[eh.size()];
        java.util.Arrays.fill(en, 1, en.length, true);
        Html.Table est = new Html.Table(eh, en);
        for (MultiArmResult.Estimator e : r.estimators()) {
            List<Object> row = new ArrayList<>(List.of(Markup.code(e.name())));
            e.meanEffectTest().stream().skip(1).forEach(x -> row.add(Fmt.num(x)));
            est.row(null, row.toArray());
        }
        b.add(est.html());

        b.markup("<h2 id=\"policies\">4. Policies on the test split</h2>\n<p>Values by doubly robust (DR) and "
                + "inverse-propensity (IPW) estimation with deferred patients at their observed outcome (TRS Eq. 5); "
                + "current practice is valued as the observed outcome. The learned policy was chosen on the "
                + "validation split").text(r.selection() == null ? "" : " (" + r.selection().n() + " patients)")
                .markup(".</p>\n");
        List<String> ph = new ArrayList<>(List.of("policy", "kind"));
        r.arms().forEach(a -> ph.add("gives " + a.label()));
        ph.addAll(List.of("deferred", "DR value", "IPW value", "gain", "95 % interval", "better in"));
        boolean[] pn = new boolean[ph.size()];
        java.util.Arrays.fill(pn, 2, pn.length, true);
        Html.Table pol = new Html.Table(ph, pn);
        for (MultiArmResult.PolicyValue pv : r.policies()) {
            List<Object> row = new ArrayList<>(List.of(Markup.code(pv.name().name()), pv.kind().name()
                    .toLowerCase(java.util.Locale.ROOT)));
            pv.armShares().forEach(s -> row.add(Fmt.pct(s)));
            row.addAll(List.of(Fmt.pct(pv.deferredShare()), Fmt.num(pv.pointDr()), Fmt.num(pv.pointIpw()),
                    Fmt.num(pv.gainDr()), Fmt.range(pv.gainLow(), pv.gainHigh()), Fmt.pct(pv.shareBetter())));
            boolean chosen = v != null && pv.name().equals(v.selected());
            pol.row(chosen ? "best" : null, row.toArray());
        }
        b.add(pol.html());
        b.add(figs.place(GAIN_FIGURE));
        if (r.deferral() != null) {
            deferralHtml(b, r.deferral());
        }
        if (r.simulation() != null) {
            MultiArmSimulationSection.html(b, r.simulation());
        }

        MultiArmSecondarySection.render(b, r);
        MultiArmInsightSection.render(b, r, figs, "5. Policy insights");
        MultiArmDiagnosticsSection.render(b, r, figs, "6. Diagnostics: balance, heterogeneity, sensitivity");
        MultiArmTreesAndRefutations.render(b, r, figs);
        b.markup("<h2 id=\"provenance\">7. Provenance</h2>\n");
        b.add(Html.kv(List.of(Html.pair("data SHA-256", Markup.code(r.provenance().dataSha256())),
                Html.pair("study SHA-256", Markup.code(r.provenance().studySha256())),
                Html.pair("seed", Long.toString(r.provenance().seed())),
                Html.pair("bootstrap rounds", Integer.toString(r.provenance().bootstrapRounds())
                        + ("poisson".equals(r.provenance().bootstrapEngine()) ? " (Poisson(1) weights)" : "")),
                Html.pair("CausalRx", r.provenance().causalrxVersion()))));
        b.markup("<footer>Generated by CausalRx ").text(r.provenance().causalrxVersion())
                .markup(". The report draws the run's results; it estimates nothing itself.</footer>\n")
                .markup("</main>\n</body>\n</html>\n");
        return b.toString();
    }

    /** Why the Conservative policies defer: one row per policy and reason (uncertain deferrals per arm pair). */
    private static void deferralHtml(HtmlWriter b, MultiArmResult.Deferral d) {
        b.markup("<h3 id=\"deferral\">Why the Conservative policies defer</h3>\n<p>Each <code>estimator@conservative"
                + "</code> policy gives the arm of <code>estimator@inclusive</code> (the point rule) only where the "
                + "interval of the best-minus-second-best arm contrast lies on one side of the rule's boundary, "
                + "and defers the patient otherwise. Intervals: ").text(d.method()).markup(" (alpha_stat ")
                .text(Fmt.num(d.alphaStat())).markup("). Test split.</p>\n");
        CalibrationNote.appendMultiArm(b, d.calibration());
        Html.Table t = new Html.Table(List.of("policy", "reason", "patients", "share"), false, false, true, true);
        for (MultiArmResult.ReasonCounts c : d.policies()) {
            String id = c.policy().name();
            t.row(null, Markup.code(id), "outside overlap", Fmt.integer(c.outsideOverlap()),
                    Fmt.pct(share(c.outsideOverlap(), c.n())));
            for (MultiArmResult.PairCount p : c.pairs()) {
                t.row(null, Markup.code(id), p.reason(), Fmt.integer(p.n()), Fmt.pct(share(p.n(), c.n())));
            }
            t.row(null, Markup.code(id), "recommended an arm", Fmt.integer(c.recommended()),
                    Fmt.pct(share(c.recommended(), c.n())));
        }
        b.add(t.html());
    }

    private static double share(int n, int of) {
        return of == 0 ? Double.NaN : n / (double) of;
    }

    static List<List<String>> deferralReasons(MultiArmResult r) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("policy", "reason", "arm_a", "arm_b", "n", "share", "description"));
        for (MultiArmResult.ReasonCounts c : r.deferral().policies()) {
            String id = c.policy().name();
            rows.add(List.of(id, "outside_overlap", "", "", Integer.toString(c.outsideOverlap()),
                    Fmt.raw(share(c.outsideOverlap(), c.n())), "outside the overlap set"));
            for (MultiArmResult.PairCount p : c.pairs()) {
                rows.add(List.of(id, "uncertain", p.armA(), p.armB(), Integer.toString(p.n()),
                        Fmt.raw(share(p.n(), c.n())), p.reason()));
            }
            rows.add(List.of(id, "recommended", "", "", Integer.toString(c.recommended()),
                    Fmt.raw(share(c.recommended(), c.n())), "given an arm"));
        }
        return rows;
    }

    static XYChart gainChart(MultiArmResult r) {
        XYChart c = new XYChart(Figures.WIDTH, Figures.HEIGHT);
        c.setTitle("Gain over current practice, test split");
        c.setXAxisTitle("policy");
        c.setYAxisTitle("DR value − current practice");
        Figures.styleAxes(c.getStyler());
        c.getStyler().setLegendVisible(false);
        List<MultiArmResult.PolicyValue> ps = r.policies();
        c.getStyler().setXAxisLabelRotation(30);
        c.getStyler().setxAxisTickLabelsFormattingFunction(x -> {
            int i = (int) Math.round(x) - 1;
            return Math.abs(x - Math.round(x)) < 1e-9 && i >= 0 && i < ps.size() ? ps.get(i).name().name() : "";
        });
        double[] xs = new double[ps.size()];
        double[] ys = new double[ps.size()];
        for (int i = 0; i < ps.size(); i++) {
            MultiArmResult.PolicyValue p = ps.get(i);
            xs[i] = i + 1;
            ys[i] = p.gainDr();
            XYSeries bar = c.addSeries("ci " + p.name().name(), new double[] {i + 1, i + 1},
                    new double[] {p.gainLow(), p.gainHigh()});
            bar.setMarker(SeriesMarkers.NONE);
            bar.setLineColor(Figures.color(i));
            bar.setLineStyle(new BasicStroke(3f));
        }
        XYSeries pts = c.addSeries("gain", xs, ys);
        pts.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Scatter);
        pts.setMarkerColor(Color.BLACK);
        XYSeries zero = c.addSeries("current practice", new double[] {0.5, ps.size() + 0.5}, new double[] {0, 0});
        zero.setMarker(SeriesMarkers.NONE);
        zero.setLineColor(Color.GRAY);
        zero.setLineStyle(Figures.DASHED);
        return c;
    }

    static List<List<String>> arms(MultiArmResult r) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("index", "code", "label", "reference", "n_train", "n_validation", "n_test"));
        for (MultiArmResult.Arm a : r.arms()) {
            rows.add(List.of(Integer.toString(a.index()), a.code(), a.label(), Boolean.toString(a.reference()),
                    Integer.toString(a.nTrain()), Integer.toString(a.nValidation()), Integer.toString(a.nTest())));
        }
        return rows;
    }

    static List<List<String>> propensity(MultiArmResult r) {
        List<List<String>> rows = new ArrayList<>();
        List<String> h = new ArrayList<>(List.of("model", "selected", "log_loss", "brier"));
        r.arms().forEach(a -> h.add("auroc_" + a.code()));
        rows.add(h);
        for (MultiArmResult.PropensityModel m : r.propensity().models()) {
            List<String> row = new ArrayList<>(List.of(m.name(), Boolean.toString(m.name().equals(
                    r.propensity().selected())), Fmt.raw(m.logLoss()), Fmt.raw(m.brier())));
            m.aurocPerArm().forEach(x -> row.add(Fmt.raw(x)));
            rows.add(row);
        }
        return rows;
    }

    static List<List<String>> policies(MultiArmResult r) {
        List<List<String>> rows = new ArrayList<>();
        List<String> h = new ArrayList<>(List.of("policy", "kind"));
        r.arms().forEach(a -> h.add("share_" + a.code()));
        h.addAll(List.of("deferred_share", "point_dr", "point_ipw", "gain_dr", "gain_low", "gain_high",
                "share_better"));
        rows.add(h);
        for (MultiArmResult.PolicyValue p : r.policies()) {
            List<String> row = new ArrayList<>(List.of(p.name().name(), p.kind().name().toLowerCase(
                    java.util.Locale.ROOT)));
            p.armShares().forEach(s -> row.add(Fmt.raw(s)));
            row.addAll(List.of(Fmt.raw(p.deferredShare()), Fmt.raw(p.pointDr()), Fmt.raw(p.pointIpw()),
                    Fmt.raw(p.gainDr()), Fmt.raw(p.gainLow()), Fmt.raw(p.gainHigh()), Fmt.raw(p.shareBetter())));
            rows.add(row);
        }
        return rows;
    }
}
