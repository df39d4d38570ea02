package org.causalrx.report;

import org.causalrx.pipeline.RunResult;

/** The data warnings of a run (what the data check accepted but a person should look at), one line each. */
final class DataWarningSection {
    private DataWarningSection() {
    }

    /** Appends one paragraph per warning in {@code r.dataWarnings()}; nothing when there are none. */
    static void render(StringBuilder b, RunResult r) {
        if (r.dataWarnings() == null) {
            return;
        }
        for (String w : r.dataWarnings()) {
            b.append("<p class=\"data-warning\">").append(Html.badge("warn", "warning")).append(' ')
                    .append(Html.text(w)).append("</p>\n");
        }
    }
}
