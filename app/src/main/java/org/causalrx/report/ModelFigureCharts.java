package org.causalrx.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.util.List;
import java.util.Locale;

import org.causalrx.pipeline.ModelFigures;
import org.knowm.xchart.BoxChart;
import org.knowm.xchart.XYChart;
import org.knowm.xchart.XYSeries;
import org.knowm.xchart.style.Styler;
import org.knowm.xchart.style.markers.SeriesMarkers;

/** Charts of the outcome models: ROC curves per arm and error distributions per arm (Fig. S.5). Draws only. */
final class ModelFigureCharts {
    /** Most points a drawn curve keeps (a ROC curve has one per distinct score; the CSV keeps them all). */
    static final int MAX_CURVE_POINTS = 1_000;

    private ModelFigureCharts() {
    }

    /** One ROC curve per model and arm (solid: treated, dashed: control), with the chance diagonal. */
    static XYChart roc(List<ModelFigures.RocCurve> curves, String treatedLabel) {
        XYChart c = new XYChart(Figures.WIDTH, Figures.HEIGHT);
        c.setTitle("ROC of the outcome models per arm (test split)");
        c.setXAxisTitle("False-positive rate");
        c.setYAxisTitle("True-positive rate");
        Figures.styleAxes(c.getStyler());
        c.getStyler().setLegendPosition(Styler.LegendPosition.OutsideE);
        c.getStyler().setXAxisMin(0.0);
        c.getStyler().setXAxisMax(1.0);
        c.getStyler().setYAxisMin(0.0);
        c.getStyler().setYAxisMax(1.0);
        XYSeries diag = c.addSeries("chance", new double[] {0, 1}, new double[] {0, 1});
        diag.setLineColor(Color.GRAY);
        diag.setLineStyle(Figures.DASHED);
        diag.setMarker(SeriesMarkers.NONE);
        List<String> models = curves.stream().map(ModelFigures.RocCurve::model).distinct().toList();
        for (ModelFigures.RocCurve rc : curves) {
            double[][] pts = thinned(rc.fpr(), rc.tpr(), MAX_CURVE_POINTS);
            XYSeries s = c.addSeries(String.format(Locale.ROOT, "%s, %s (AUC %.2f)", rc.model(), rc.arm(), rc.auc()),
                    pts[0], pts[1]);
            s.setLineColor(Figures.color(models.indexOf(rc.model())));
            s.setMarker(SeriesMarkers.NONE);
            s.setLineStyle(rc.arm().equals(treatedLabel) ? new BasicStroke(2f)
                    : new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {6f, 4f}, 0f));
        }
        return c;
    }

    /** Box plots of observed − predicted outcome, one box per model and arm. */
    static BoxChart errors(List<ModelFigures.Residuals> residuals) {
        BoxChart c = new BoxChart(Figures.WIDTH, Figures.HEIGHT, Styler.ChartTheme.XChart);
        String split = residuals.isEmpty() ? "" : residuals.get(0).split();
        c.setTitle("Outcome model errors per arm (" + split + " split)");
        c.setYAxisTitle("Observed \u2212 predicted outcome");
        Figures.styleAxes(c.getStyler());
        c.getStyler().setLegendVisible(false);
        c.getStyler().setXAxisLabelRotation(residuals.size() > 4 ? 30 : 0);
        for (ModelFigures.Residuals r : residuals) {
            if (r.values().length > 0) {
                c.addSeries(r.model() + " \u00b7 " + r.arm(), r.values());
            }
        }
        return c;
    }

    /**
     * The curve's points at {@code max} evenly spaced indices, first and last kept ({x, y} as given when there are
     * no more than {@code max}): a line through a thousand points of a monotone curve is indistinguishable from one
     * through all of them at figure size, and a figure of a million-patient test split stays small.
     */
    static double[][] thinned(double[] x, double[] y, int max) {
        int n = x.length;
        if (n <= max) {
            return new double[][] {x, y};
        }
        double[] tx = new double[max];
        double[] ty = new double[max];
        for (int k = 0; k < max; k++) {
            int i = (int) ((long) k * (n - 1) / (max - 1));
            tx[k] = x[i];
            ty[k] = y[i];
        }
        return new double[][] {tx, ty};
    }
}
