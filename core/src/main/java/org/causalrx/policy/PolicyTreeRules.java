package org.causalrx.policy;

import java.util.ArrayList;
import java.util.List;

import org.causalrx.causal.policytree.PolicyTree;

/**
 * A policy tree's questions in words, with the features' names: a split on a numeric feature reads "age ≤ 54" /
 * "age &gt; 54"; a split of a category's 0/1 column {@code name=level} at a threshold in [0, 1) reads
 * "name ≠ level" / "name = level". A path joins its questions with " and "; the root of a single-leaf tree is
 * "everyone".
 */
public final class PolicyTreeRules {
    /** The path text of a tree without splits. */
    public static final String EVERYONE = "everyone";

    private PolicyTreeRules() {
    }

    /** The questions from the root to the leaf of row {@code x}, e.g. "age ≤ 54 and smokeyrs > 20". */
    public static String path(PolicyTree tree, double[] x, List<String> featureNames) {
        return words(tree, tree.path(x), featureNames);
    }

    /** The questions from the root to each leaf, leaves in preorder. */
    public static List<Leaf> leaves(PolicyTree tree, List<String> featureNames) {
        List<Leaf> out = new ArrayList<>();
        collect(tree, 0, new ArrayList<>(List.of(0)), featureNames, out);
        return out;
    }

    /**
     * One leaf's path.
     *
     * @param node index of the leaf in the tree's preorder
     * @param path its questions in words
     */
    public record Leaf(int node, String path) {
    }

    /** One question: {@code node}'s split answered for its left child ({@code left}) or its right one. */
    public static String question(PolicyTree.Node node, boolean left, List<String> featureNames) {
        String name = featureNames.get(node.feature());
        double c = node.threshold();
        int eq = name.indexOf('=');
        if (eq > 0 && c >= 0 && c < 1) {
            return name.substring(0, eq) + (left ? " ≠ " : " = ") + name.substring(eq + 1);
        }
        return name + (left ? " ≤ " : " > ") + DecisionRule.number(c);
    }

    private static void collect(PolicyTree tree, int k, List<Integer> path, List<String> names, List<Leaf> out) {
        PolicyTree.Node nd = tree.nodes().get(k);
        if (nd.isLeaf()) {
            out.add(new Leaf(k, words(tree, path.stream().mapToInt(Integer::intValue).toArray(), names)));
            return;
        }
        for (int child : new int[] {nd.left(), nd.right()}) {
            path.add(child);
            collect(tree, child, path, names, out);
            path.remove(path.size() - 1);
        }
    }

    private static String words(PolicyTree tree, int[] path, List<String> names) {
        if (path.length <= 1) {
            return EVERYONE;
        }
        List<String> q = new ArrayList<>();
        for (int s = 0; s + 1 < path.length; s++) {
            PolicyTree.Node nd = tree.nodes().get(path[s]);
            q.add(question(nd, path[s + 1] == nd.left(), names));
        }
        return String.join(" and ", q);
    }
}
