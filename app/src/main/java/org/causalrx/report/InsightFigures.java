package org.causalrx.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.util.List;
import java.util.Map;

import org.causalrx.pipeline.RunResult;
import org.causalrx.result.Baseline;
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

    /** Rank graph: value vs share treated per model, 95 % band as thin dashed lines, Doctors as a point. */
    static XYChart rankGraph(List<RunResult.RankCurve> curves, double doctorsShare, double doctorsValue,
            String yTitle) {
        XYChart c = new XYChart(Figures.WIDTH, Figures.HEIGHT);
        c.setTitle("Rank graph: treat the top share by predicted benefit");
        c.setXAxisTitle("Share of test patients treated");
        c.setYAxisTitle(yTitle);
        Figures.styleAxes(c.getStyler());
        c.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
        int i = 0;
        for (RunResult.RankCurve rc : curves) {
            Color col = Baseline.RANDOM.is(rc.name()) ? Color.GRAY : Figures.color(i++);
            XYSeries s = c.addSeries(rc.name(), rc.share(), rc.value());
            s.setLineColor(col);
            s.setMarker(SeriesMarkers.NONE);
            s.setLineStyle(new BasicStroke(2f));
            for (double[] band : new double[][] {rc.low(), rc.high()}) {
                XYSeries bs = c.addSeries(rc.name() + (band == rc.low() ? " 2.5 %" : " 97.5 %"), rc.share(), band);
                bs.setLineColor(col);
                bs.setMarker(SeriesMarkers.NONE);
                bs.setLineStyle(new BasicStroke(0.8f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
                        new float[] {3f, 3f}, 0f));
                bs.setShowInLegend(false);
            }
        }
        if (Double.isFinite(doctorsValue)) {
            XYSeries d = c.addSeries(Baseline.DOCTORS.key(), new double[] {doctorsShare}, new double[] {doctorsValue});
            d.setXYSeriesRenderStyle(org.knowm.xchart.XYSeries.XYSeriesRenderStyle.Scatter);
            d.setMarker(SeriesMarkers.DIAMOND);
            d.setMarkerColor(Color.BLACK);
        }
        return c;
    }

    /** Mean |SHAP| of the top features of one model, largest first. */
    static org.knowm.xchart.CategoryChart shap(RunResult.FeatureImportance fi, int top) {
        Integer[] order = new Integer[fi.features().size()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        java.util.Arrays.sort(order, (a, b) -> fi.meanAbsShap()[a] != fi.meanAbsShap()[b]
                ? Double.compare(fi.meanAbsShap()[b], fi.meanAbsShap()[a]) : Integer.compare(a, b));
        int k = Math.min(top, order.length);
        java.util.List<String> names = new java.util.ArrayList<>();
        java.util.List<Double> values = new java.util.ArrayList<>();
        for (int i = 0; i < k; i++) {
            names.add(fi.features().get(order[i]));
            values.add(fi.meanAbsShap()[order[i]]);
        }
        org.knowm.xchart.CategoryChart c = new org.knowm.xchart.CategoryChart(Figures.WIDTH, Figures.HEIGHT);
        c.setTitle("Mean |SHAP|: " + fi.model());
        c.setYAxisTitle("mean |SHAP| (" + fi.scale() + ")");
        Figures.styleAxes(c.getStyler());
        c.getStyler().setLegendVisible(false);
        c.getStyler().setXAxisLabelRotation(60);
        c.getStyler().setYAxisDecimalPattern("0.000");
        c.addSeries("mean |SHAP|", names, values);
        return c;
    }
}
