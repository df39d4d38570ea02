package org.causalrx.pipeline;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.causalrx.causal.CateModel;
import org.causalrx.causal.policytree.PolicyTree;
import org.causalrx.policy.DecisionRule;
import org.causalrx.policy.PolicyTreeRules;

/**
 * A fitted policy tree as results.json writes it (key {@code policy_trees}): its nodes with feature names and
 * thresholds, and each leaf's rule with the arm the study's decision rule gives the leaf's mean DR contrast (the
 * Inclusive policy; the Conservative set may still defer a leaf whose interval contains the margin boundary).
 *
 * @param estimator the estimator's name, e.g. "policy_tree"
 * @param depth     questions on the longest path (0: one leaf, everyone gets one arm)
 * @param nodes     preorder, node 0 the root
 * @param leaves    the leaves in preorder with their rules
 */
public record PolicyTreeInfo(String estimator, int depth, List<Node> nodes, List<Leaf> leaves) {
    public PolicyTreeInfo {
        nodes = List.copyOf(nodes);
        leaves = List.copyOf(leaves);
    }

    /**
     * One node.
     *
     * @param node       index in preorder
     * @param feature    split feature (encoded name), null for a leaf
     * @param threshold  patients with feature ≤ threshold go left; null for a leaf
     * @param left       left child's index, null for a leaf
     * @param right      right child's index, null for a leaf
     * @param n          training patients reaching the node
     * @param meanEffect their mean DR contrast, arm 1 minus arm 0 (outcome units)
     * @param se         its standard error
     */
    public record Node(int node, String feature, Double threshold, Integer left, Integer right, int n,
                       double meanEffect, double se) {
    }

    /**
     * One leaf's rule.
     *
     * @param node       index of the leaf
     * @param path       the questions leading to it, e.g. "age ≤ 54 and smokeyrs &gt; 20" ("everyone": no split)
     * @param arm        0 or 1: the decision rule applied to {@code meanEffect}
     * @param armLabel   that arm's label
     * @param rule       path and arm in words, e.g. "age ≤ 54 and smokeyrs &gt; 20 → 'quit'"
     * @param n          training patients in the leaf
     * @param meanEffect their mean DR contrast (outcome units)
     * @param se         its standard error
     */
    public record Leaf(int node, String path, int arm, String armLabel, String rule, int n, double meanEffect,
                       double se) {
    }

    /** The policy trees among a run's fitted CATE models, in the run's order. */
    static List<PolicyTreeInfo> of(Map<String, CateModel> models, List<String> featureNames, DecisionRule rule,
                                   String[] armLabels) {
        List<PolicyTreeInfo> out = new ArrayList<>();
        for (Map.Entry<String, CateModel> e : models.entrySet()) {
            if (e.getValue() instanceof PolicyTree t) {
                out.add(of(e.getKey(), t, featureNames, rule, armLabels));
            }
        }
        return out;
    }

    /** One tree with the features' names, its leaves' arms under {@code rule} and the arms' labels. */
    public static PolicyTreeInfo of(String name, PolicyTree tree, List<String> featureNames, DecisionRule rule,
                                    String[] armLabels) {
        List<Node> nodes = nodes(tree, featureNames);
        List<Leaf> leaves = new ArrayList<>();
        for (PolicyTreeRules.Leaf l : PolicyTreeRules.leaves(tree, featureNames)) {
            PolicyTree.Node nd = tree.nodes().get(l.node());
            int arm = rule.arm(nd.mean());
            leaves.add(new Leaf(l.node(), l.path(), arm, armLabels[arm], l.path() + " → '" + armLabels[arm] + "'",
                    nd.n(), nd.mean(), nd.se()));
        }
        return new PolicyTreeInfo(name, tree.depth(), nodes, leaves);
    }

    /** The tree's nodes with the features' names, in preorder. */
    static List<Node> nodes(PolicyTree tree, List<String> featureNames) {
        List<Node> nodes = new ArrayList<>();
        for (int k = 0; k < tree.nodes().size(); k++) {
            PolicyTree.Node nd = tree.nodes().get(k);
            boolean leaf = nd.isLeaf();
            nodes.add(new Node(k, leaf ? null : featureNames.get(nd.feature()), leaf ? null : nd.threshold(),
                    leaf ? null : nd.left(), leaf ? null : nd.right(), nd.n(), nd.mean(), nd.se()));
        }
        return nodes;
    }
}
