package org.causalrx.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Locale;
import java.util.SplittableRandom;

import org.causalrx.result.Baseline;
import org.causalrx.result.PolicyId;
import org.causalrx.util.Stats;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * K-arm secondary outcomes on a confounded 3-arm simulation where the secondary outcome z = x2 + delta_arm + N(0, 1)
 * has known arm effects delta = (0, +2, −1) (reference b, then a, c) and E[x2] = 0, so giving everyone arm a has the
 * true value delta_a: each treat-all policy's DR value on z recovers it, current practice is the observed mean,
 * patients without z are left out and counted, and the policies' decisions are those of the primary valuation.
 */
@Tag("slow")
class MultiArmSecondaryTest {
    private static final int N = 1500;

    private static String csv(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        StringBuilder sb = new StringBuilder("id,arm,y,z,x1,x2\n");
        String[] codes = {"b", "a", "c"};
        double[] delta = {0, 2, -1};
        for (int i = 0; i < N; i++) {
            double x1 = r.nextGaussian();
            double x2 = r.nextGaussian();
            double[] e = {1, Math.exp(0.6 * x2), Math.exp(-0.6 * x2)};
            double u = r.nextDouble() * (e[0] + e[1] + e[2]);
            int arm = u < e[0] ? 0 : u < e[0] + e[1] ? 1 : 2;
            double y = x2 + 0.5 * arm * x1 + 0.5 * r.nextGaussian();
            double z = x2 + delta[arm] + r.nextGaussian();
            String zText = i % 10 == 3 ? "" : String.format(Locale.ROOT, "%.5f", z);
            sb.append(String.format(Locale.ROOT, "p%d,%s,%.5f,%s,%.5f,%.5f%n", i, codes[arm], y, zText, x1, x2));
        }
        return sb.toString();
    }

    private static final String STUDY = """
            name: three-arms-secondary
            data: data.csv
            id: id
            treatment: {column: arm, arms: {a: "arm a", b: "arm b", c: "arm c"}, reference: b}
            outcome: {column: y, type: continuous, direction: lower}
            secondary_outcomes:
              - {column: z, type: continuous, direction: lower, missing: drop}
            overlap: {eta_low: 0.001}
            covariates:
              - {name: x1, role: effect_modifier}
              - {name: x2, role: confounder}
            split: {train: 0.6, validation: 0.2, test: 0.2}
            seed: 9
            bootstrap: {rounds: 200}
            estimators: [t_ridge]
            """;

    @Test
    void treatAllValuesOnTheSecondaryOutcomeRecoverTheKnownArmEffects() throws Exception {
        ThreeArmFixture.Run run = ThreeArmFixture.shared(csv(4), STUDY, ThreeArmFixture.Scope.THROUGH_EVALUATION);
        MultiArmResult result = run.result();
        assertEquals(1, result.secondaryOutcomes().size(), "the secondary stage runs up to the valuation");
        RunResult.SecondaryOutcome z = result.secondaryOutcomes().get(0);
        int testSize = run.done().get(RunSlots.SPLIT).test().length;
        assertEquals(testSize, z.testN() + z.testMissing());
        assertTrue(z.testMissing() > testSize / 20 && z.testMissing() < testSize / 5, "missing " + z.testMissing());
        MultiArmEvaluation.Valued valued = run.done().get(MultiArmStages.VALUED);
        assertEquals(valued.policies().stream().map(d -> d.id()).toList(),
                z.policies().stream().map(RunResult.PolicyResult::name).toList());
        String[] codes = {"b", "a", "c"};
        double[] delta = {0, 2, -1};
        for (int a = 0; a < 3; a++) {
            PolicyId id = Baseline.treatAllId(codes[a]);
            RunResult.PolicyResult p = z.policies().stream().filter(r -> r.name().equals(id)).findFirst()
                    .orElseThrow();
            assertEquals(0, p.deferredShare(), 1e-12, "nobody outside overlap");
            assertEquals(delta[a], p.pointDr(), 4 * p.valueDr().sd() + 0.05, "treat-all " + codes[a]);
            assertTrue(p.valueDr().sd() > 0 && p.valueDr().sd() < 0.3, "bootstrap SD " + p.valueDr().sd());
        }
        RunResult.PolicyResult doctors = z.policies().get(0);
        int[] test = run.done().get(RunSlots.SPLIT).test();
        double[] zAll = org.causalrx.study.AnalysisColumns.secondary(run.study(), run.table(),
                run.study().analyses().secondaryOutcomes().get(0), run.done().get(RunSlots.COHORT).sourceRows());
        double[] observed = java.util.Arrays.stream(Stats.select(zAll, test)).filter(v -> !Double.isNaN(v))
                .toArray();
        assertEquals(Stats.mean(observed), doctors.pointDr(), 1e-9, "current practice is the observed mean");
        // the arms differ on z by 3 between a and c: the DR values must tell them apart
        assertTrue(policy(z, codes[1]).pointDr() - policy(z, codes[2]).pointDr() > 2);
    }

    private static RunResult.PolicyResult policy(RunResult.SecondaryOutcome z, String code) {
        return z.policies().stream().filter(r -> r.name().equals(Baseline.treatAllId(code))).findFirst()
                .orElseThrow();
    }
}
