package org.causalrx.report;

import java.awt.Color;
import java.util.List;

import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategorySeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** The Love plot of covariate balance: |SMD| per feature before and after weighting, with the threshold line. */
final class BalanceFigures {
    private static final String[] NAMES = {"before weighting (train)", "after weighting (train)",
        "after weighting (test)"};
    private static final Color[] COLORS = {new Color(0xd62728), new Color(0x1f77b4), new Color(0x2ca02c)};

    private BalanceFigures() {
    }

    /**
     * @param features  category labels, one per feature
     * @param series    four lists as long as {@code features}: |SMD| before (train), after (train), after (test),
     *                  and the threshold repeated
     * @param threshold the |SMD| bound drawn as a dashed line
     */
    static CategoryChart lovePlot(List<String> features, List<List<Double>> series, double threshold) {
        CategoryChart c = new CategoryChart(Figures.WIDTH, Figures.HEIGHT);
        c.setTitle("Covariate balance (Love plot)");
        c.setYAxisTitle("|standardised mean difference|");
        Figures.styleAxes(c.getStyler());
        c.getStyler().setLegendPosition(Styler.LegendPosition.InsideNE);
        c.getStyler().setLegendBackgroundColor(new Color(255, 255, 255, 210));
        c.getStyler().setXAxisLabelRotation(features.size() > 6 ? 60 : 0);
        c.getStyler().setYAxisDecimalPattern("0.00");
        c.getStyler().setYAxisMin(0.0);
        for (int k = 0; k < NAMES.length; k++) {
            CategorySeries s = c.addSeries(NAMES[k], features, series.get(k));
            s.setChartCategorySeriesRenderStyle(CategorySeries.CategorySeriesRenderStyle.Scatter);
            s.setMarker(k == 0 ? SeriesMarkers.CIRCLE : k == 1 ? SeriesMarkers.DIAMOND : SeriesMarkers.TRIANGLE_UP);
            s.setMarkerColor(COLORS[k]);
        }
        CategorySeries line = c.addSeries("|SMD| = " + Fmt.num(threshold), features, series.get(3));
        line.setChartCategorySeriesRenderStyle(CategorySeries.CategorySeriesRenderStyle.Line);
        line.setMarker(SeriesMarkers.NONE);
        line.setLineColor(Color.GRAY);
        line.setLineStyle(Figures.DASHED);
        return c;
    }
}
