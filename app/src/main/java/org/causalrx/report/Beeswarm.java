package org.causalrx.report;

import java.awt.Color;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

import org.causalrx.pipeline.AnalysisFigures.ShapDetail;

/**
 * SHAP summary plot in the beeswarm style: one row per feature (most important on top), one dot per test
 * patient at its SHAP value, coloured by the feature's value from low (blue) to high (red) within that feature
 * (5th-95th percentile range). Dots that would overlap are stacked up and down within the row, deterministically.
 */
final class Beeswarm {
    private static final int LEFT = 190;
    private static final int RIGHT = 90;
    private static final int TOP = 50;
    private static final int ROW = 30;
    private static final int BOTTOM = 60;
    private static final int WIDTH = 900;
    private static final Color LOW = new Color(0x1e88e5);
    private static final Color HIGH = new Color(0xff0d57);

    private Beeswarm() {
    }

    static Figures.Figure save(ShapDetail d, Path dir, String id, String caption) throws IOException {
        int k = d.features().size();
        int height = TOP + k * ROW + BOTTOM;
        Canvas c = new Canvas(WIDTH, height);
        c.text(10, 24, "SHAP values per patient: " + d.model(), 15, true, "start");
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double[] row : d.shap()) {
            for (double v : row) {
                lo = Math.min(lo, v);
                hi = Math.max(hi, v);
            }
        }
        if (!(hi > lo)) {
            lo -= 1;
            hi += 1;
        }
        double pad = (hi - lo) * 0.04;
        lo -= pad;
        hi += pad;
        double plotW = WIDTH - LEFT - RIGHT;
        double x0 = lo;
        double span = hi - lo;
        java.util.function.DoubleUnaryOperator px = v -> LEFT + (v - x0) / span * plotW;
        double yAxis = TOP + k * ROW + 6;
        c.line(LEFT, yAxis, LEFT + plotW, yAxis, Color.DARK_GRAY, 1f, false);
        for (double t : ticks(lo, hi)) {
            double x = px.applyAsDouble(t);
            c.line(x, yAxis, x, yAxis + 5, Color.DARK_GRAY, 1f, false);
            c.text(x, yAxis + 19, fmt(t), 11, false, "middle");
        }
        if (lo < 0 && hi > 0) {
            c.line(px.applyAsDouble(0), TOP, px.applyAsDouble(0), yAxis, new Color(0x999999), 1f, true);
        }
        c.text(LEFT + plotW / 2, yAxis + 42, "SHAP value (" + d.scale() + ")", 12, false, "middle");
        for (int r = 0; r < k; r++) {
            double yc = TOP + r * ROW + ROW / 2.0;
            c.line(LEFT, yc, LEFT + plotW, yc, new Color(0xeeeeee), 1f, false);
            c.text(LEFT - 8, yc + 4, d.features().get(r), 12, false, "end");
            double[] s = d.shap()[r];
            double[] v = d.values()[r];
            double[] sorted = Arrays.stream(v).filter(Double::isFinite).sorted().toArray();
            double vLo = sorted.length == 0 ? 0 : sorted[(int) Math.floor(0.05 * (sorted.length - 1))];
            double vHi = sorted.length == 0 ? 1 : sorted[(int) Math.ceil(0.95 * (sorted.length - 1))];
            if (vHi <= vLo) {
                vLo = sorted.length == 0 ? 0 : sorted[0];
                vHi = sorted.length == 0 ? 1 : sorted[sorted.length - 1];
            }
            int[] binCount = new int[(int) plotW / 3 + 2];
            for (int i = 0; i < s.length; i++) {
                double x = px.applyAsDouble(s[i]);
                int bin = Math.max(0, Math.min(binCount.length - 1, (int) ((x - LEFT) / 3)));
                int m = binCount[bin]++;
                int slots = (ROW / 2 - 3) / 2;
                int level = (m + 1) / 2 % (slots + 1);
                double dy = (m % 2 == 0 ? 1 : -1) * level * 2.2;
                double t = vHi > vLo ? (v[i] - vLo) / (vHi - vLo) : 0.5;
                c.dot(x, yc + dy, 2.4, mix(Math.max(0, Math.min(1, t))));
            }
        }
        // colour bar
        double bx = WIDTH - RIGHT + 30;
        double by = TOP + 10;
        double bh = Math.max(60, k * ROW - 20);
        for (int i = 0; i < 50; i++) {
            c.rect(bx, by + bh * (49 - i) / 50.0, 12, bh / 50.0 + 0.5, mix(i / 49.0), null);
        }
        c.text(bx + 6, by - 4, "high", 11, false, "middle");
        c.text(bx + 6, by + bh + 14, "low", 11, false, "middle");
        c.text(bx + 6, by + bh + 28, "feature", 10, false, "middle");
        return c.save(dir, id, caption);
    }

    private static Color mix(double t) {
        return new Color((int) Math.round(LOW.getRed() + t * (HIGH.getRed() - LOW.getRed())),
                (int) Math.round(LOW.getGreen() + t * (HIGH.getGreen() - LOW.getGreen())),
                (int) Math.round(LOW.getBlue() + t * (HIGH.getBlue() - LOW.getBlue())));
    }

    /** About five round tick values between lo and hi. */
    static double[] ticks(double lo, double hi) {
        double raw = (hi - lo) / 5;
        double mag = Math.pow(10, Math.floor(Math.log10(raw)));
        double step = raw / mag < 1.5 ? mag : raw / mag < 3.5 ? 2 * mag : raw / mag < 7.5 ? 5 * mag : 10 * mag;
        double first = Math.ceil(lo / step) * step;
        int n = (int) Math.floor((hi - first) / step) + 1;
        double[] out = new double[Math.max(0, n)];
        for (int i = 0; i < out.length; i++) {
            out[i] = first + i * step;
            if (Math.abs(out[i]) < step * 1e-9) {
                out[i] = 0;
            }
        }
        return out;
    }

    private static String fmt(double v) {
        return new java.math.BigDecimal(String.format(Locale.ROOT, "%.3g", v)).stripTrailingZeros().toPlainString();
    }
}
