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
    public void render(StringBuilder b, HtmlReport report) {
        RunResult.Provenance v = r.provenance();
        b.append("<section>").append(report.heading(this));
        if (v != null) {
            b.append(Html.kv(List.of(
                    new String[] {"Data SHA-256", "<code>" + Html.text(v.dataSha256()) + "</code>"},
                    new String[] {"Study SHA-256", "<code>" + Html.text(v.studySha256()) + "</code>"},
                    new String[] {"Seed", Long.toString(v.seed())},
                    new String[] {"Bootstrap rounds", Fmt.integer(v.bootstrapRounds())},
                    new String[] {"CausalRx", Html.text(v.causalrxVersion())},
                    new String[] {"Java", Html.text(v.javaVersion())},
                    new String[] {"XGBoost", Html.text(v.xgboostVersion())})));
        }
        b.append("<p>Tables (CSV, full precision) are in <code>tables/</code>: ");
        for (int i = 0; i < tableFiles.size(); i++) {
            b.append(i > 0 ? ", " : "").append("<code>").append(Html.esc(tableFiles.get(i))).append("</code>");
        }
        b.append(". Figures are in <code>figures/</code> as PNG and SVG.</p>\n</section>\n");

    }
}
