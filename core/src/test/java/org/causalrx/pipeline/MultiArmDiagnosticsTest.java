package org.causalrx.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.causalrx.causal.EValue;
import org.causalrx.causal.diagnostics.ArmBalance;
import org.causalrx.causal.diagnostics.Balance;
import org.causalrx.policy.HeldOut;
import org.causalrx.result.Arms;
import org.causalrx.result.PolicyId;
import org.causalrx.study.Study;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Known answers for the K-arm diagnostics: balance per arm under inverse generalized-propensity weighting,
 * heterogeneity tests per arm against the reference, E-values per arm, and the verdict's sentences.
 */
@Tag("slow")
class MultiArmDiagnosticsTest {
    private static final Arms THREE = new Arms(List.of("r", "a", "b"), List.of("ref", "arm a", "arm b"));
    private static final List<String> NAMES = List.of("x1", "x2", "noise");

    /** Softmax propensities with logits (0, 0.8 x1, −0.6 x1 + 0.6 x2); the third feature does not enter. */
    private static double[] softmax(double x1, double x2) {
        double[] l = {0, 0.8 * x1, -0.6 * x1 + 0.6 * x2};
        double s = 0;
        double[] e = new double[3];
        for (int a = 0; a < 3; a++) {
            e[a] = Math.exp(l[a]);
            s += e[a];
        }
        for (int a = 0; a < 3; a++) {
            e[a] /= s;
        }
        return e;
    }

    @Test
    void weightingByTheTrueGeneralizedPropensityBalancesEveryArmAgainstTheReference() {
        int n = 80000;
        SplittableRandom r = new SplittableRandom(7);
        double[][] x = new double[n][];
        double[][] e = new double[n][];
        int[] t = new int[n];
        for (int i = 0; i < n; i++) {
            x[i] = new double[] {r.nextGaussian(), r.nextGaussian(), r.nextGaussian()};
            e[i] = softmax(x[i][0], x[i][1]);
            double u = r.nextDouble();
            t[i] = u < e[i][0] ? 0 : u < e[i][0] + e[i][1] ? 1 : 2;
        }
        int[] train = new int[n / 2];
        int[] test = new int[n - n / 2];
        for (int i = 0; i < n; i++) {
            if (i < n / 2) {
                train[i] = i;
            } else {
                test[i - n / 2] = i;
            }
        }
        MultiArmBalance b = MultiArmBalance.of("true", THREE, x, t, e, NAMES, train, test);
        assertEquals(2, b.arms().size());
        for (MultiArmBalance.Arm arm : b.arms()) {
            for (Balance.Result res : List.of(arm.train(), arm.test())) {
                double before = Math.abs(res.features().get(0).smdUnweighted());
                assertTrue(before > 0.4, arm.label() + ": x1 unbalanced before weighting: " + before);
                for (Balance.FeatureBalance f : res.features()) {
                    assertTrue(Math.abs(f.smdWeighted()) < 0.05, arm.label() + " " + f);
                }
                assertEquals(List.of(0, arm.index()), res.weights().stream().map(Balance.WeightSummary::arm)
                        .toList());
                for (Balance.WeightSummary w : res.weights()) {
                    assertTrue(w.ess() > 1 && w.ess() < w.n(), "unequal weights: ESS below n " + w);
                }
            }
            assertFalse(arm.flagged(), arm.toString());
        }
        // arm b also depends on x2; arm a does not
        assertTrue(Math.abs(b.arms().get(1).train().features().get(1).smdUnweighted()) > 0.2);
        assertTrue(Math.abs(b.arms().get(0).train().features().get(1).smdUnweighted()) < 0.1);
        assertFalse(b.flagged());
        // a constant propensity (the wrong model) leaves the imbalance and is flagged
        double[][] flat = new double[n][];
        for (int i = 0; i < n; i++) {
            flat[i] = new double[] {1 / 3.0, 1 / 3.0, 1 / 3.0};
        }
        MultiArmBalance wrong = MultiArmBalance.of("flat", THREE, x, t, flat, NAMES, train, test);
        assertTrue(wrong.flagged() && wrong.arms().get(0).imbalanced().contains("x1"), wrong.flaggedArms().toString());
    }

    @Test
    void twoArmsThroughTheArmPairGiveTheTwoArmBalance() {
        SplittableRandom r = new SplittableRandom(3);
        int n = 500;
        double[][] x = new double[n][];
        double[] e1 = new double[n];
        double[][] e = new double[n][];
        int[] t = new int[n];
        for (int i = 0; i < n; i++) {
            x[i] = new double[] {r.nextGaussian(), r.nextDouble()};
            e1[i] = 1 / (1 + Math.exp(-x[i][0]));
            e[i] = new double[] {1 - e1[i], e1[i]};
            t[i] = r.nextDouble() < e1[i] ? 1 : 0;
        }
        List<String> names = List.of("x1", "x2");
        Balance.Result two = Balance.compute(x, t, e1, names, 0.01, Balance.THRESHOLD);
        Balance.Result pair = ArmBalance.against(x, t, e, 1, names, 0.01, Balance.THRESHOLD);
        for (int j = 0; j < 2; j++) {
            assertEquals(two.features().get(j).smdUnweighted(), pair.features().get(j).smdUnweighted(), 0.0);
            assertEquals(two.features().get(j).smdWeighted(), pair.features().get(j).smdWeighted(), 1e-12);
        }
        assertEquals(two.weights().get(1).ess(), pair.weights().get(1).ess(), 1e-9);
        assertEquals(two.weights().get(0).ess(), pair.weights().get(0).ess(), 1e-9);
    }

    /** Randomised 1/3 each; mu = (0, 0.3, 0.5 + g·x); true p* and mu as plug-in. */
    private static HeldOut randomised(int n, double g, long seed, double[] xOut) {
        SplittableRandom r = new SplittableRandom(seed);
        double[] y = new double[n];
        int[] t = new int[n];
        double[][] p = new double[n][];
        double[][] mu = new double[n][];
        for (int i = 0; i < n; i++) {
            double x = r.nextGaussian();
            xOut[i] = x;
            mu[i] = new double[] {0, 0.3, 0.5 + g * x};
            p[i] = new double[] {1 / 3.0, 1 / 3.0, 1 / 3.0};
            t[i] = r.nextInt(3);
            y[i] = mu[i][t[i]] + r.nextGaussian();
        }
        return new HeldOut(y, t, p, mu);
    }

    /** Two estimators: "oracle" predicts (0, 0.3, 0.5 + g·x), "guess" predicts x-driven spread for both arms. */
    private static Map<String, double[][]> effects(double[] x, double g) {
        Map<String, double[][]> m = new LinkedHashMap<>();
        double[][] oracle = new double[x.length][];
        double[][] guess = new double[x.length][];
        for (int i = 0; i < x.length; i++) {
            oracle[i] = new double[] {0, 0.3 + 0.01 * Math.sin(7 * i), 0.5 + g * x[i] + 0.01 * Math.sin(7 * i)};
            guess[i] = new double[] {0, 0.3 + 0.5 * x[i], 0.5 - 0.5 * x[i]};
        }
        m.put("oracle", oracle);
        m.put("guess", guess);
        return m;
    }

    @Test
    void noHeterogeneityInAnyArmFlagsNothing() {
        int n = 3000;
        double[] x = new double[n];
        HeldOut h = randomised(n, 0.0, 21, x);
        MultiArmHeterogeneity het = MultiArmHeterogeneity.compute(THREE, h, effects(x, 0.0), Study.Direction.HIGHER,
                5);
        assertEquals(4, het.tests());
        assertEquals(0.05 / 4, het.alphaPerTest(), 1e-15);
        assertFalse(het.anySignificant(), het.significantTests().toString());
        for (MultiArmHeterogeneity.Arm a : het.arms()) {
            assertEquals(het.alphaPerTest(), a.tests().alphaPerEstimator(), 0.0);
            Heterogeneity.EstimatorTests guess = a.tests().estimators().get(1);
            double beta = guess.differentialPrediction().estimate();
            assertTrue(Math.abs(beta) < 3 * guess.differentialPrediction().se() && Math.abs(beta) < 0.3,
                    a.label() + ": differential coefficient near 0: " + guess.differentialPrediction());
            assertTrue(guess.autoc().ciLow() < 0 && guess.autoc().ciHigh() > -0.5, guess.autoc().toString());
        }
        MultiArmResult.Verdict v = new MultiArmResult.Verdict(PolicyId.of("oracle"), 0, 0, 0, -1, 1, 0.5, false,
                "oracle is not shown to improve on current practice");
        MultiArmResult.Verdict out = MultiArmDiagnostics.verdict(v, balanced(), het,
                new MultiArmSensitivity(n, List.of(), null));
        assertTrue(out.statement().contains("personalising adds nothing") && out.statement().contains("4 estimator"),
                out.statement());
    }

    @Test
    void strongHeterogeneityInOneArmFlagsThatArmOnly() {
        int n = 3000;
        double[] x = new double[n];
        HeldOut h = randomised(n, 1.5, 22, x);
        MultiArmHeterogeneity het = MultiArmHeterogeneity.compute(THREE, h, effects(x, 1.5), Study.Direction.HIGHER,
                5);
        assertTrue(het.anySignificant());
        assertEquals(List.of("oracle (arm b)"), het.significantTests());
        Heterogeneity.EstimatorTests oracleB = het.arms().get(1).tests().estimators().get(0);
        assertEquals(1.0, oracleB.differentialPrediction().estimate(), 0.15, oracleB.toString());
        assertTrue(oracleB.autoc().ciLow() > 0, oracleB.autoc().toString());
        assertFalse(het.arms().get(0).tests().anySignificant());
        MultiArmResult.Verdict v = new MultiArmResult.Verdict(PolicyId.of("oracle"), 0, 1, 1, 0.5, 1.5, 1, true,
                "oracle improves on current practice.");
        assertEquals(v, MultiArmDiagnostics.verdict(v, balanced(), het, new MultiArmSensitivity(n, List.of(), null)));
    }

    @Test
    void theSameSeedGivesTheSameRateAndArmsGetTheirOwnBootstrap() {
        int n = 400;
        double[] x = new double[n];
        HeldOut h = randomised(n, 1.0, 23, x);
        Map<String, double[][]> eff = effects(x, 1.0);
        MultiArmHeterogeneity a = MultiArmHeterogeneity.compute(THREE, h, eff, Study.Direction.LOWER, 9);
        MultiArmHeterogeneity b = MultiArmHeterogeneity.compute(THREE, h, eff, Study.Direction.LOWER, 9);
        assertEquals(a.arms().get(1).tests().estimators().get(0).autoc(),
                b.arms().get(1).tests().estimators().get(0).autoc());
        assertTrue(a.arms().get(0).tests().estimators().get(1).autoc().se()
                != a.arms().get(1).tests().estimators().get(1).autoc().se());
    }

    private static MultiArmBalance balanced() {
        return new MultiArmBalance("m", Balance.THRESHOLD, HeldOut.CLIP, List.of(), false);
    }

    /** Six patients, two per arm, p* = 1/3, plug-ins 0: Γ_i(a) = 3 y_i 1[t_i = a]. */
    private static HeldOut six(double[] y) {
        int[] t = {0, 0, 1, 1, 2, 2};
        double[][] p = new double[6][];
        double[][] mu = new double[6][];
        for (int i = 0; i < 6; i++) {
            p[i] = new double[] {1 / 3.0, 1 / 3.0, 1 / 3.0};
            mu[i] = new double[3];
        }
        return new HeldOut(y, t, p, mu);
    }

    @Test
    void eValuesPerArmMatchHandComputedValues() {
        // continuous: Γ(0) = (3, 6, 0, 0, 0, 0), Γ(1) = (0, 0, 9, 12, 0, 0), Γ(2) = (0, 0, 0, 0, 6, 6)
        double[] y = {1, 2, 3, 4, 2, 2};
        MultiArmSensitivity s = MultiArmSensitivity.compute(THREE, six(y), y, false, Study.Direction.HIGHER, null);
        MultiArmSensitivity.Arm a = s.arms().get(0);
        assertEquals(2.0, a.effect(), 1e-12);
        assertEquals(1.5, a.meanReference(), 1e-12);
        assertEquals(3.5, a.meanArm(), 1e-12);
        // SD(y) = sqrt(16/15); d = 2 / SD; RR = exp(0.91 d) = 5.8253; E = RR + sqrt(RR (RR − 1)) = 11.1270
        double rr = Math.exp(0.91 * 2 / Math.sqrt(16.0 / 15));
        assertEquals(5.8253, rr, 1e-4);
        assertEquals(rr, a.eValue().riskRatio(), 1e-12);
        assertEquals(11.1270, a.eValue().ate(), 1e-4);
        // differences (−3, −6, 9, 12, 0, 0): SD = sqrt(49.2), SE = SD / sqrt(6); the interval crosses 0
        assertEquals(Math.sqrt(49.2 / 6), a.se(), 1e-12);
        assertTrue(a.ciLow() < 0 && a.ciHigh() > 0);
        assertEquals(1.0, a.eValue().ciLimit(), 0.0);
        assertEquals(0.5, s.arms().get(1).effect(), 1e-12);
        assertNull(s.msm());
        // the pair of non-reference arms: Γ(2) − Γ(1) = (0, 0, −9, −12, 6, 6), mean −1.5, SD² = 283.5 / 5
        assertEquals(1, s.pairs().size());
        MultiArmSensitivity.Pair pr = s.pairs().get(0);
        assertEquals(1, pr.indexA());
        assertEquals(2, pr.indexB());
        assertEquals(-1.5, pr.effect(), 1e-12);
        assertEquals(3.5, pr.meanA(), 1e-12);
        assertEquals(2.0, pr.meanB(), 1e-12);
        assertEquals(Math.sqrt(283.5 / 5 / 6), pr.se(), 1e-12);
        assertEquals(s.arms().get(1).effect() - s.arms().get(0).effect(), pr.effect(), 1e-12,
                "the pair's effect is the difference of the two arms' effects against the reference");

        // binary: risks Γ means 0.5, 1, 0.5: RR 2 → E = 2 + sqrt(2); RR 1 → E = 1
        double[] yb = {1, 0, 1, 1, 0, 1};
        MultiArmSensitivity sb = MultiArmSensitivity.compute(THREE, six(yb), yb, true, Study.Direction.HIGHER, null);
        assertEquals(2.0, sb.arms().get(0).eValue().riskRatio(), 1e-12);
        assertEquals(2 + Math.sqrt(2), sb.arms().get(0).eValue().ate(), 1e-12);
        assertEquals(1.0, sb.arms().get(1).eValue().ate(), 1e-12);
        assertEquals(EValue.ofRiskRatio(2), sb.arms().get(0).eValue().ate(), 0.0);
        // arm 2 against arm 1: risks 0.5 and 1, RR 0.5 → the E-value of 1 / 0.5 = 2
        assertEquals(0.5, sb.pairs().get(0).eValue().riskRatio(), 1e-12);
        assertEquals(2 + Math.sqrt(2), sb.pairs().get(0).eValue().ate(), 1e-12);
    }

    @Test
    void pairEffectsRecoverKnownDifferencesInARandomisedTrial() {
        int n = 6_000;
        java.util.Random rnd = new java.util.Random(31);
        double[] effect = {0, 1.0, 3.0};
        double[] y = new double[n];
        int[] t = new int[n];
        double[][] p = new double[n][];
        double[][] mu = new double[n][];
        for (int i = 0; i < n; i++) {
            t[i] = rnd.nextInt(3);
            y[i] = effect[t[i]] + rnd.nextGaussian();
            p[i] = new double[] {1 / 3.0, 1 / 3.0, 1 / 3.0};
            mu[i] = new double[] {0, 1.0, 3.0};
        }
        MultiArmSensitivity s = MultiArmSensitivity.compute(THREE, new HeldOut(y, t, p, mu), y, false,
                Study.Direction.HIGHER, null);
        MultiArmSensitivity.Pair pr = s.pairs().get(0);
        assertEquals(2.0, pr.effect(), 4 * pr.se(), "true effect of arm 2 against arm 1 is 2");
        assertTrue(pr.ciLow() < 2.0 && pr.ciHigh() > 2.0);
        assertTrue(pr.se() < 0.1, "SE " + pr.se());
    }
}
