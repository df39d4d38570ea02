package org.causalrx.verdict;

import java.util.List;
import java.util.Locale;

import org.causalrx.causal.diagnostics.Refutation;
import org.causalrx.pipeline.AteRefutations;
import org.causalrx.result.ExitStatus;

/**
 * The feasibility verdict's line on the ATE's refutations: a warning naming each failed check, "not run" when the
 * study skipped them.
 */
final class RefutationExit {
    static final String STEP = "7 ATE refutation";

    private RefutationExit() {
    }

    /** Null when the run has no refutations (a K-arm run). */
    static ExitPoints.ExitPoint of(AteRefutations r) {
        if (r == null) {
            return null;
        }
        if (r.skipped() != null) {
            return new ExitPoints.ExitPoint(STEP, ExitStatus.NOT_RUN, "The ATE was not refuted: " + r.skipped()
                    + ".", "");
        }
        List<String> failed = r.checks().stream().filter(c -> !c.passed()).map(RefutationExit::line).toList();
        String on = r.subsample() == null ? "" : " (on " + r.subsample().describe() + ", against the estimate on "
                + "it)";
        if (failed.isEmpty()) {
            return new ExitPoints.ExitPoint(STEP, ExitStatus.OK, "The ATE passed its placebo-treatment, "
                    + "random-common-cause and data-subset refutations" + on + ".", "");
        }
        return new ExitPoints.ExitPoint(STEP, ExitStatus.WARNING, "Failed" + on + ": " + String.join("; ", failed)
                + ".",
                "The estimate reacts to changes that should not move it: check for leakage of the treatment or "
                        + "outcome into the covariates and for too flexible or unstable outcome models before "
                        + "trusting the effects.");
    }

    private static String line(Refutation c) {
        return String.format(Locale.ROOT, "%s re-estimate %.4g against the ATE %.4g (SE %.4g)",
                c.check().key().replace('_', ' '), c.estimate(), c.original(), c.originalSe());
    }
}
