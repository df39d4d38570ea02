package org.causalrx.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.causalrx.pipeline.RunFigures.CalibrationBin;
import org.causalrx.pipeline.RunResult;
import org.causalrx.pipeline.RunResult.PolicyResult;
import org.causalrx.result.PolicyId;
import org.knowm.xchart.AnnotationLine;
import org.knowm.xchart.BitmapEncoder;
import org.knowm.xchart.BoxChart;
import org.knowm.xchart.VectorGraphicsEncoder;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.internal.chartpart.Chart;
import org.knowm.xchart.style.AxesChartStyler;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/**
 * Draws the report's figures with XChart and writes each as PNG and SVG. Draws only what it is given: the
 * histograms bin the propensity scores, the box plots show the bootstrap values; nothing else is estimated.
 */
final class Figures {

    /** Pixel size of every figure. */
    static final int WIDTH = 800;
    static final int HEIGHT = 500;
    /** Number of equal-width histogram bins on [0, 1]. */
    static final int BINS = 25;

    /** One rendered figure: file stem, caption and PNG bytes. */
    record Figure(String id, String caption, byte[] png) {
    }

    private static final Color[] PALETTE = {new Color(0x1f77b4), new Color(0xff7f0e), new Color(0x2ca02c),
            new Color(0xd62728), new Color(0x9467bd), new Color(0x8c564b), new Color(0xe377c2),
            new Color(0x7f7f7f), new Color(0xbcbd22), new Color(0x17becf)};
    private static final Color CONTROL = new Color(31, 119, 180);
    private static final Color TREATED = new Color(255, 127, 14);
    static final BasicStroke DASHED = new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER,
            10f, new float[] {7f, 5f}, 0f);
    private static final String FONT = Font.SANS_SERIF;

    private Figures() {
    }

    static XYChart calibration(Map<String, List<CalibrationBin>> calibration, String selected) {
        XYChart c = new XYChart(WIDTH, HEIGHT);
        c.setTitle("Propensity calibration on the validation split");
        c.setXAxisTitle("Mean predicted probability of treatment");
        c.setYAxisTitle("Observed share treated");
        style(c.getStyler());
        c.getStyler().setLegendPosition(Styler.LegendPosition.InsideNW);
        c.getStyler().setXAxisMin(0.0).setXAxisMax(1.0).setYAxisMin(0.0).setYAxisMax(1.0);
        c.getStyler().setXAxisDecimalPattern("0.0").setYAxisDecimalPattern("0.0");
        XYSeries diag = c.addSeries("perfect calibration", new double[] {0, 1}, new double[] {0, 1});
        diag.setLineColor(Color.GRAY);
        diag.setLineStyle(DASHED);
        diag.setMarker(SeriesMarkers.NONE);
        int i = 0;
        for (Map.Entry<String, List<CalibrationBin>> e : calibration.entrySet()) {
            List<CalibrationBin> bins = e.getValue();
            if (bins == null || bins.isEmpty()) {
                continue;
            }
            double[] x = bins.stream().mapToDouble(CalibrationBin::meanPredicted).toArray();
            double[] y = bins.stream().mapToDouble(CalibrationBin::observedRate).toArray();
            String name = e.getKey() + (e.getKey().equals(selected) ? " (selected)" : "");
            XYSeries s = c.addSeries(name, x, y);
            Color col = PALETTE[i++ % PALETTE.length];
            s.setLineColor(col);
            s.setMarkerColor(col);
            s.setMarker(SeriesMarkers.CIRCLE);
            s.setLineStyle(new BasicStroke(2f));
        }
        return c;
    }

    /**
     * Histogram of e(x) per arm, as the share of each arm's patients per bin, with the thresholds as vertical
     * dashed lines.
     */
    static XYChart propensityHistogram(String title, Map<String, double[]> byArm, RunResult.ProtocolInfo p,
                                       double etaLow, double etaHigh) {
        List<HistogramSeries> series = new ArrayList<>();
        int i = 0;
        for (Map.Entry<String, double[]> e : byArm.entrySet()) {
            boolean treated = "treated".equalsIgnoreCase(e.getKey());
            boolean control = "control".equalsIgnoreCase(e.getKey());
            Color col = treated ? TREATED : control ? CONTROL : PALETTE[(i + 2) % PALETTE.length];
            i++;
            String label = treated ? nonBlank(p.treatedLabel(), "treated") : control
                    ? nonBlank(p.controlLabel(), "control") : e.getKey();
            series.add(new HistogramSeries(label + " (n = " + (e.getValue() == null ? 0 : e.getValue().length) + ")",
                    col, shares(e.getValue())));
        }
        return histogram(title, "Estimated propensity e(x)", series, etaLow, etaHigh);
    }

    /** One group's histogram: legend label, colour and the share of the group per equal-width bin on [0, 1]. */
    record HistogramSeries(String label, Color color, double[] share) {
    }

    /**
     * Step histograms on [0, 1], one per series (each series' shares sum to one), with the thresholds as vertical
     * dashed lines (a NaN threshold, or a high one equal to the low one, is not drawn).
     */
    static XYChart histogram(String title, String xTitle, List<HistogramSeries> series, double etaLow,
                             double etaHigh) {
        XYChart c = new XYChart(WIDTH, HEIGHT);
        c.setTitle(title);
        c.setXAxisTitle(xTitle);
        c.setYAxisTitle("Share of the arm's patients per bin");
        style(c.getStyler());
        c.getStyler().setLegendPosition(Styler.LegendPosition.InsideNE);
        c.getStyler().setLegendBackgroundColor(new Color(255, 255, 255, 210));
        c.getStyler().setXAxisMin(0.0).setXAxisMax(1.0).setYAxisMin(0.0);
        c.getStyler().setXAxisDecimalPattern("0.0").setYAxisDecimalPattern("0.00");
        double ymax = 0.0;
        for (HistogramSeries h : series) {
            double[] share = h.share();
            int bins = share.length;
            double[] x = new double[bins + 1];
            double[] y = new double[bins + 1];
            for (int b = 0; b <= bins; b++) {
                x[b] = (double) b / bins;
                y[b] = share[Math.min(b, bins - 1)];
                ymax = Math.max(ymax, y[b]);
            }
            Color col = h.color();
            XYSeries s = c.addSeries(h.label(), x, y);
            s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.StepArea);
            s.setLineColor(col);
            s.setFillColor(new Color(col.getRed(), col.getGreen(), col.getBlue(), 90));
            s.setMarker(SeriesMarkers.NONE);
            s.setLineStyle(new BasicStroke(1.5f));
        }
        double top = ymax > 0 ? ymax * 1.08 : 1.0;
        c.getStyler().setYAxisMax(top);
        double[] etas = {etaLow, etaHigh};
        for (int k = 0; k < 2; k++) {
            double eta = etas[k];
            if (Double.isFinite(eta) && (k == 0 || eta != etaLow)) {
                String name = (k == 0 ? "\u03b7 low = " : "\u03b7 high = ")
                        + String.format(Locale.ROOT, "%.3f", eta);
                XYSeries s = c.addSeries(name, new double[] {eta, eta}, new double[] {0, top});
                s.setXYSeriesRenderStyle(XYSeries.XYSeriesRenderStyle.Line);
                s.setLineColor(Color.BLACK);
                s.setLineStyle(DASHED);
                s.setMarker(SeriesMarkers.NONE);
            }
        }
        return c;
    }

    /** Box plots of bootstrap policy values, with a reference line at {@code reference} when finite. */
    static BoxChart policyBoxes(String title, String yTitle, List<PolicyResult> policies,
                                Map<PolicyId, double[]> values, double reference) {
        BoxChart c = new BoxChart(WIDTH, HEIGHT, Styler.ChartTheme.XChart);
        c.setTitle(title);
        c.setYAxisTitle(yTitle);
        style(c.getStyler());
        c.getStyler().setLegendVisible(false);
        c.getStyler().setXAxisLabelRotation(policies.size() > 6 ? 30 : 0);
        for (PolicyId name : ordered(policies, values).keySet()) {
            double[] v = values.get(name);
            if (v != null && v.length > 0) {
                c.addSeries(name.name(), v);
            }
        }
        if (Double.isFinite(reference)) {
            c.addAnnotation(new AnnotationLine(reference, false, false));
        }
        return c;
    }

    /** Policy names in RunResult order, then any others in the map's order. */
    static Map<PolicyId, double[]> ordered(List<PolicyResult> policies, Map<PolicyId, double[]> values) {
        Map<PolicyId, double[]> out = new LinkedHashMap<>();
        for (PolicyResult p : policies) {
            if (values.containsKey(p.name())) {
                out.put(p.name(), values.get(p.name()));
            }
        }
        values.forEach(out::putIfAbsent);
        return out;
    }

    /** Writes {@code id.png} and {@code id.svg} into dir and returns the figure with its PNG bytes. */
    static Figure save(Chart<?, ?> chart, Path dir, String id, String caption) throws IOException {
        byte[] png = BitmapEncoder.getBitmapBytes(chart, BitmapEncoder.BitmapFormat.PNG);
        Files.write(dir.resolve(id + ".png"), png);
        ByteArrayOutputStream svg = new ByteArrayOutputStream();
        VectorGraphicsEncoder.saveVectorGraphic(chart, svg, VectorGraphicsEncoder.VectorGraphicsFormat.SVG);
        Files.write(dir.resolve(id + ".svg"), svg.toByteArray());
        return new Figure(id, caption, png);
    }

    static String armLabel(String arm, String label) {
        return label == null || label.isBlank() ? arm : label + " (" + arm + ")";
    }

    private static String nonBlank(String s, String fallback) {
        return s == null || s.isBlank() ? fallback : s;
    }

    private static double[] shares(double[] values) {
        return org.causalrx.util.Histogram.shares(values, BINS);
    }

    static Color color(int i) {
        return PALETTE[i % PALETTE.length];
    }

    static void styleAxes(AxesChartStyler s) {
        style(s);
    }

    private static void style(AxesChartStyler s) {
        s.setChartBackgroundColor(Color.WHITE);
        s.setPlotBackgroundColor(Color.WHITE);
        s.setPlotBorderColor(new Color(0xbbbbbb));
        s.setPlotGridLinesColor(new Color(0xe5e5e5));
        s.setChartTitleFont(new Font(FONT, Font.BOLD, 16));
        s.setAxisTitleFont(new Font(FONT, Font.PLAIN, 13));
        s.setAxisTickLabelsFont(new Font(FONT, Font.PLAIN, 12));
        s.setLegendFont(new Font(FONT, Font.PLAIN, 12));
        s.setAnnotationTextFont(new Font(FONT, Font.PLAIN, 12));
        s.setLegendBorderColor(new Color(0xcccccc));
        s.setChartTitleBoxVisible(false);
        s.setSeriesColors(PALETTE);
        s.setAntiAlias(true);
        s.setLocale(Locale.ROOT);
        s.setAnnotationLineColor(new Color(0xd62728));
        s.setAnnotationLineStroke(DASHED);
        s.setToolTipsEnabled(false);
    }
}
