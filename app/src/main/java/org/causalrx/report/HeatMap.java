package org.causalrx.report;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import javax.imageio.ImageIO;

/**
 * A labelled matrix heat map (rows × columns with the value printed in each cell), drawn directly as PNG and
 * SVG: XChart's heat map does not label categorical axes well.
 */
final class HeatMap {
    private static final int CELL_H = 34;
    private static final int LEFT = 150;
    private static final int TOP = 150;

    private HeatMap() {
    }

    /**
     * @param lo value drawn blue, {@code hi} drawn red, the midpoint white
     */
    static Figures.Figure save(Path dir, String id, String caption, String title, List<String> names, double[][] m,
                               double lo, double hi, String format) throws IOException {
        int k = names.size();
        int cellW = Math.max(60, Math.min(110, 620 / Math.max(1, k)));
        int width = LEFT + k * cellW + 30;
        int height = TOP + k * CELL_H + 30;
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        StringBuilder svg = new StringBuilder();
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(width).append("\" height=\"")
                .append(height)
                .append("\" font-family=\"sans-serif\">\n<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n");
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 15));
        g.drawString(title, 10, 24);
        svg.append(text(10, 24, title, 15, "bold", "start", 0));
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        FontMetrics fm = g.getFontMetrics();
        for (int i = 0; i < k; i++) {
            String n = names.get(i);
            int y = TOP + i * CELL_H + CELL_H / 2 + 4;
            g.drawString(n, LEFT - 8 - fm.stringWidth(n), y);
            svg.append(text(LEFT - 8, y, n, 12, "normal", "end", 0));
            int x = LEFT + i * cellW + cellW / 2;
            Graphics2D r = (Graphics2D) g.create();
            r.translate(x + 4, TOP - 8);
            r.rotate(-Math.PI / 4);
            r.drawString(n, 0, 0);
            r.dispose();
            svg.append(text(x + 4, TOP - 8, n, 12, "normal", "start", -45));
        }
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
                double v = m[i][j];
                Color c = colour(v, lo, hi);
                int x = LEFT + j * cellW;
                int y = TOP + i * CELL_H;
                g.setColor(c);
                g.fillRect(x, y, cellW, CELL_H);
                g.setColor(new Color(0xdddddd));
                g.drawRect(x, y, cellW, CELL_H);
                String label = Double.isFinite(v) ? String.format(Locale.ROOT, format, v) : "";
                g.setColor(Color.BLACK);
                g.drawString(label, x + (cellW - fm.stringWidth(label)) / 2, y + CELL_H / 2 + 4);
                svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" "
                        + "fill=\"#%06x\" stroke=\"#dddddd\"/>\n", x, y, cellW, CELL_H, c.getRGB() & 0xffffff));
                svg.append(text(x + cellW / 2, y + CELL_H / 2 + 4, label, 12, "normal", "middle", 0));
            }
        }
        g.dispose();
        svg.append("</svg>\n");
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(img, "png", png);
        Files.write(dir.resolve(id + ".png"), png.toByteArray());
        Files.writeString(dir.resolve(id + ".svg"), svg, StandardCharsets.UTF_8);
        return new Figures.Figure(id, caption, png.toByteArray());
    }

    private static Color colour(double v, double lo, double hi) {
        if (!Double.isFinite(v)) {
            return Color.WHITE;
        }
        double mid = (lo + hi) / 2;
        double t = Math.max(-1, Math.min(1, (v - mid) / ((hi - lo) / 2)));
        Color end = t < 0 ? new Color(0x4393c3) : new Color(0xd6604d);
        double a = Math.abs(t);
        return new Color((int) Math.round(255 + a * (end.getRed() - 255)),
                (int) Math.round(255 + a * (end.getGreen() - 255)), (int) Math.round(255 + a * (end.getBlue() - 255)));
    }

    private static String text(int x, int y, String s, int size, String weight, String anchor, int rotate) {
        String esc = Markup.text(s).toString();
        String rot = rotate == 0 ? "" : " transform=\"rotate(" + rotate + " " + x + " " + y + ")\"";
        return "<text x=\"" + x + "\" y=\"" + y + "\" font-size=\"" + size + "\" font-weight=\"" + weight
                + "\" text-anchor=\"" + anchor + "\"" + rot + ">" + esc + "</text>\n";
    }
}
