package org.causalrx.report;

import java.awt.BasicStroke;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeMap;

import org.causalrx.pipeline.DeferralResult;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** The deferral sweep figure: deferral rate on x, held-out DR value on y, one line per Lambda. Draws only. */
final class DeferralFigures {
    private DeferralFigures() {
    }

    static XYChart sweep(List<DeferralResult.SweepPoint> points, String policy, String yTitle) {
        XYChart c = new XYChart(Figures.WIDTH, Figures.HEIGHT);
        c.setTitle("Deferral sweep of " + policy + ": alpha_stat x Lambda");
        c.setXAxisTitle("Share of test patients deferred");
        c.setYAxisTitle(yTitle);
        Figures.styleAxes(c.getStyler());
        c.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
        c.getStyler().setXAxisMin(0.0);
        c.getStyler().setXAxisMax(1.0);
        c.getStyler().setXAxisDecimalPattern("0.0");
        c.getStyler().setYAxisDecimalPattern("0.000");
        TreeMap<Double, List<DeferralResult.SweepPoint>> byLambda = new TreeMap<>();
        for (DeferralResult.SweepPoint p : points) {
            byLambda.computeIfAbsent(p.lambda(), k -> new ArrayList<>()).add(p);
        }
        int i = 0;
        for (var e : byLambda.entrySet()) {
            List<DeferralResult.SweepPoint> ps = new ArrayList<>(e.getValue());
            ps.sort(Comparator.comparingDouble(DeferralResult.SweepPoint::deferralRate)
                    .thenComparingDouble(DeferralResult.SweepPoint::alphaStat));
            double[] x = ps.stream().mapToDouble(DeferralResult.SweepPoint::deferralRate).toArray();
            double[] y = ps.stream().mapToDouble(DeferralResult.SweepPoint::valueDr).toArray();
            XYSeries s = c.addSeries("Lambda " + new java.text.DecimalFormat("0.###",
                    java.text.DecimalFormatSymbols.getInstance(java.util.Locale.ROOT)).format(e.getKey()), x, y);
            s.setLineColor(Figures.color(i));
            s.setMarkerColor(Figures.color(i++));
            s.setMarker(SeriesMarkers.CIRCLE);
            s.setLineStyle(new BasicStroke(2f));
        }
        return c;
    }
}
