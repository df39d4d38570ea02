package org.causalrx.causal.policytree;

import java.util.List;

import org.causalrx.causal.EffectIntervals;
import org.causalrx.causal.IntervalCateModel;
import org.causalrx.util.Normal;

/**
 * A fitted policy tree as a CATE model. Nodes are in preorder, node 0 the root; an internal node sends a patient
 * with {@code x[feature] ≤ threshold} to {@code left}, else to {@code right}. The effect of a patient is the mean
 * doubly robust contrast Gamma1 − Gamma0 of the training patients in the patient's leaf (outcome units), so the
 * sign rule gives the leaf's best arm in either outcome direction; the interval is that mean ± z · SE, with SE the
 * leaf's standard error of the mean: conditional on the learned tree, which was chosen on the same scores, so it
 * is narrower than a refit-the-search interval would be. Immutable.
 *
 * @param nodes at least the root
 */
public record PolicyTree(List<Node> nodes) implements IntervalCateModel {
    /** How the effect interval is computed, in words. */
    public static final String INTERVAL_METHOD = "mean DR contrast of the patient's leaf ± z × its standard error "
            + "(conditional on the learned tree; normal interval)";

    /**
     * One node.
     *
     * @param feature   split feature (column of x), or −1 for a leaf
     * @param threshold split value (x ≤ threshold goes left); NaN for a leaf
     * @param left      index of the left child, −1 for a leaf
     * @param right     index of the right child, −1 for a leaf
     * @param n         training patients reaching the node
     * @param mean      their mean DR contrast Gamma1 − Gamma0 (outcome units)
     * @param se        its standard error (sd / sqrt(n); 0 for one patient)
     */
    public record Node(int feature, double threshold, int left, int right, int n, double mean, double se) {
        public boolean isLeaf() {
            return feature < 0;
        }
    }

    public PolicyTree {
        nodes = List.copyOf(nodes);
        if (nodes.isEmpty()) {
            throw new IllegalArgumentException("a policy tree needs at least its root");
        }
        for (int k = 0; k < nodes.size(); k++) {
            Node nd = nodes.get(k);
            boolean badChild = nd.left() <= k || nd.right() <= k || nd.left() >= nodes.size()
                    || nd.right() >= nodes.size();
            if (!nd.isLeaf() && (badChild || Double.isNaN(nd.threshold()))) {
                throw new IllegalArgumentException("policy tree node " + k + " has children " + nd.left() + ", "
                        + nd.right() + " and threshold " + nd.threshold() + " (" + nodes.size() + " nodes)");
            }
        }
    }

    /** Index of the leaf row {@code x} falls in. */
    public int leaf(double[] x) {
        int k = 0;
        while (!nodes.get(k).isLeaf()) {
            Node nd = nodes.get(k);
            k = x[nd.feature()] <= nd.threshold() ? nd.left() : nd.right();
        }
        return k;
    }

    /** Node indices from the root to the leaf of {@code x}, both included. */
    public int[] path(double[] x) {
        int[] out = new int[depth() + 1];
        int len = 0;
        int k = 0;
        out[len++] = 0;
        while (!nodes.get(k).isLeaf()) {
            Node nd = nodes.get(k);
            k = x[nd.feature()] <= nd.threshold() ? nd.left() : nd.right();
            out[len++] = k;
        }
        return java.util.Arrays.copyOf(out, len);
    }

    /** Questions on the longest root-to-leaf path (0 for a single leaf). */
    public int depth() {
        return depth(0);
    }

    @Override
    public double[] effect(double[][] x) {
        double[] out = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            out[i] = nodes.get(leaf(x[i])).mean();
        }
        return out;
    }

    @Override
    public EffectIntervals effectInterval(double[][] x, double alpha) {
        if (!(alpha > 0 && alpha < 1)) {
            throw new IllegalArgumentException("alpha must lie in (0, 1), got " + alpha);
        }
        double z = Normal.quantile(1 - alpha / 2);
        double[] lo = new double[x.length];
        double[] hi = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            Node leaf = nodes.get(leaf(x[i]));
            lo[i] = leaf.mean() - z * leaf.se();
            hi[i] = leaf.mean() + z * leaf.se();
        }
        return new EffectIntervals(lo, hi);
    }

    private int depth(int k) {
        Node nd = nodes.get(k);
        return nd.isLeaf() ? 0 : 1 + Math.max(depth(nd.left()), depth(nd.right()));
    }
}
