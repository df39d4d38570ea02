package org.causalrx.report;

import org.causalrx.pipeline.RunResult;

/**
 * The data warnings of a run (what the data check accepted but a person should look at), one line each: a
 * paragraph per warning in the report's covariates section and {@code tables/data_warnings.csv} (one column,
 * {@code warning}; written only when there are warnings).
 */
final class DataWarningSection {
    private DataWarningSection() {
    }

    /** Writes {@code data_warnings.csv} into {@code tablesDir} when the run has warnings; returns the names written. */
    static java.util.List<String> tables(RunResult r, java.nio.file.Path tablesDir) throws java.io.IOException {
        if (r.dataWarnings() == null || r.dataWarnings().isEmpty()) {
            return java.util.List.of();
        }
        java.util.List<java.util.List<String>> rows = new java.util.ArrayList<>();
        rows.add(java.util.List.of("warning"));
        r.dataWarnings().forEach(w -> rows.add(java.util.List.of(w)));
        return java.util.List.of(CsvTables.writeTable(tablesDir, "data_warnings.csv", rows));
    }

    /** Appends one paragraph per warning in {@code r.dataWarnings()}; nothing when there are none. */
    static void render(HtmlWriter b, RunResult r) {
        if (r.dataWarnings() == null) {
            return;
        }
        for (String w : r.dataWarnings()) {
            b.markup("<p class=\"data-warning\">").add(Markup.badge("warn", "warning")).markup(" ")
                    .textOrDash(w).markup("</p>\n");
        }
    }
}
