package org.causalrx.policy;

import java.util.ArrayList;
import java.util.List;

/**
 * Outcome tree (TRS Fig. 6): held-out patients split by the arm they actually received, then by whether the
 * policy agreed with it, disagreed, or deferred; n and mean (SEM) outcome per node.
 */
public final class OutcomeTree {
    private OutcomeTree() {
    }

    /**
     * @param arm   actual arm (0..K−1) or −1 for the root
     * @param group "all", "agree", "disagree" or "deferred"
     */
    public record Node(int arm, String group, int n, double mean, double sem) {
    }

    /** The two-arm tree: {@link #build(double[], int[], int[], int)} with arms 0 and 1. */
    public static List<Node> build(double[] y, int[] t, int[] decisions) {
        return build(y, t, decisions, 2);
    }

    /**
     * @param y         outcome per patient
     * @param t         arm actually received per patient, 0..arms−1
     * @param decisions the policy's arm per patient, or {@link PolicyDecisions#DEFER}
     * @param arms      number of arms K
     * @return the root, then per arm (0 first) the arm's node and its agree / disagree / deferred children
     *         (1 + 4K nodes); within an arm the three children's counts add up to the arm's
     */
    public static List<Node> build(double[] y, int[] t, int[] decisions, int arms) {
        List<Node> out = new ArrayList<>();
        out.add(node(-1, "all", y, t, decisions));
        for (int arm = 0; arm < arms; arm++) {
            out.add(node(arm, "all", y, t, decisions));
            for (String g : List.of("agree", "disagree", "deferred")) {
                out.add(node(arm, g, y, t, decisions));
            }
        }
        return out;
    }

    private static Node node(int arm, String group, double[] y, int[] t, int[] d) {
        double s = 0;
        double ss = 0;
        int n = 0;
        for (int i = 0; i < y.length; i++) {
            if (arm >= 0 && t[i] != arm) {
                continue;
            }
            boolean in = switch (group) {
                case "agree" -> d[i] == t[i];
                case "disagree" -> d[i] != PolicyDecisions.DEFER && d[i] != t[i];
                case "deferred" -> d[i] == PolicyDecisions.DEFER;
                default -> true;
            };
            if (in) {
                n++;
                s += y[i];
                ss += y[i] * y[i];
            }
        }
        double mean = n == 0 ? Double.NaN : s / n;
        double var = n < 2 ? Double.NaN : (ss - n * mean * mean) / (n - 1);
        return new Node(arm, group, n, mean, n < 2 ? Double.NaN : Math.sqrt(Math.max(var, 0) / n));
    }
}
