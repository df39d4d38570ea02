package org.causalrx.report;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.causalrx.pipeline.MultiArmResult;
import org.causalrx.pipeline.RunResult;

/**
 * The K-arm report's secondary outcomes: per outcome the two-arm report's value table (every policy's DR and IPW
 * value on that outcome, "Treated" = given any non-reference arm) and its {@code secondary_<column>_policies.csv}.
 * Formats only.
 */
final class MultiArmSecondarySection {
    private MultiArmSecondarySection() {
    }

    /** Writes one CSV per secondary outcome (none without them). */
    static void tables(MultiArmResult r, Path dir) throws IOException {
        AnalysisReport.secondaryTables(r.secondaryOutcomes(), dir);
    }

    /** A subsection per secondary outcome, after the policies' values; nothing without them. */
    static void render(HtmlWriter b, MultiArmResult r) {
        List<RunResult.SecondaryOutcome> sec = r.secondaryOutcomes();
        if (sec.isEmpty()) {
            return;
        }
        b.markup("<p>Secondary outcomes: every policy above, its decisions unchanged, valued on each outcome below "
                + "with the same evaluation propensities; \u201cTreated\u201d is the share given any arm other than "
                + "the reference.</p>\n");
        for (int i = 0; i < sec.size(); i++) {
            AnalysisReport.secondaryTable(b, i, sec.get(i));
        }
    }
}
