package org.causalrx.causal.policytree;

/**
 * Settings of the policy-tree search.
 *
 * @param depth         questions on a path from the root to a leaf: 1 or 2
 * @param minNodeSize   fewest training patients in a leaf, ≥ 1
 * @param maxThresholds most split thresholds tried per feature, ≥ 1: a feature with more distinct values is cut at
 *                      this many of its training quantiles (the search is exhaustive over these candidates, as
 *                      policytree's {@code split.step} approximation); with fewer distinct values every value
 *                      but the largest is a candidate
 */
public record PolicyTreeSettings(int depth, int minNodeSize, int maxThresholds) {
    public PolicyTreeSettings {
        if (depth != 1 && depth != 2) {
            throw new IllegalArgumentException("depth must be 1 or 2, got " + depth);
        }
        if (minNodeSize < 1) {
            throw new IllegalArgumentException("min_node_size must be at least 1, got " + minNodeSize);
        }
        if (maxThresholds < 1) {
            throw new IllegalArgumentException("max_thresholds must be at least 1, got " + maxThresholds);
        }
    }

    /** Depth 2, leaves of at least 20 patients, at most 200 thresholds per feature. */
    public static PolicyTreeSettings defaults() {
        return new PolicyTreeSettings(2, 20, 200);
    }
}
