package org.causalrx.causal.policytree;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Exhaustive search for the policy tree of depth 1 or 2 that maximises the summed doubly robust reward of its leaf
 * actions, over the split candidates of {@link SplitCandidates}. With Delta_i = Gamma_i(1) − Gamma_i(0) and S_l the
 * sum of Delta over leaf l, a leaf's best gain over arm 0 is max(0, β S_l) (β = +1 when higher outcomes are better,
 * −1 when lower are), and Σ_l max(0, β S_l) = (β Σ_i Delta_i + Σ_l |S_l|) / 2: the best partition maximises
 * Σ_l |S_l| in either direction, only the leaf actions depend on it. A split is kept only when it raises the
 * objective (by more than 1e-10 of Σ|Delta|), so a split whose leaves would get the same action is not made.
 *
 * <p>Depth 2 as policytree does it, with histograms: rows are binned once per feature; for each root feature the
 * rows move to the left child bin by bin, updating the left child's per-feature sums (the right child's are the
 * totals minus them), and at each root threshold both children's best single splits are found by one cumulative
 * scan per feature. Cost O(p²(n + m²)) for p features, n rows and m thresholds per feature. Ties keep the first
 * candidate in (feature, threshold) order, so the result is deterministic.
 */
public final class PolicyTreeSearch {
    private final SplitCandidates cand;
    private final double[] score;
    private final int min;
    private final int depth;
    private final double tol;

    private PolicyTreeSearch(SplitCandidates cand, double[] score, PolicyTreeSettings s) {
        this.cand = cand;
        this.score = score;
        this.min = s.minNodeSize();
        this.depth = s.depth();
        double abs = 0;
        for (double v : score) {
            abs += Math.abs(v);
        }
        this.tol = 1e-10 * abs;
    }

    /**
     * @param x     n × p covariates (not modified), finite
     * @param score n doubly robust contrasts Gamma1 − Gamma0 (outcome units), finite
     */
    public static PolicyTree fit(double[][] x, double[] score, PolicyTreeSettings settings) {
        if (x.length != score.length || score.length == 0) {
            throw new IllegalArgumentException("policy tree: " + x.length + " rows of x for " + score.length
                    + " scores (need the same number, at least one)");
        }
        for (int i = 0; i < score.length; i++) {
            if (!Double.isFinite(score[i]) || Arrays.stream(x[i]).anyMatch(v -> !Double.isFinite(v))) {
                throw new IllegalArgumentException("policy tree: row " + i + " has a non-finite covariate or score");
            }
        }
        PolicyTreeSearch s = new PolicyTreeSearch(SplitCandidates.of(x, settings.maxThresholds()), score.clone(),
                settings);
        int[] all = new int[score.length];
        Arrays.setAll(all, i -> i);
        Split root = settings.depth() == 1 ? s.bestSingle(all) : s.bestRoot();
        List<PolicyTree.Node> nodes = new ArrayList<>();
        s.add(nodes, all, 0, root);
        return new PolicyTree(nodes);
    }

    /** A split: feature and threshold index; value is the objective Σ|S_l| of its two leaves. */
    private record Split(int feature, int cut, double value) {
    }

    /** The best single split of {@code rows}, or null when none raises |S|. */
    private Split bestSingle(int[] rows) {
        int p = cand.features();
        double[][] sum = new double[p][];
        int[][] cnt = new int[p][];
        double s = 0;
        for (int k = 0; k < p; k++) {
            sum[k] = new double[cand.cuts()[k].length + 1];
            cnt[k] = new int[sum[k].length];
        }
        for (int i : rows) {
            s += score[i];
            for (int k = 0; k < p; k++) {
                sum[k][cand.bins()[k][i]] += score[i];
                cnt[k][cand.bins()[k][i]]++;
            }
        }
        Split best = scan(sum, cnt, null, null, rows.length, s);
        return best.feature() >= 0 && best.value() > Math.abs(s) + tol ? best : null;
    }

    /** The best root split of a depth-2 tree (children at their best single split), or null. */
    private Split bestRoot() {
        int p = cand.features();
        int n = score.length;
        double[][] sumAll = new double[p][];
        int[][] cntAll = new int[p][];
        double[][] sumL = new double[p][];
        int[][] cntL = new int[p][];
        double total = 0;
        for (int k = 0; k < p; k++) {
            sumAll[k] = new double[cand.cuts()[k].length + 1];
            cntAll[k] = new int[sumAll[k].length];
            sumL[k] = new double[sumAll[k].length];
            cntL[k] = new int[sumAll[k].length];
        }
        for (int i = 0; i < n; i++) {
            total += score[i];
            for (int k = 0; k < p; k++) {
                sumAll[k][cand.bins()[k][i]] += score[i];
                cntAll[k][cand.bins()[k][i]]++;
            }
        }
        Split best = null;
        double bestValue = Math.abs(total);
        for (int j = 0; j < p; j++) {
            int m = cand.cuts()[j].length;
            int[] order = byBin(cand.bins()[j], m + 1);
            int[] start = binStarts(cntAll[j]);
            for (int k = 0; k < p; k++) {
                Arrays.fill(sumL[k], 0);
                Arrays.fill(cntL[k], 0);
            }
            int nL = 0;
            double sL = 0;
            for (int b = 0; b < m; b++) {
                for (int r = start[b]; r < start[b + 1]; r++) {
                    int i = order[r];
                    double g = score[i];
                    sL += g;
                    for (int k = 0; k < p; k++) {
                        int bin = cand.bins()[k][i];
                        sumL[k][bin] += g;
                        cntL[k][bin]++;
                    }
                }
                nL = start[b + 1];
                if (n - nL < min) {
                    break;
                }
                if (nL < min) {
                    continue;
                }
                double v = Math.max(Math.abs(sL), scan(sumL, cntL, null, null, nL, sL).value())
                        + Math.max(Math.abs(total - sL), scan(sumAll, cntAll, sumL, cntL, n - nL, total - sL).value());
                if (v > bestValue + tol) {
                    bestValue = v;
                    best = new Split(j, b, v);
                }
            }
        }
        return best;
    }

    /**
     * The best single split of a node whose per-feature bin sums are {@code sum − minus} (minus may be null):
     * feature −1 when no split leaves both sides at least {@code min} rows.
     */
    private Split scan(double[][] sum, int[][] cnt, double[][] minus, int[][] minusCnt, int nNode, double sNode) {
        int bestFeature = -1;
        int bestCut = -1;
        double bestValue = Double.NEGATIVE_INFINITY;
        for (int k = 0; k < sum.length; k++) {
            double[] sk = sum[k];
            int[] ck = cnt[k];
            double[] mk = minus == null ? null : minus[k];
            int[] mc = minus == null ? null : minusCnt[k];
            double cs = 0;
            int cc = 0;
            int m = sk.length - 1;
            for (int b = 0; b < m; b++) {
                cs += mk == null ? sk[b] : sk[b] - mk[b];
                cc += mc == null ? ck[b] : ck[b] - mc[b];
                if (nNode - cc < min) {
                    break;
                }
                if (cc < min) {
                    continue;
                }
                double v = Math.abs(cs) + Math.abs(sNode - cs);
                if (v > bestValue) {
                    bestValue = v;
                    bestFeature = k;
                    bestCut = b;
                }
            }
        }
        return new Split(bestFeature, bestCut, bestValue);
    }

    /** Adds the subtree of {@code rows} in preorder; returns its root's index. */
    private int add(List<PolicyTree.Node> nodes, int[] rows, int level, Split given) {
        Split sp = level == 0 ? given : level < depth ? bestSingle(rows) : null;
        double sum = 0;
        for (int i : rows) {
            sum += score[i];
        }
        double mean = sum / rows.length;
        double ss = 0;
        for (int i : rows) {
            ss += (score[i] - mean) * (score[i] - mean);
        }
        double se = rows.length < 2 ? 0 : Math.sqrt(ss / (rows.length - 1) / rows.length);
        int idx = nodes.size();
        nodes.add(null);
        if (sp == null) {
            nodes.set(idx, new PolicyTree.Node(-1, Double.NaN, -1, -1, rows.length, mean, se));
            return idx;
        }
        int[] bins = cand.bins()[sp.feature()];
        int[] left = Arrays.stream(rows).filter(i -> bins[i] <= sp.cut()).toArray();
        int[] right = Arrays.stream(rows).filter(i -> bins[i] > sp.cut()).toArray();
        int l = add(nodes, left, level + 1, null);
        int r = add(nodes, right, level + 1, null);
        nodes.set(idx, new PolicyTree.Node(sp.feature(), cand.cuts()[sp.feature()][sp.cut()], l, r, rows.length,
                mean, se));
        return idx;
    }

    /** Row indices ordered by bin (stable). */
    private static int[] byBin(int[] bins, int nBins) {
        int[] next = new int[nBins + 1];
        for (int b : bins) {
            next[b + 1]++;
        }
        for (int b = 0; b < nBins; b++) {
            next[b + 1] += next[b];
        }
        int[] order = new int[bins.length];
        for (int i = 0; i < bins.length; i++) {
            order[next[bins[i]]++] = i;
        }
        return order;
    }

    /** Start of each bin in {@link #byBin} order, and the total at the end. */
    private static int[] binStarts(int[] counts) {
        int[] start = new int[counts.length + 1];
        for (int b = 0; b < counts.length; b++) {
            start[b + 1] = start[b] + counts[b];
        }
        return start;
    }
}
