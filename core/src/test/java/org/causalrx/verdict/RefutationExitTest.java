package org.causalrx.verdict;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.causalrx.causal.diagnostics.Refutation;
import org.causalrx.causal.diagnostics.RefutationCheck;
import org.causalrx.causal.diagnostics.RefutationSubsample;
import org.causalrx.pipeline.AteRefutations;
import org.causalrx.result.ExitStatus;
import org.junit.jupiter.api.Test;

/** The refutation exit point warns exactly when a check failed and names the failed ones. */
class RefutationExitTest {
    static Refutation check(RefutationCheck c, double estimate, boolean passed) {
        return new Refutation(c, estimate, 0.1, estimate - 0.1, estimate + 0.1, 2.0, 0.1, List.of(estimate), "rule",
                passed);
    }

    @Test
    void warnsNamingFailedChecksOnly() {
        AteRefutations failed = new AteRefutations("aipw", List.of(check(RefutationCheck.PLACEBO_TREATMENT, 1.9,
                false), check(RefutationCheck.RANDOM_COMMON_CAUSE, 2.0, true),
                check(RefutationCheck.DATA_SUBSET, 2.0, true)), false);
        ExitPoints.ExitPoint p = RefutationExit.of(failed);
        assertEquals(ExitStatus.WARNING, p.status());
        assertTrue(p.finding().contains("placebo treatment re-estimate 1.9"), p.finding());
        assertFalse(p.finding().contains("common cause"), p.finding());
        assertEquals(List.of(RefutationCheck.PLACEBO_TREATMENT), failed.failed());

        AteRefutations passed = new AteRefutations("aipw", List.of(check(RefutationCheck.PLACEBO_TREATMENT, 0,
                true)), true);
        assertEquals(ExitStatus.OK, RefutationExit.of(passed).status());
        assertNull(RefutationExit.of(null));
        assertFalse(RefutationExit.of(passed).finding().contains("subsample"), "all rows: as before");

        RefutationSubsample sub = new RefutationSubsample(20_000, 100_000, 20_000, 100_000);
        AteRefutations onSubsample = new AteRefutations("aipw", failed.checks(), false, sub);
        assertTrue(RefutationExit.of(onSubsample).finding().startsWith("Failed (on a seeded subsample of 20,000 of "
                + "100,000 patients, against the estimate on it): placebo"), RefutationExit.of(onSubsample).finding());
        assertTrue(RefutationExit.of(new AteRefutations("aipw", passed.checks(), true, sub)).finding()
                .contains("refutations (on a seeded subsample of 20,000 of 100,000 patients"));
    }
}
