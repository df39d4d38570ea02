package org.causalrx.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.causalrx.causal.diagnostics.Refutation;
import org.causalrx.causal.diagnostics.RefutationCheck;
import org.causalrx.causal.diagnostics.RefutationSubsample;
import org.junit.jupiter.api.Test;

/** A failed refutation adds a sentence naming it to the verdict; passed ones leave the verdict as it was. */
class RefutationVerdictTest {
    private static AteRefutations refutations(boolean subsetPasses) {
        List<Refutation> checks = List.of(
                new Refutation(RefutationCheck.PLACEBO_TREATMENT, 0, 0.1, -0.1, 0.1, 2, 0.1, List.of(0.0), "r", true),
                new Refutation(RefutationCheck.DATA_SUBSET, 1.5, 0.1, 1.4, 1.6, 2, 0.1, List.of(1.5), "r",
                        subsetPasses));
        return new AteRefutations("aipw", checks, subsetPasses);
    }

    @Test
    void aFailedCheckIsNamedInTheVerdictText() {
        RunResult.Verdict v = new RunResult.Verdict(null, Double.NaN, false, null, Double.NaN, null, "Base.",
                List.of("w"));
        RunResult.Verdict failed = PolicyVerdict.withRefutations(v, refutations(false));
        assertTrue(failed.text().startsWith("Base. The ATE failed its refutation (data subset)"), failed.text());
        assertEquals(v.warnings(), failed.warnings());
        assertSame(v, PolicyVerdict.withRefutations(v, refutations(true)));
        assertSame(v, PolicyVerdict.withRefutations(v, null));
        assertNull(PolicyVerdict.withRefutations(null, refutations(false)));
        AteRefutations f = refutations(false);
        RunResult.Verdict sub = PolicyVerdict.withRefutations(v, new AteRefutations(f.estimator(), f.checks(), false,
                new RefutationSubsample(20_000, 100_000, 20_000, 100_000)));
        assertTrue(sub.text().startsWith("Base. The ATE failed its refutation (data subset, on a seeded subsample of "
                + "20,000 of 100,000 patients)"), sub.text());
    }
}
