package org.causalrx.pipeline;

import java.util.ArrayList;
import java.util.List;

import org.causalrx.policy.AipwScores;
import org.causalrx.policy.HeldOut;
import org.causalrx.policy.PolicyDecisions;
import org.causalrx.result.Arms;
import org.causalrx.result.PolicyId;
import org.causalrx.study.Study;
import org.causalrx.util.InfluenceSe;
import org.causalrx.util.Stats;

/**
 * Sensitivity of a K-arm run's answer to hidden confounding (results.json key {@code sensitivity} of a K-arm run):
 * per non-reference arm the E-value of its AIPW effect against the reference on the test split and of the 95 %
 * interval limit closer to the null, and the selected policy's worst-case gain over current practice under the
 * marginal sensitivity model ({@link Sensitivity.Msm}, the two-arm computation with K-arm weights p*(t | x)).
 * The effect of arm a is mean_i (Γ_i(a) − Γ_i(0)) over the test patients ({@link AipwScores#multiArm}), its
 * interval ± 1.96 SD / √n (cluster-robust by patient when rows are grouped); conversions to the risk-ratio scale
 * as in the two-arm run (binary: ratio of the AIPW arm means; otherwise exp(0.91 · effect / SD(Y)), SD over the
 * cohort).
 *
 * Every other pair of arms (neither the reference) gets the same: the AIPW effect of the later arm against the
 * earlier one, mean_i (Γ_i(b) − Γ_i(a)), its interval and E-values ({@link Pair}).
 *
 * @param n     test patients
 * @param arms  per non-reference arm (analysis order)
 * @param msm   the selected policy's gain bounds; null when no learned policy was selected
 * @param pairs per pair of non-reference arms a &lt; b (analysis order); empty with fewer than three arms
 */
public record MultiArmSensitivity(int n, List<Arm> arms, Sensitivity.Msm msm, List<Pair> pairs) {
    private static final double Z95 = 1.959963984540054;

    public MultiArmSensitivity {
        arms = List.copyOf(arms);
        pairs = List.copyOf(pairs);
    }

    /** Without pairs (two arms). */
    public MultiArmSensitivity(int n, List<Arm> arms, Sensitivity.Msm msm) {
        this(n, arms, msm, List.of());
    }

    /**
     * Arm b against arm a, neither the reference (the contrasts against the reference are {@link Arm}s).
     *
     * @param indexA  the comparison arm's index (1..K−2)
     * @param labelA  its label
     * @param indexB  the arm whose effect is estimated (indexA &lt; indexB ≤ K−1)
     * @param labelB  its label
     * @param meanA   AIPW mean outcome under arm a on the test split
     * @param meanB   AIPW mean outcome under arm b
     * @param effect  meanB − meanA (outcome units)
     * @param se      its standard error, SD(Γ(b) − Γ(a)) / √n (cluster-robust with a group column)
     * @param ciLow   effect − 1.96 se
     * @param ciHigh  effect + 1.96 se
     * @param eValue  E-values of the effect and of its interval limit closer to the null (arm a as the comparison)
     */
    public record Pair(int indexA, String labelA, int indexB, String labelB, double meanA, double meanB,
                       double effect, double se, double ciLow, double ciHigh, Sensitivity.EValues eValue) {
    }

    /**
     * One arm against the reference.
     *
     * @param index         arm index (1..K−1)
     * @param code          the arm's code
     * @param label         the arm's label
     * @param meanReference AIPW mean outcome under the reference on the test split
     * @param meanArm       AIPW mean outcome under this arm
     * @param effect        meanArm − meanReference (outcome units)
     * @param se            its standard error, SD(Γ(a) − Γ(0)) / √n (cluster-robust with a group column)
     * @param ciLow         effect − 1.96 se
     * @param ciHigh        effect + 1.96 se
     * @param eValue        E-values of the effect and of its interval limit closer to the null
     */
    public record Arm(int index, String code, String label, double meanReference, double meanArm, double effect,
                      double se, double ciLow, double ciHigh, Sensitivity.EValues eValue) {
    }

    /**
     * @param test      the test patients' outcomes, arms, evaluation propensities and plug-in outcomes
     * @param outcome   every cohort outcome (its SD converts a continuous effect)
     * @param binary    whether the outcome is binary (risk-ratio conversion)
     * @param direction the outcome's better direction (orients the policy's gain)
     * @param selected  the selected policy's decisions on the test patients (deferral as DEFER), or null
     */
    static MultiArmSensitivity compute(Arms arms, HeldOut test, double[] outcome, boolean binary,
                                       Study.Direction direction, PolicyDecisions selected) {
        return compute(arms, test, outcome, binary, direction, selected, null);
    }

    /**
     * As above, with the effects' standard errors cluster-robust by patient ({@link InfluenceSe}).
     *
     * @param groups patient id per test patient row, or null: each row its own patient
     */
    static MultiArmSensitivity compute(Arms arms, HeldOut test, double[] outcome, boolean binary,
                                       Study.Direction direction, PolicyDecisions selected, int[] groups) {
        AipwScores scores = AipwScores.multiArm(test.y(), test.t(), test.pStar(), test.mu(), HeldOut.CLIP);
        double sd = Stats.sd(outcome);
        int n = test.y().length;
        double mean0 = Stats.mean(MultiArmHeterogeneity.column(scores.gamma(), 0));
        List<Arm> out = new ArrayList<>();
        for (int a = 1; a < arms.size(); a++) {
            double[] diff = MultiArmHeterogeneity.contrast(scores.gamma(), a);
            double effect = Stats.mean(diff);
            double se = InfluenceSe.se(diff, groups);
            double mean1 = Stats.mean(MultiArmHeterogeneity.column(scores.gamma(), a));
            double low = effect - Z95 * se;
            double high = effect + Z95 * se;
            out.add(new Arm(a, arms.code(a), arms.label(a), mean0, mean1, effect, se, low, high,
                    SensitivityStage.eValues(effect, low, high, mean0, mean1, binary, sd)));
        }
        List<Pair> pairs = new ArrayList<>();
        for (int a = 1; a < arms.size(); a++) {
            double meanA = Stats.mean(MultiArmHeterogeneity.column(scores.gamma(), a));
            for (int b = a + 1; b < arms.size(); b++) {
                double[] diff = new double[n];
                for (int i = 0; i < n; i++) {
                    diff[i] = scores.gamma()[i][b] - scores.gamma()[i][a];
                }
                double effect = Stats.mean(diff);
                double se = InfluenceSe.se(diff, groups);
                double meanB = Stats.mean(MultiArmHeterogeneity.column(scores.gamma(), b));
                double low = effect - Z95 * se;
                double high = effect + Z95 * se;
                pairs.add(new Pair(a, arms.label(a), b, arms.label(b), meanA, meanB, effect, se, low, high,
                        SensitivityStage.eValues(effect, low, high, meanA, meanB, binary, sd)));
            }
        }
        Sensitivity.Msm msm = null;
        if (selected != null) {
            PolicyId id = selected.id();
            msm = SensitivityStage.msm(id, test, selected.valuedArms(), direction);
        }
        return new MultiArmSensitivity(n, out, msm, pairs);
    }

}
