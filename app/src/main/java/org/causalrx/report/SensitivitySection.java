package org.causalrx.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.causalrx.pipeline.RunResult;
import org.causalrx.pipeline.Sensitivity;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * The report's sensitivity-to-hidden-confounding section (results.json {@code sensitivity}): the E-value of the ATE
 * and the selected policy's worst-case gain against Λ, with its figure and CSV tables. Formats and draws only.
 */
final class SensitivitySection implements ReportSection {
    static final String FIGURE = "sensitivity_msm";
    static final String MSM_TABLE = "sensitivity_msm.csv";
    static final String E_VALUE_TABLE = "sensitivity_e_value.csv";

    private final RunResult r;

    SensitivitySection(RunResult r) {
        this.r = r;
    }

    @Override
    public String id() {
        return "sensitivity";
    }

    @Override
    public String title() {
        return "Sensitivity to hidden confounding";
    }

    /** Writes the E-value table and the Λ curve table; none when the run has no sensitivity analysis. */
    static List<String> tables(RunResult r, Path dir) throws IOException {
        Sensitivity s = r.sensitivity();
        List<String> names = new ArrayList<>();
        if (s == null) {
            return names;
        }
        Sensitivity.EValues e = s.eValue();
        names.add(CsvTables.writeTable(dir, E_VALUE_TABLE, List.of(
                List.of("e_value_ate", "e_value_ci_limit", "risk_ratio", "risk_ratio_ci_limit", "conversion"),
                List.of(Fmt.raw(e.ate()), Fmt.raw(e.ciLimit()), Fmt.raw(e.riskRatio()), Fmt.raw(e.riskRatioCiLimit()),
                        e.conversion()))));
        Sensitivity.Msm m = s.msm();
        if (m != null) {
            names.add(CsvTables.writeTable(dir, MSM_TABLE, msmRows(m)));
        }
        return names;
    }

    /** The table of the policy's worst-case gain per Λ, with its header. */
    static List<List<String>> msmRows(Sensitivity.Msm m) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("policy", "lambda", "gain_lower_bound", "current_practice", "direction",
                "largest_lambda"));
        for (int i = 0; i < m.lambda().length; i++) {
            rows.add(List.of(m.policy().toString(), Fmt.raw(m.lambda()[i]), Fmt.raw(m.gainLowerBound()[i]),
                    Fmt.raw(m.currentPractice()), m.direction(), m.largestLambdaText()));
        }
        return rows;
    }

    /** Saves the Λ curve into {@code out} (id {@value #FIGURE}) when the run valued a selected policy. */
    static void figures(RunResult r, Path dir, Map<String, Figures.Figure> out) throws IOException {
        Sensitivity s = r.sensitivity();
        if (s == null || s.msm() == null) {
            return;
        }
        Figures.Figure f = Figures.save(curve(s.msm()), dir, FIGURE, "Worst-case gain of " + s.msm().policy()
                + " over current practice on the test split under the marginal sensitivity model: hidden confounding "
                + "may change each patient's odds of the treatment they got by up to a factor \u039b. Positive is "
                + "better (" + s.msm().direction() + " outcome is better); the gain holds up to \u039b = "
                + s.msm().largestLambdaText() + " (dotted line).");
        out.put(f.id(), f);
    }

    static XYChart curve(Sensitivity.Msm m) {
        XYChart c = new XYChart(Figures.WIDTH, Figures.HEIGHT);
        c.setTitle("Gain over current practice under hidden confounding");
        c.setXAxisTitle("\u039b (marginal sensitivity model)");
        c.setYAxisTitle("Worst-case gain (" + m.direction() + " is better)");
        Figures.styleAxes(c.getStyler());
        c.getStyler().setLegendPosition(Styler.LegendPosition.InsideNE);
        double[] lambda = m.lambda();
        double first = lambda[0];
        double last = lambda[lambda.length - 1];
        XYSeries zero = c.addSeries("0", new double[] {first, last}, new double[] {0, 0});
        zero.setLineColor(Color.GRAY);
        zero.setLineStyle(Figures.DASHED);
        zero.setMarker(SeriesMarkers.NONE);
        zero.setShowInLegend(false);
        XYSeries g = c.addSeries(m.policy().toString(), lambda, m.gainLowerBound());
        g.setLineColor(Figures.color(0));
        g.setLineStyle(new BasicStroke(2f));
        g.setMarker(SeriesMarkers.CIRCLE);
        if (!m.beyondGrid() && Double.isFinite(m.largestLambda())) {
            double lo = min(m.gainLowerBound());
            double hi = Math.max(0, m.gainLowerBound()[0]);
            XYSeries v = c.addSeries("largest \u039b", new double[] {m.largestLambda(), m.largestLambda()},
                    new double[] {lo, hi});
            v.setLineColor(Color.DARK_GRAY);
            v.setMarker(SeriesMarkers.NONE);
            v.setLineStyle(new BasicStroke(1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
                    new float[] {2f, 3f}, 0f));
        }
        return c;
    }

    private static double min(double[] v) {
        double m = Double.POSITIVE_INFINITY;
        for (double d : v) {
            if (Double.isFinite(d)) {
                m = Math.min(m, d);
            }
        }
        return Double.isFinite(m) ? Math.min(m, 0) : 0;
    }

    @Override
    public void render(HtmlWriter b, HtmlReport report) {
        b.markup("<section>").add(report.heading(this));
        Sensitivity s = r.sensitivity();
        if (s == null) {
            b.markup("<p>No sensitivity analysis was run.</p></section>\n");
            return;
        }
        Sensitivity.EValues e = s.eValue();
        b.markup("<p>The <b>E-value</b> is the smallest risk ratio an unmeasured confounder would need with both the "
                + "treatment and the outcome, beyond the measured covariates, to explain the average effect away; "
                + "the E-value of the confidence limit closer to no effect says how strong it would need to be to "
                + "make the effect compatible with none (1: the interval already includes no effect).</p>\n");
        b.add(Html.kv(List.of(
                Html.pair("E-value of the ATE", Markup.fill("<b>{}</b>", Fmt.num(e.ate()))),
                Html.pair("E-value of the confidence limit", Fmt.num(e.ciLimit())),
                Html.pair("Risk ratio (ATE, limit)", Fmt.num(e.riskRatio()) + ", " + Fmt.num(e.riskRatioCiLimit())),
                Html.pair("Conversion", Markup.textOrDash(e.conversion())))));
        Sensitivity.Msm m = s.msm();
        if (m == null) {
            b.markup("<p>No learned policy was selected, so no policy was checked.</p></section>\n");
            return;
        }
        b.markup("<p><b>Marginal sensitivity model</b>: hidden confounding of strength \u039b may change each "
                + "patient's odds of the treatment they received by up to a factor \u039b, so their inverse-propensity "
                + "weight may lie anywhere in a band that widens with \u039b. For the recommended policy, the value "
                + "is recomputed with the weights in those bands that make it as bad as possible; current practice "
                + "is what happened and needs no bound. The curve is that worst-case gain; where it crosses 0, "
                + "hidden confounding of that strength could explain the policy's advantage away.</p>\n");
        b.add(Html.kv(List.of(
                Html.pair("Policy", Markup.code(m.policy().toString())),
                Html.pair("Gain at \u039b = 1 (IPW)", Fmt.num(m.gainLowerBound()[0])),
                Html.pair("Current practice (observed mean)", Fmt.num(m.currentPractice())),
                Html.pair("Gain stays positive up to \u039b", m.fragile()
                        ? new HtmlWriter().text(m.largestLambdaText()).markup(" ").add(Markup.badge("warn",
                                "fragile: below " + Fmt.num(m.fragileLambda()))).toMarkup()
                        : Markup.fill("<b>{}</b>", m.largestLambdaText())),
                Html.pair("Method", Markup.textOrDash(m.method())))));
        b.add(report.figure(FIGURE));
        b.markup("</section>\n");
    }
}
