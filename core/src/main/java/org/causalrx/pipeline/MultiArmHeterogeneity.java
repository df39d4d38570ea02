package org.causalrx.pipeline;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.causalrx.policy.AipwScores;
import org.causalrx.policy.HeldOut;
import org.causalrx.result.Arms;
import org.causalrx.study.Study;

/**
 * Whether the K-arm CATE estimators find heterogeneity worth personalising, per non-reference arm against the
 * reference on the test split (results.json key {@code heterogeneity} of a K-arm run). For arm a the DR score of test
 * patient i is the AIPW contrast Γ_i(a) − Γ_i(0) ({@link AipwScores#multiArm}: the evaluation propensity p*(a | x)
 * and the DR plug-in's mu_a(x)); each estimator's predicted effect of a against the reference is checked against it
 * by the best-linear-predictor calibration test and the RATE (AUTOC, Qini) as in the two-arm run
 * ({@link Heterogeneity}). The family-wise level {@code alpha} is shared by all estimator × arm tests (Bonferroni).
 *
 * @param alpha          family-wise level of "significant heterogeneity"
 * @param tests          estimator × arm tests in the family
 * @param alphaPerTest   alpha / tests
 * @param anySignificant whether some estimator shows significant heterogeneity for some arm
 * @param arms           per non-reference arm (analysis order); each arm's tests use {@code alphaPerTest}
 */
public record MultiArmHeterogeneity(double alpha, int tests, double alphaPerTest, boolean anySignificant,
                                    List<Arm> arms) {
    public MultiArmHeterogeneity {
        arms = List.copyOf(arms);
    }

    /**
     * One arm against the reference.
     *
     * @param index arm index (1..K−1)
     * @param code  the arm's code
     * @param label the arm's label
     * @param tests every estimator's tests of the effect of this arm against the reference (effect units: outcome)
     */
    public record Arm(int index, String code, String label, Heterogeneity tests) {
    }

    /**
     * @param arms      the study's arms
     * @param test      the test patients' outcomes, arms, evaluation propensities and plug-in outcomes
     * @param effects   estimator → n × K predicted effects against the reference on the test patients
     * @param direction the outcome's better direction
     * @param seed      the run's seed (each estimator × arm RATE bootstrap derives its own)
     */
    static MultiArmHeterogeneity compute(Arms arms, HeldOut test, Map<String, double[][]> effects,
                                         Study.Direction direction, long seed) {
        AipwScores scores = AipwScores.multiArm(test.y(), test.t(), test.pStar(), test.mu(), HeldOut.CLIP);
        int k = arms.size();
        int tests = Math.max(1, effects.size() * (k - 1));
        List<Arm> out = new ArrayList<>();
        for (int a = 1; a < k; a++) {
            double[] psi = contrast(scores.gamma(), a);
            Map<String, double[]> cates = new LinkedHashMap<>();
            for (Map.Entry<String, double[][]> e : effects.entrySet()) {
                cates.put(e.getKey(), column(e.getValue(), a));
            }
            String text = String.format(Locale.ROOT, "AIPW contrast of '%s' minus '%s' for the test patients: "
                    + "p*(a | x) of a multinomial model fit on all data (clipped to [%s, %s]) and the DR plug-in "
                    + "outcome model", arms.label(a), arms.label(0), HeldOut.CLIP, 1 - HeldOut.CLIP);
            out.add(new Arm(a, arms.code(a), arms.label(a), HeterogeneityStage.compute(cates, psi, direction, seed,
                    tests, "-arm-" + a, text)));
        }
        double perTest = HeterogeneityStage.ALPHA / tests;
        return new MultiArmHeterogeneity(HeterogeneityStage.ALPHA, tests, perTest,
                out.stream().anyMatch(a -> a.tests().anySignificant()), out);
    }

    /** "estimator (arm label)" for every significant estimator × arm test, in order. */
    public List<String> significantTests() {
        List<String> out = new ArrayList<>();
        for (Arm a : arms) {
            a.tests().significantEstimators().forEach(e -> out.add(e + " (" + a.label() + ")"));
        }
        return out;
    }

    /** Per patient Γ_i(a) − Γ_i(0). */
    static double[] contrast(double[][] gamma, int a) {
        double[] out = new double[gamma.length];
        for (int i = 0; i < gamma.length; i++) {
            out[i] = gamma[i][a] - gamma[i][0];
        }
        return out;
    }

    /** Column a of an n × K matrix. */
    static double[] column(double[][] m, int a) {
        double[] out = new double[m.length];
        for (int i = 0; i < m.length; i++) {
            out[i] = m[i][a];
        }
        return out;
    }
}
