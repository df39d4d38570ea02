package org.causalrx.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.List;

import org.causalrx.result.PolicyId;
import org.junit.jupiter.api.Test;

/** Each wither of {@link MultiArmResult} replaces its own parts and keeps every other one. */
class MultiArmResultCopyTest {

    @Test
    void eachWitherReplacesOnlyItsPart() {
        MultiArmResult.Verdict v1 = new MultiArmResult.Verdict(PolicyId.of("a"), 1, 2, 1, 0.5, 1.5, 0.9, true, "one");
        MultiArmResult.Verdict v2 = new MultiArmResult.Verdict(PolicyId.of("b"), 1, 3, 2, 1.5, 2.5, 0.99, true, "two");
        MultiArmRefutations ref = MultiArmRefutations.skipped("aipw", "not asked");
        MultiArmResult r = new MultiArmResult(MultiArmResult.KIND, MultiArmResult.KIND, "s", null, List.of(),
                null, null, List.of(), List.of(), null, null, null, List.of("w")).withVerdict(v1)
                .withRefutations(ref);

        assertEquals(r, r.withVerdict(v1));
        assertEquals(r, r.withRefutations(ref));
        assertEquals(r, r.withInsights(null));
        assertEquals(r, r.withSimulation(null));
        assertEquals(r, r.withPolicyTrees(List.of()));
        assertEquals(r, r.withCohortTables(null));
        assertEquals(r, r.withSecondaryOutcomes(List.of()));
        assertEquals(r, r.withDiagnostics(null, null, null, v1));

        MultiArmResult changed = r.withVerdict(v2);
        assertSame(v2, changed.verdict());
        assertSame(ref, changed.refutations());
        assertEquals(List.of("w"), changed.dataWarnings());
        assertNotEquals(r, changed);
        assertEquals(v2, r.withDiagnostics(null, null, null, v2).verdict());
        assertSame(ref, r.withDiagnostics(null, null, null, v2).refutations());
        assertEquals(null, r.withRefutations(null).refutations());
        assertEquals(v1, r.withRefutations(null).verdict());
    }
}
