package org.causalrx.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.util.List;
import java.util.Map;

import org.causalrx.pipeline.RunResult;
import org.knowm.xchart.HeatMapChart;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** Figures of the CATE insights section: calibration graph and correlation heat map. Draws only. */
final class InsightFigures {
    private InsightFigures() {
    }

    /** Per estimator: mean predicted CATE (x) vs AIPW effect in the bin (y) with 95 % error bars; y = x line. */
    static XYChart calibration(Map<String, List<RunResult.CalibrationBin>> bins) {
        XYChart c = new XYChart(Figures.WIDTH, Figures.HEIGHT);
        c.setTitle("CATE calibration on the test split");
        c.setXAxisTitle("Mean predicted effect in the bin");
        c.setYAxisTitle("AIPW effect in the bin (95 % CI)");
        Figures.styleAxes(c.getStyler());
        c.getStyler().setLegendPosition(Styler.LegendPosition.InsideNW);
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (List<RunResult.CalibrationBin> bs : bins.values()) {
            for (RunResult.CalibrationBin b : bs) {
                lo = Math.min(lo, b.meanPredicted());
                hi = Math.max(hi, b.meanPredicted());
            }
        }
        if (!Double.isFinite(lo)) {
            lo = -1;
            hi = 1;
        }
        XYSeries diag = c.addSeries("y = x", new double[] {lo, hi}, new double[] {lo, hi});
        diag.setLineColor(Color.GRAY);
        diag.setLineStyle(Figures.DASHED);
        diag.setMarker(SeriesMarkers.NONE);
        for (Map.Entry<String, List<RunResult.CalibrationBin>> e : bins.entrySet()) {
            List<RunResult.CalibrationBin> bs = e.getValue();
            if (bs.isEmpty()) {
                continue;
            }
            double[] x = bs.stream().mapToDouble(RunResult.CalibrationBin::meanPredicted).toArray();
            double[] y = bs.stream().mapToDouble(RunResult.CalibrationBin::aipw).toArray();
            double[] err = bs.stream().mapToDouble(b -> (b.ciHigh() - b.ciLow()) / 2).toArray();
            XYSeries s = c.addSeries(e.getKey(), x, y, err);
            s.setMarker(SeriesMarkers.CIRCLE);
            s.setLineStyle(new BasicStroke(1.5f));
        }
        return c;
    }

    /** Heat map of a correlation matrix between estimators. */
    static HeatMapChart correlations(String title, List<String> names, double[][] m) {
        HeatMapChart c = new HeatMapChart(Figures.WIDTH, Figures.HEIGHT);
        c.setTitle(title);
        Figures.styleAxes(c.getStyler());
        c.getStyler().setChartBackgroundColor(Color.WHITE);
        c.getStyler().setShowValue(true);
        c.getStyler().setValueFont(new java.awt.Font(java.awt.Font.SANS_SERIF, java.awt.Font.PLAIN, 13));
        c.getStyler().setValueFontColor(Color.BLACK);
        c.getStyler().setMin(-1).setMax(1);
        c.getStyler().setRangeColors(new Color[] {new Color(0x2166ac), Color.WHITE, new Color(0xb2182b)});
        c.getStyler().setLegendVisible(false);
        c.getStyler().setToolTipsEnabled(false);
        c.getStyler().setHeatMapValueDecimalPattern("0.00");
        int k = names.size();
        Number[][] heat = new Number[k * k][];
        int idx = 0;
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
                heat[idx++] = new Number[] {i, j, Double.isFinite(m[i][j]) ? m[i][j] : 0.0};
            }
        }
        c.addSeries("correlation", names, names, java.util.Arrays.asList(heat));
        return c;
    }
}
