package org.causalrx.causal.policytree;

import org.causalrx.causal.BoundaryAware;
import org.causalrx.causal.CateEstimator;
import org.causalrx.causal.meta.DRLearner;
import org.causalrx.util.Seeds;

/**
 * The policy tree as a CATE estimator: the training patients' cross-fitted doubly robust contrasts
 * Gamma1 − Gamma0 (the DR-learner's pseudo-outcomes, from its propensity and arm outcome learners, folds and clip;
 * its final stage is not used), then the exhaustive search of {@link PolicyTreeSearch}. The fitted
 * {@link PolicyTree} predicts the mean contrast of the patient's leaf, so the run values, defers and bundles it as
 * any other estimator. With a decision margin the search runs on the scores minus the rule's boundary
 * ({@link PolicyTreeSearch#fit(double[][], double[], double, PolicyTreeSettings)}), so the tree separates the
 * patients whose gain exceeds the margin, as the rule then decides.
 *
 * @param name     catalogue name, e.g. "policy_tree"
 * @param scores   the DR-learner whose pseudo-outcomes are the scores
 * @param settings depth, leaf size and thresholds of the search
 * @param boundary the effect at which the study's decision rule switches arm (outcome units; 0: the sign rule)
 */
public record PolicyTreeEstimator(String name, DRLearner scores, PolicyTreeSettings settings, double boundary)
        implements CateEstimator, BoundaryAware {
    public PolicyTreeEstimator {
        if (!Double.isFinite(boundary)) {
            throw new IllegalArgumentException("boundary must be finite, got " + boundary);
        }
    }

    /** The estimator for the plain sign rule (boundary 0). */
    public PolicyTreeEstimator(String name, DRLearner scores, PolicyTreeSettings settings) {
        this(name, scores, settings, 0);
    }

    @Override
    public PolicyTreeEstimator forBoundary(double b) {
        return new PolicyTreeEstimator(name, scores, settings, b);
    }

    @Override
    public PolicyTree fit(double[][] x, int[] t, double[] y, long seed) {
        return fit(x, t, y, null, seed);
    }

    /** As above; the cross-fitting folds keep rows of one group (copies of one patient) together. */
    @Override
    public PolicyTree fit(double[][] x, int[] t, double[] y, int[] groups, long seed) {
        double[] gamma = scores.pseudoOutcomes(x, t, y, groups, Seeds.derive(seed, "policy-tree-scores"));
        return PolicyTreeSearch.fit(x, gamma, boundary, settings);
    }
}
