package org.causalrx.report;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import javax.imageio.ImageIO;

/**
 * A drawing surface that paints each shape twice, into a PNG image and into an SVG document, so that figures
 * drawn directly (beeswarm, outcome tree) come out in both formats alike. One instance draws one figure.
 */
final class Canvas {
    private final int width;
    private final int height;
    private final BufferedImage img;
    private final Graphics2D g;
    private final StringBuilder svg = new StringBuilder();

    Canvas(int width, int height) {
        this.width = width;
        this.height = height;
        img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, width, height);
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(width).append("\" height=\"")
                .append(height).append("\" font-family=\"sans-serif\">\n<rect width=\"100%\" height=\"100%\" "
                        + "fill=\"white\"/>\n");
    }

    void rect(double x, double y, double w, double h, Color fill, Color stroke) {
        if (fill != null) {
            g.setColor(fill);
            g.fill(new java.awt.geom.Rectangle2D.Double(x, y, w, h));
        }
        if (stroke != null) {
            g.setColor(stroke);
            g.setStroke(new BasicStroke(1.2f));
            g.draw(new java.awt.geom.Rectangle2D.Double(x, y, w, h));
        }
        svg.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"%s\" "
                + "stroke=\"%s\"/>\n", x, y, w, h, hex(fill), hex(stroke)));
    }

    void dot(double cx, double cy, double r, Color fill) {
        g.setColor(fill);
        g.fill(new Ellipse2D.Double(cx - r, cy - r, 2 * r, 2 * r));
        svg.append(String.format(Locale.ROOT, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"%.1f\" fill=\"%s\"/>\n", cx, cy, r,
                hex(fill)));
    }

    void line(double x1, double y1, double x2, double y2, Color c, float width, boolean dashed) {
        g.setColor(c);
        g.setStroke(dashed ? new BasicStroke(width, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
                new float[] {5f, 4f}, 0f) : new BasicStroke(width));
        g.draw(new Line2D.Double(x1, y1, x2, y2));
        svg.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"%s\" "
                + "stroke-width=\"%.1f\"%s/>\n", x1, y1, x2, y2, hex(c), width,
                dashed ? " stroke-dasharray=\"5,4\"" : ""));
    }

    /** Text with its baseline at y; anchor "start", "middle" or "end". */
    void text(double x, double y, String s, int size, boolean bold, String anchor) {
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, bold ? Font.BOLD : Font.PLAIN, size));
        FontMetrics fm = g.getFontMetrics();
        int w = fm.stringWidth(s);
        double dx = anchor.equals("middle") ? -w / 2.0 : anchor.equals("end") ? -w : 0;
        g.drawString(s, (float) (x + dx), (float) y);
        String esc = Markup.text(s).toString();
        svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" font-size=\"%d\" font-weight=\"%s\" "
                + "text-anchor=\"%s\">%s</text>\n", x, y, size, bold ? "bold" : "normal", anchor, esc));
    }

    /** Width of {@code s} in pixels at the given size. */
    int textWidth(String s, int size, boolean bold) {
        return g.getFontMetrics(new Font(Font.SANS_SERIF, bold ? Font.BOLD : Font.PLAIN, size)).stringWidth(s);
    }

    int width() {
        return width;
    }

    int height() {
        return height;
    }

    /** Writes {@code id.png} and {@code id.svg} into dir and returns the figure. */
    Figures.Figure save(Path dir, String id, String caption) throws IOException {
        g.dispose();
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(img, "png", png);
        Files.write(dir.resolve(id + ".png"), png.toByteArray());
        Files.writeString(dir.resolve(id + ".svg"), svg + "</svg>\n", StandardCharsets.UTF_8);
        return new Figures.Figure(id, caption, png.toByteArray());
    }

    private static String hex(Color c) {
        return c == null ? "none" : String.format(Locale.ROOT, "#%06x", c.getRGB() & 0xffffff);
    }
}
