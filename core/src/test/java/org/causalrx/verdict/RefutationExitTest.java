package org.causalrx.verdict;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.causalrx.causal.diagnostics.Refutation;
import org.causalrx.causal.diagnostics.RefutationCheck;
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
    }
}
