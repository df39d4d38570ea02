package org.causalrx.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

import org.causalrx.result.PolicyKind;
import org.causalrx.util.Stats;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A whole K = 3 run on simulated data where each arm is best for a known group of patients: the learned policy
 * is chosen on validation, beats current practice on test, current practice is the observed mean, and the same
 * seed gives byte-identical results.json; the diagnostics per arm (balance, heterogeneity, E-values) are there.
 */
@Tag("slow")
class MultiArmRunTest {
    private static final int N = 1800;
    /** Patients of the same-seed check, which runs every stage twice on a smaller cohort. */
    private static final int N_TWICE = 600;

    /** Arms "b" (reference), "a", "c"; lower outcome better; arm a best where x1 > 0.5, c where x1 < −0.5. */
    static String csv(long seed) {
        return csv(seed, N);
    }

    /** {@code n} patients of {@link #csv(long)}'s simulation. */
    static String csv(long seed, int n) {
        SplittableRandom r = new SplittableRandom(seed);
        StringBuilder sb = new StringBuilder("id,arm,y,x1,x2,x3\n");
        String[] codes = {"b", "a", "c"};
        for (int i = 0; i < n; i++) {
            double x1 = r.nextGaussian();
            double x2 = r.nextGaussian();
            double x3 = r.nextGaussian();
            double[] logit = {0, 0.6 * x2, -0.6 * x2};
            double[] e = new double[3];
            double s = 0;
            for (int a = 0; a < 3; a++) {
                e[a] = Math.exp(logit[a]);
                s += e[a];
            }
            double u = r.nextDouble() * s;
            int arm = u < e[0] ? 0 : u < e[0] + e[1] ? 1 : 2;
            double[] mu = {x2, x2 - 2 * Math.max(x1 - 0.5, 0) + 0.5, x2 - 2 * Math.max(-x1 - 0.5, 0) + 0.5};
            double y = mu[arm] + 0.5 * r.nextGaussian();
            sb.append(String.format(Locale.ROOT, "p%d,%s,%.5f,%.5f,%.5f,%.5f%n", i, codes[arm], y, x1, x2, x3));
        }
        return sb.toString();
    }

    static final String STUDY = """
            name: three-arms
            data: data.csv
            id: id
            treatment: {column: arm, arms: {a: "arm a", b: "arm b", c: "arm c"}, reference: b}
            outcome: {column: y, type: continuous, direction: lower}
            covariates:
              - {name: x1, role: effect_modifier}
              - {name: x2, role: confounder}
              - {name: x3, role: confounder}
            split: {train: 0.6, validation: 0.2, test: 0.2}
            seed: 5
            bootstrap: {rounds: 300}
            estimators: [t_ridge, x_xgboost]
            """;

    /**
     * The run of {@link #STUDY} on csv(3) without the refutation stage (nothing here reads it; the same-seed check
     * runs it), shared by the tests.
     */
    static ThreeArmFixture.Run shared() throws Exception {
        return ThreeArmFixture.shared(csv(3), STUDY, ThreeArmFixture.Scope.WITHOUT_REFUTATION);
    }

    @Test
    void learnedPolicyChosenOnValidationBeatsCurrentPracticeOnTest() throws Exception {
        MultiArmResult r = shared().result();
        assertEquals(MultiArmResult.KIND, r.kind());
        assertEquals(3, r.arms().size());
        assertEquals("b", r.arms().get(0).code());
        assertTrue(r.arms().get(0).reference());
        int nTest = r.arms().stream().mapToInt(MultiArmResult.Arm::nTest).sum();
        int nAll = r.arms().stream().mapToInt(a -> a.nTrain() + a.nValidation() + a.nTest()).sum();
        assertEquals(N, nAll);
        MultiArmResult.PolicyValue doctors = r.policies().get(0);
        assertEquals("doctors", doctors.name().name());
        assertEquals(PolicyKind.BASELINE, doctors.kind());
        assertEquals(r.verdict().currentPractice(), doctors.pointDr(), 0.0, "doctors valued as observed");
        assertEquals(0.0, doctors.gainDr(), 0.0);
        assertNotNull(r.selection().selected());
        assertTrue(r.selection().selected().kind().learned());
        assertEquals(2, r.selection().values().size());
        // every arm is a treat-all baseline; 3 + Random + Propensity + Doctors + 2 learned
        assertEquals(8, r.policies().size());
        MultiArmResult.Verdict v = r.verdict();
        assertTrue(v.gain() < -0.1 && v.better(), "lower is better: the learned policy lowers the outcome: " + v);
        assertTrue(v.shareBetter() > 0.95, v.toString());
        for (MultiArmResult.PolicyValue p : r.policies()) {
            double shares = p.armShares().stream().mapToDouble(Double::doubleValue).sum() + p.deferredShare();
            assertEquals(1.0, shares, 1e-9, p.name() + " shares add up");
        }
        assertTrue(r.overlap().testOutside() < nTest / 5, "mild confounding: few outside overlap");
        assertEquals(3, r.propensity().models().size());
        assertTrue(r.propensity().models().stream().allMatch(m -> m.aurocPerArm().size() == 3));
        double[] effects = r.estimators().get(0).meanEffectTest().stream().mapToDouble(Double::doubleValue)
                .toArray();
        assertEquals(0.0, effects[0], 0.0);
        assertTrue(Stats.mean(effects) != 0);
    }

    @Test
    void diagnosticsPerArmAgainstTheReference() throws Exception {
        MultiArmResult r = shared().result();
        MultiArmBalance b = r.balance();
        assertEquals(List.of("a", "c"), b.arms().stream().map(MultiArmBalance.Arm::code).toList());
        for (MultiArmBalance.Arm a : b.arms()) {
            // x2 drives the choice of arm a and c against b: weighting shrinks its imbalance
            double before = Math.abs(a.train().features().get(1).smdUnweighted());
            double after = Math.abs(a.train().features().get(1).smdWeighted());
            assertTrue(before > 0.2 && after < before / 2, a.label() + ": " + before + " -> " + after);
        }
        MultiArmHeterogeneity h = r.heterogeneity();
        assertEquals(4, h.tests());
        assertEquals(2, h.arms().size());
        assertTrue(h.arms().stream().allMatch(a -> a.tests().estimators().size() == 2));
        assertTrue(h.anySignificant(), "each arm's effect depends on x1: " + h.significantTests());
        MultiArmSensitivity s = r.sensitivity();
        assertEquals(2, s.arms().size());
        assertTrue(s.arms().stream().allMatch(a -> a.eValue().ate() >= 1), s.toString());
        assertEquals(r.verdict().selected(), s.msm().policy());
        String json = ResultsJson.write(r);
        for (String key : List.of("\"balance\"", "\"heterogeneity\"", "\"sensitivity\"")) {
            assertTrue(json.contains(key), key);
        }
    }

    @Test
    void sameSeedSameResultsJson() throws Exception {
        String a = ResultsJson.write(ThreeArmFixture.fresh(csv(3, N_TWICE), STUDY, MultiArmStages.engine(false))
                .result());
        String b = ResultsJson.write(ThreeArmFixture.fresh(csv(3, N_TWICE), STUDY, MultiArmStages.engine(false))
                .result());
        assertEquals(a, b);
        assertTrue(a.startsWith("{\n  \"schema_version\""), a.substring(0, 60));
        assertFalse(a.contains("NaN"));
        assertTrue(a.contains("\"refutations\""), "every stage ran");
    }
}
