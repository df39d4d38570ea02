package org.causalrx.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The builder names missing parts, fills the optional ones as absent, and its lists cannot change afterwards. */
class RunResultBuilderTest {

    static RunResultBuilder minimal(List<RunResult.PolicyResult> policies) {
        return RunResult.builder().study("s")
                .protocol(null)
                .n(new RunResult.SampleSizes(6, 2, 2))
                .overlap(new RunResult.OverlapInfo(0.1, 0.9, "given", 2, 2, 6, 6))
                .ate(new RunResult.AteResult(1, 0.5, 0, 2, "AIPW", 2, 10))
                .policies(policies)
                .provenance(new RunResult.Provenance("a", "b", 1, 10, "v", "17", "x"));
    }

    @Test
    void missingRequiredPartsAreNamed() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> minimal(List.of()).build());
        assertTrue(e.getMessage().contains("protocol") && !e.getMessage().contains("study"), e.getMessage());
        IllegalStateException all = assertThrows(IllegalStateException.class, () -> RunResult.builder().build());
        assertTrue(all.getMessage().contains("study, protocol, n, overlap, ate, policies, provenance"),
                all.getMessage());
    }

    @Test
    void optionalPartsAreAbsentAndListsAreFrozen() {
        RunResult.ProtocolInfo p = new RunResult.ProtocolInfo("s", "q", "t", "pop", "u", "d.csv", "t", "a", "b", "0",
                "1", "y", org.causalrx.study.Study.OutcomeType.CONTINUOUS, org.causalrx.study.Study.Direction.LOWER, 1,
                10, 0, "");
        List<RunResult.PolicyResult> policies = new ArrayList<>();
        RunResult r = minimal(policies).protocol(p).build();
        policies.add(null);
        assertEquals(List.of(), r.policies(), "copied");
        assertThrows(UnsupportedOperationException.class, () -> r.features().add("x"));
        assertEquals(List.of(), r.secondaryOutcomes());
        assertNull(r.deferral());
        assertNull(r.crossFittedPolicyValues());
        assertEquals(PolicyValueScheme.TEST_SPLIT, r.policyValueScheme());
        assertEquals(RunResult.SCHEMA_VERSION, r.schemaVersion());
        assertEquals(0, p.decisionRule().defaultArm(), "the plain sign rule keeps control by default");
        assertEquals(r, r.toBuilder().build());
        assertThrows(IllegalStateException.class, () -> r.toBuilder().deferralSweep(List.of()).build(),
                "a sweep needs its deferral");
        RunResult withDeferral = r.toBuilder().deferral(new DeferralResult(0.1, 1.5, 3, Map.of(), "b", "j", "t",
                List.of(), new DeferralResult.Calibration(Map.of(), "none"))).deferralSweep(List.of()).build();
        assertEquals(List.of(), withDeferral.deferralSweep());
    }
}
