package org.causalrx.pipeline;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.causalrx.causal.diagnostics.Balance;
import org.causalrx.policy.HeldOut;
import org.causalrx.util.Stats;

/**
 * Covariate balance of a run under inverse-propensity weighting by the selected propensity model, on the training
 * and on the test split (definition in {@link Balance}: SMD = difference of arm means, treated minus control, over
 * the pooled SD of the unweighted arms; weights 1/e for treated and 1/(1 − e) for control, e clipped to
 * [{@code weightClip}, 1 − {@code weightClip}]). Serialised under {@code "balance"} in results.json.
 *
 * @param propensityModel the model whose e(x) gives the weights
 * @param threshold       bound on |SMD| after weighting ({@link Balance#THRESHOLD})
 * @param weightClip      the clip applied to e before weighting (the held-out IPW's)
 * @param train           balance on the training split (where the propensity model was fitted)
 * @param test            balance on the test split (held out)
 * @param flagged         whether some feature's |SMD| after weighting exceeds the threshold on either split
 * @param imbalanced      those features, each once, in feature order
 */
public record CovariateBalance(String propensityModel, double threshold, double weightClip, Balance.Result train,
                               Balance.Result test, boolean flagged, List<String> imbalanced) {
    public CovariateBalance {
        Objects.requireNonNull(train, "train");
        Objects.requireNonNull(test, "test");
        imbalanced = List.copyOf(imbalanced);
    }

    /**
     * Balance of the encoded covariates on the train and test rows.
     *
     * @param x     n × p encoded covariates of every cohort patient
     * @param t     n arms (0/1)
     * @param e     n propensities of the selected model
     * @param names p feature names
     */
    static CovariateBalance of(String model, double[][] x, int[] t, double[] e, List<String> names, int[] train,
                               int[] test) {
        double clip = HeldOut.CLIP;
        Balance.Result tr = Balance.compute(Stats.select(x, train), Stats.select(t, train), Stats.select(e, train),
                names, clip, Balance.THRESHOLD);
        Balance.Result te = Balance.compute(Stats.select(x, test), Stats.select(t, test), Stats.select(e, test),
                names, clip, Balance.THRESHOLD);
        List<String> both = new ArrayList<>();
        for (String f : names) {
            if (tr.imbalanced().contains(f) || te.imbalanced().contains(f)) {
                both.add(f);
            }
        }
        return new CovariateBalance(model, Balance.THRESHOLD, clip, tr, te, !both.isEmpty(), both);
    }
}
