package org.causalrx.pipeline;

import java.util.ArrayList;
import java.util.List;

import org.causalrx.causal.diagnostics.ArmBalance;
import org.causalrx.causal.diagnostics.Balance;
import org.causalrx.policy.HeldOut;
import org.causalrx.result.Arms;
import org.causalrx.util.Stats;

/**
 * Covariate balance of a K-arm run, each non-reference arm against the reference, under inverse
 * generalized-propensity weighting by the selected propensity model, on the training and the test split
 * (definition in {@link ArmBalance}: weights 1 / e_t(x) for the arm t a patient was given, e clipped to
 * [{@code weightClip}, 1 − {@code weightClip}]; SMD = arm mean minus reference mean over the pooled SD of the
 * unweighted arms). Serialised under {@code "balance"} in a K-arm results.json.
 *
 * @param propensityModel the model whose e_a(x) give the weights
 * @param threshold       bound on |SMD| after weighting ({@link Balance#THRESHOLD})
 * @param weightClip      the clip applied to e before weighting (the held-out IPW's)
 * @param arms            per non-reference arm (analysis order)
 * @param flagged         whether some arm has a feature whose |SMD| after weighting exceeds the threshold
 */
public record MultiArmBalance(String propensityModel, double threshold, double weightClip, List<Arm> arms,
                              boolean flagged) {
    public MultiArmBalance {
        arms = List.copyOf(arms);
    }

    /**
     * One arm against the reference.
     *
     * @param index      arm index (1..K−1)
     * @param code       the arm's code
     * @param label      the arm's label
     * @param train      balance on the training split (weight summaries: the reference, then this arm, each with
     *                   its effective sample size); null when either arm has no training patient
     * @param test       the same on the test split; null when either arm has no test patient
     * @param flagged    whether some feature's |SMD| after weighting exceeds the threshold on either split
     * @param imbalanced those features, each once, in feature order
     */
    public record Arm(int index, String code, String label, Balance.Result train, Balance.Result test,
                      boolean flagged, List<String> imbalanced) {
        public Arm {
            imbalanced = List.copyOf(imbalanced);
        }
    }

    /** The arms whose balance is flagged, as "label: feature, feature". */
    public List<String> flaggedArms() {
        return arms.stream().filter(Arm::flagged).map(a -> a.label() + ": " + String.join(", ", a.imbalanced()))
                .toList();
    }

    /**
     * @param x     n × p encoded covariates of every cohort patient
     * @param t     n arms (0..K−1)
     * @param e     n × K generalized propensities of the selected model
     * @param names p feature names
     * @param train training rows
     * @param test  test rows
     */
    static MultiArmBalance of(String model, Arms arms, double[][] x, int[] t, double[][] e, List<String> names,
                              int[] train, int[] test) {
        double clip = HeldOut.CLIP;
        List<Arm> out = new ArrayList<>();
        for (int a = 1; a < arms.size(); a++) {
            Balance.Result tr = split(x, t, e, a, names, train);
            Balance.Result te = split(x, t, e, a, names, test);
            List<String> both = new ArrayList<>();
            for (String f : names) {
                if (tr != null && tr.imbalanced().contains(f) || te != null && te.imbalanced().contains(f)) {
                    both.add(f);
                }
            }
            out.add(new Arm(a, arms.code(a), arms.label(a), tr, te, !both.isEmpty(), both));
        }
        return new MultiArmBalance(model, Balance.THRESHOLD, clip, out, out.stream().anyMatch(Arm::flagged));
    }

    private static Balance.Result split(double[][] x, int[] t, double[][] e, int a, List<String> names, int[] rows) {
        int[] ts = Stats.select(t, rows);
        if (Stats.indicesOf(ts, 0).length == 0 || Stats.indicesOf(ts, a).length == 0) {
            return null;
        }
        return ArmBalance.against(Stats.select(x, rows), ts, Stats.select(e, rows), a, names, HeldOut.CLIP,
                Balance.THRESHOLD);
    }
}
