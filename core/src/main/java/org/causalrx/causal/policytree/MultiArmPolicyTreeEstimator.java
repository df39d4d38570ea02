package org.causalrx.causal.policytree;

import org.causalrx.causal.DirectionAware;
import org.causalrx.causal.MultiArmCateEstimator;
import org.causalrx.causal.meta.MultiArmDRLearner;
import org.causalrx.util.Seeds;

/**
 * The K-action policy tree as a K-arm CATE estimator: the training patients' cross-fitted doubly robust contrasts
 * Gamma_a − Gamma_0 (the multi-arm DR-learner's pseudo-outcomes, from its propensity and arm outcome learners, folds
 * and clip; its final stage is not used), then the K-action exhaustive search of {@link PolicyTreeSearch}. The fitted
 * {@link MultiArmPolicyTree} predicts the mean contrasts of the patient's leaf. With a decision margin each arm but
 * the default pays the margin in the search ({@link PolicyTreeSearch#marginShift}), so a leaf takes another arm
 * only where its mean gain over the default exceeds the margin, as the K-arm rule then decides.
 *
 * @param name       catalogue name, e.g. "policy_tree"
 * @param scores     the multi-arm DR-learner whose pseudo-outcomes are the scores
 * @param settings   depth, leaf size and thresholds of the search
 * @param betterSign +1 when higher outcomes are better, −1 when lower are: which action a leaf takes
 * @param defaultArm the decision rule's default arm, 0..K−1
 * @param margin     the decision rule's margin δ ≥ 0 (outcome units)
 */
public record MultiArmPolicyTreeEstimator(String name, MultiArmDRLearner scores, PolicyTreeSettings settings,
                                          int betterSign, int defaultArm, double margin)
        implements MultiArmCateEstimator, DirectionAware {
    public MultiArmPolicyTreeEstimator {
        if (betterSign != 1 && betterSign != -1) {
            throw new IllegalArgumentException("betterSign must be +1 or -1, got " + betterSign);
        }
        if (defaultArm < 0 || !(margin >= 0) || Double.isInfinite(margin)) {
            throw new IllegalArgumentException("default arm must be >= 0 and margin a finite number >= 0, got "
                    + defaultArm + ", " + margin);
        }
    }

    /** The estimator for the plain rule (default arm 0, margin 0). */
    public MultiArmPolicyTreeEstimator(String name, MultiArmDRLearner scores, PolicyTreeSettings settings,
                                       int betterSign) {
        this(name, scores, settings, betterSign, 0, 0);
    }

    @Override
    public MultiArmPolicyTree fit(double[][] x, int[] t, int k, double[] y, long seed) {
        double[][] pseudo = scores.pseudoOutcomes(x, t, k, y, Seeds.derive(seed, "policy-tree-scores"));
        double[][] contrasts = new double[y.length][k];
        for (int a = 1; a < k; a++) {
            for (int i = 0; i < y.length; i++) {
                contrasts[i][a] = pseudo[a][i];
            }
        }
        if (defaultArm >= k) {
            throw new IllegalArgumentException("default arm " + defaultArm + " of " + k + " arms");
        }
        return PolicyTreeSearch.fitActions(x, contrasts, betterSign,
                PolicyTreeSearch.marginShift(k, betterSign, defaultArm, margin), settings);
    }

    @Override
    public MultiArmPolicyTreeEstimator forDirection(int sign) {
        return new MultiArmPolicyTreeEstimator(name, scores, settings, sign, defaultArm, margin);
    }

    @Override
    public MultiArmPolicyTreeEstimator forRule(int sign, int arm, double delta) {
        return new MultiArmPolicyTreeEstimator(name, scores, settings, sign, arm, delta);
    }
}
