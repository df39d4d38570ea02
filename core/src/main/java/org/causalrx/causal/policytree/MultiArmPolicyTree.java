package org.causalrx.causal.policytree;

import java.util.List;

import org.causalrx.causal.MultiArmCateModel;

/**
 * A fitted K-action policy tree as a K-arm CATE model. {@code tree} holds the questions (its nodes' mean and SE are
 * those of the node's action's contrast against arm 0, 0 for arm 0 itself); {@code nodes} holds, per node in the
 * same preorder, the chosen action and the mean doubly robust contrast Gamma_a − Gamma_0 of every arm over the
 * training patients reaching it. A patient's effects are those of the patient's leaf, so the study's K-arm decision
 * rule (the one the search was told: default arm, margin) gives the leaf's action. Immutable.
 *
 * @param tree  the questions, preorder, node 0 the root
 * @param nodes one per node of {@code tree}
 */
public record MultiArmPolicyTree(PolicyTree tree, List<NodeEffects> nodes) implements MultiArmCateModel {

    /**
     * One node's effects.
     *
     * @param action the arm with the largest mean contrast in the study's direction (0 when none beats arm 0)
     * @param mean   per arm, the training patients' mean DR contrast against arm 0 (outcome units; arm 0: 0)
     * @param se     per arm, its standard error (sd / sqrt(n))
     */
    public record NodeEffects(int action, List<Double> mean, List<Double> se) {
        public NodeEffects {
            mean = List.copyOf(mean);
            se = List.copyOf(se);
            if (mean.size() < 2 || se.size() != mean.size() || action < 0 || action >= mean.size()) {
                throw new IllegalArgumentException("node effects: action " + action + " of " + mean.size()
                        + " arms with " + se.size() + " standard errors");
            }
        }
    }

    public MultiArmPolicyTree {
        nodes = List.copyOf(nodes);
        if (nodes.size() != tree.nodes().size()) {
            throw new IllegalArgumentException("K-arm policy tree: " + nodes.size() + " node effects for "
                    + tree.nodes().size() + " nodes");
        }
        int k = nodes.get(0).mean().size();
        if (nodes.stream().anyMatch(nd -> nd.mean().size() != k)) {
            throw new IllegalArgumentException("K-arm policy tree: nodes differ in their number of arms");
        }
    }

    @Override
    public int arms() {
        return nodes.get(0).mean().size();
    }

    /** n × K: each row the mean contrasts of its leaf; column 0 is 0. */
    @Override
    public double[][] effects(double[][] x) {
        int k = arms();
        double[][] out = new double[x.length][k];
        for (int i = 0; i < x.length; i++) {
            List<Double> m = nodes.get(tree.leaf(x[i])).mean();
            for (int a = 1; a < k; a++) {
                out[i][a] = m.get(a);
            }
        }
        return out;
    }

    /** The action of the leaf of each row of x (n × p). */
    public int[] actions(double[][] x) {
        int[] out = new int[x.length];
        for (int i = 0; i < x.length; i++) {
            out[i] = nodes.get(tree.leaf(x[i])).action();
        }
        return out;
    }
}
