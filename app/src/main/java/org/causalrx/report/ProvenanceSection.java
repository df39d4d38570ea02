package org.causalrx.report;

import java.util.List;

import org.causalrx.pipeline.RunResult;

/** The report's provenance section: hashes, seed, versions, and the CSV tables written. Formats only. */
final class ProvenanceSection implements ReportSection {
    private final RunResult r;
    private final List<String> tableFiles;

    ProvenanceSection(RunResult r, List<String> tableFiles) {
        this.r = r;
        this.tableFiles = tableFiles;
    }

    @Override
    public String id() {
        return "provenance";
    }

    @Override
    public String title() {
        return "Provenance";
    }

    @Override
    public void render(HtmlWriter b, HtmlReport report) {
        RunResult.Provenance v = r.provenance();
        b.markup("<section>").add(report.heading(this));
        if (v != null) {
            b.add(Html.kv(List.of(
                    Html.pair("Data SHA-256", Markup.fill("<code>{}</code>", Markup.textOrDash(v.dataSha256()))),
                    Html.pair("Study SHA-256", Markup.fill("<code>{}</code>", Markup.textOrDash(v.studySha256()))),
                    Html.pair("Seed", Long.toString(v.seed())),
                    Html.pair("Bootstrap rounds", Fmt.integer(v.bootstrapRounds())),
                    Html.pair("CausalRx", Markup.textOrDash(v.causalrxVersion())),
                    Html.pair("Java", Markup.textOrDash(v.javaVersion())),
                    Html.pair("XGBoost", Markup.textOrDash(v.xgboostVersion())))));
        }
        b.markup("<p>Tables (CSV, full precision) are in <code>tables/</code>: ");
        for (int i = 0; i < tableFiles.size(); i++) {
            b.text(i > 0 ? ", " : "").markup("<code>").text(tableFiles.get(i)).markup("</code>");
        }
        b.markup(". Figures are in <code>figures/</code> as PNG and SVG.</p>\n</section>\n");

    }
}
