package org.causalrx.causal.meta;

import java.util.ArrayList;
import java.util.List;

import org.causalrx.causal.CrossFitAipw;
import org.causalrx.learn.MultiClassifier;
import org.causalrx.learn.Regressor;
import org.causalrx.util.Stats;

/**
 * Each arm's average effect against the reference by cross-fitted augmented IPW: the mean of the multi-arm
 * DR-learner's out-of-fold pseudo-outcomes Gamma_a − Gamma_0 ({@link MultiArmDRLearner#pseudoOutcomes}, same folds,
 * seeds and clipping), with SE sd / sqrt(n) and a normal 95 % interval. With K = 2 the arm-1 estimate is the
 * two-arm cross-fitted AIPW ATE of the DR-learner's nuisances.
 *
 * @param propensity K-arm propensity learner
 * @param outcome    arm outcome regressor
 * @param folds      cross-fitting folds, ≥ 2
 * @param clip       propensity clip ({@code MultiArmNuisance.clip})
 */
public record MultiArmAipw(MultiClassifier propensity, Regressor outcome, int folds, double clip) {
    private static final double Z975 = 1.959963984540054;

    /**
     * The contrasts of arms 1..K−1 against arm 0 (entry a − 1 is arm a's; outcome units).
     *
     * @param t    arms 0..k−1, every arm present
     * @param seed seed of the folds and nuisance fits
     */
    public List<CrossFitAipw.Estimate> contrasts(double[][] x, int[] t, int k, double[] y, long seed) {
        double[][] pseudo = new MultiArmDRLearner("aipw", outcome, propensity, outcome, folds, clip)
                .pseudoOutcomes(x, t, k, y, seed);
        List<CrossFitAipw.Estimate> out = new ArrayList<>();
        for (int a = 1; a < k; a++) {
            double mean = Stats.mean(pseudo[a]);
            double se = Stats.sd(pseudo[a]) / Math.sqrt(y.length);
            out.add(new CrossFitAipw.Estimate(mean, se, mean - Z975 * se, mean + Z975 * se, y.length, folds));
        }
        return out;
    }

    /** The estimator in words. */
    public String describe() {
        return "cross-fitted AIPW per arm against the reference: propensity " + propensity.name() + ", outcome "
                + outcome.name() + ", " + folds + " folds";
    }
}
