package org.causalrx.report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

/**
 * The report pages' shared parts: style sheet, figures, key/value lists and tables, all built from {@link Markup}
 * (cells and values given as {@code String} are escaped). Self-contained HTML: nothing is loaded from outside.
 */
final class Html {

    /** The report's inline style sheet: no external fonts or resources. */
    static final Markup CSS = Markup.trusted("""
            :root { --fg:#1d2430; --muted:#5b6573; --line:#d9dee5; --accent:#1f5fa8; --bg:#ffffff;
                    --soft:#f4f6f9; --warn:#fff4d6; --warnline:#e0b100; --good:#e6f4ea; }
            * { box-sizing: border-box; }
            body { margin:0; background:var(--bg); color:var(--fg);
                   font: 15px/1.5 -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "DejaVu Sans",
                   sans-serif; }
            main { max-width: 1100px; margin: 0 auto; padding: 24px 32px 64px; }
            h1 { font-size: 26px; margin: 8px 0 2px; }
            h2 { font-size: 21px; margin: 40px 0 10px; padding-bottom: 4px; border-bottom: 2px solid var(--line); }
            h3 { font-size: 16px; margin: 22px 0 8px; }
            p, ul { margin: 8px 0; max-width: 90ch; }
            .sub { color: var(--muted); margin-top: 0; }
            a { color: var(--accent); text-decoration: none; }
            a:hover { text-decoration: underline; }
            code, .mono { font-family: "DejaVu Sans Mono", Menlo, Consolas, monospace; font-size: 13px; }
            .summary { background: var(--soft); border: 1px solid var(--line); border-radius: 8px;
                       padding: 14px 20px; margin: 16px 0 8px; }
            .summary h2 { border: 0; margin: 0 0 6px; padding: 0; }
            .summary p.headline { font-size: 16.5px; max-width: none; }
            dl.kv { display: grid; grid-template-columns: max-content 1fr; gap: 4px 18px; margin: 8px 0; }
            dl.kv dt { color: var(--muted); }
            dl.kv dd { margin: 0; }
            nav.toc { border: 1px solid var(--line); border-radius: 8px; padding: 8px 20px; margin: 16px 0;
                      display: inline-block; min-width: 340px; }
            nav.toc h2 { font-size: 16px; border: 0; margin: 6px 0; padding: 0; }
            nav.toc ol { margin: 0 0 6px; padding-left: 0; list-style: none; }
            nav.toc li { margin: 2px 0; }
            table { border-collapse: collapse; margin: 10px 0 14px; font-size: 13.5px; }
            th, td { padding: 5px 10px; border-bottom: 1px solid var(--line); text-align: left;
                     vertical-align: top; }
            th { background: var(--soft); font-weight: 600; white-space: nowrap; }
            td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
            tr.warn td { background: var(--warn); }
            tr.best td { background: var(--good); font-weight: 600; }
            tr.ref td { font-style: italic; }
            .badge { display: inline-block; padding: 0 7px; border-radius: 9px; font-size: 12px;
                     background: var(--soft); border: 1px solid var(--line); white-space: nowrap; }
            .badge.warn { background: var(--warn); border-color: var(--warnline); }
            .badge.good { background: var(--good); border-color: #7cbf8e; }
            .note { border-left: 4px solid var(--warnline); background: var(--warn); padding: 8px 12px;
                    margin: 10px 0; max-width: 90ch; }
            .info { border-left: 4px solid var(--accent); background: var(--soft); padding: 8px 12px;
                    margin: 10px 0; max-width: 90ch; }
            figure { margin: 16px 0 22px; }
            figure img { max-width: 100%; height: auto; border: 1px solid var(--line); border-radius: 4px; }
            figcaption { color: var(--muted); font-size: 13.5px; max-width: 800px; margin-top: 4px; }
            .scroll { overflow-x: auto; }
            footer { color: var(--muted); font-size: 12.5px; margin-top: 48px; }
            @media (max-width: 800px) { main { padding: 12px 14px 40px; } nav.toc { min-width: 0; } }
            @media print {
              body { font-size: 11pt; }
              main { max-width: none; padding: 0; }
              h2 { break-after: avoid; page-break-after: avoid; }
              figure, table, .summary, .note, .info { break-inside: avoid; page-break-inside: avoid; }
              .scroll { overflow: visible; }
              a { color: inherit; }
              figure img { max-height: 9.5in; }
            }
            """);

    private Html() {
    }

    /** A {@code <figure>} with the PNG inlined as a base64 data URI and a numbered caption. */
    static Markup figure(int number, Figures.Figure f) {
        return new HtmlWriter().markup("<figure id=\"fig-").text(f.id()).markup("\"><img alt=\"").text(f.caption())
                .markup("\" width=\"").text(Figures.WIDTH).markup("\" height=\"").text(Figures.HEIGHT)
                .markup("\" src=\"data:image/png;base64,").text(Base64.getEncoder().encodeToString(f.png()))
                .markup("\"><figcaption><b>Figure ").text(number).markup(".</b> ").text(f.caption())
                .markup("</figcaption></figure>\n").toMarkup();
    }

    /** A key/value list: each pair is a key (text) and a value (a {@link Markup}, or text). */
    static Markup kv(List<Object[]> pairs) {
        HtmlWriter w = new HtmlWriter().markup("<dl class=\"kv\">\n");
        for (Object[] p : pairs) {
            w.markup("<dt>").add(Markup.of(p[0])).markup("</dt><dd>").add(Markup.of(p[1])).markup("</dd>\n");
        }
        return w.markup("</dl>\n").toMarkup();
    }

    /** One key/value pair for {@link #kv}. */
    static Object[] pair(String key, Object value) {
        return new Object[] {key, value};
    }

    /** A square table with the names as row and column headers and the given (already formatted) cells. */
    static Markup matrix(String corner, List<String> names, String[][] cells) {
        List<String> headers = new ArrayList<>();
        headers.add(corner);
        headers.addAll(names);
        boolean[] numeric = new boolean[names.size() + 1];
        Arrays.fill(numeric, 1, numeric.length, true);
        Table t = new Table(headers, numeric);
        for (int i = 0; i < names.size(); i++) {
            Object[] row = new Object[names.size() + 1];
            row[0] = Markup.code(names.get(i));
            System.arraycopy(cells[i], 0, row, 1, names.size());
            t.row(null, row);
        }
        return t.html();
    }

    /** A table; cells are {@link Markup} or text (escaped); columns flagged numeric are right-aligned. */
    static final class Table {
        private static final Markup TD = Markup.trusted("<td>");
        private static final Markup TD_NUM = Markup.trusted("<td class=\"num\">");
        private static final Markup TH = Markup.trusted("<th>");
        private static final Markup TH_NUM = Markup.trusted("<th class=\"num\">");
        private final List<String> headers;
        private final boolean[] numeric;
        private final HtmlWriter rows = new HtmlWriter();

        Table(List<String> headers, boolean... numeric) {
            this.headers = headers;
            this.numeric = numeric;
        }

        Table row(String cssClass, Object... cells) {
            if (cssClass == null || cssClass.isEmpty()) {
                rows.markup("<tr>");
            } else {
                rows.markup("<tr class=\"").text(cssClass).markup("\">");
            }
            for (int i = 0; i < cells.length; i++) {
                rows.add(isNum(i) ? TD_NUM : TD).add(Markup.of(cells[i])).markup("</td>");
            }
            rows.markup("</tr>\n");
            return this;
        }

        Markup html() {
            HtmlWriter w = new HtmlWriter().markup("<div class=\"scroll\"><table>\n<thead><tr>");
            for (int i = 0; i < headers.size(); i++) {
                w.add(isNum(i) ? TH_NUM : TH).text(headers.get(i)).markup("</th>");
            }
            return w.markup("</tr></thead>\n<tbody>\n").add(rows.toMarkup())
                    .markup("</tbody></table></div>\n").toMarkup();
        }

        private boolean isNum(int i) {
            return i < numeric.length && numeric[i];
        }
    }
}
