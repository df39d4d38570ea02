package org.causalrx.report;

/**
 * One numbered section of {@code report.html}: its anchor, its title (numbered by the paper's steps) and how it
 * draws the run's result. A section formats what core decided and computes nothing statistical.
 */
interface ReportSection {
    /** The HTML anchor id ("propensity"). */
    String id();

    /** The title shown in the heading and the table of contents ("3 Propensity models"). */
    String title();

    /**
     * Writes the whole {@code <section>}, heading included, through {@code h} (which escapes all text); figures
     * are numbered through {@code report}.
     */
    void render(HtmlWriter h, HtmlReport report);
}
