package org.causalrx.causal.policytree;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Exhaustive search for the policy tree of depth 1 or 2 that maximises the summed doubly robust reward of its leaf
 * actions, over the split candidates of {@link SplitCandidates}, for two arms ({@link #fit}) or K actions
 * ({@link #fitActions}). Each patient carries a score vector; a leaf's reward is a function of the sum S_l of its
 * patients' vectors ({@link LeafReward}).
 *
 * <p>Two arms: with Delta_i = Gamma_i(1) − Gamma_i(0) and S_l the sum of Delta over leaf l, a leaf's best gain over
 * arm 0 is max(0, β S_l) (β = +1 when higher outcomes are better, −1 when lower are), and Σ_l max(0, β S_l) =
 * (β Σ_i Delta_i + Σ_l |S_l|) / 2: the best partition maximises Σ_l |S_l| in either direction, only the leaf actions
 * depend on it. K actions (policytree's multi-action form): with the contrasts Gamma_i(a) − Gamma_i(0), a leaf
 * takes the action with the largest β S_l(a) (S_l(0) = 0), and the tree maximises Σ_l max_a β S_l(a). A split is
 * kept only when it raises the objective by more than a tolerance (1e-10 of Σ|Delta| for two arms, half that of the
 * summed |contrasts| for K actions, so K = 2 keeps the same splits), so a split whose leaves would get the same
 * action is not made.
 *
 * <p>Depth 2 as policytree does it, with histograms: rows are binned once per feature; for each root feature the
 * rows move to the left child bin by bin, updating the left child's per-feature sums (the right child's are the
 * totals minus them), and at each root threshold both children's best single splits are found by one cumulative
 * scan per feature. Cost O(p² d (n + m²)) for p features, n rows, m thresholds per feature and d scores per row.
 * Ties keep the first candidate in (feature, threshold) order, so the result is deterministic.
 */
public final class PolicyTreeSearch {
    private final SplitCandidates cand;
    /** n × d scores, row-major: row i's j-th score at i d + j. */
    private final double[] score;
    private final int d;
    private final LeafReward reward;
    private final int min;
    private final int depth;
    private final double tol;

    private PolicyTreeSearch(SplitCandidates cand, double[] score, LeafReward reward, PolicyTreeSettings s) {
        this.cand = cand;
        this.score = score;
        this.d = reward.dimension();
        this.reward = reward;
        this.min = s.minNodeSize();
        this.depth = s.depth();
        double abs = 0;
        for (double v : score) {
            abs += Math.abs(v);
        }
        this.tol = reward.tolerance() * abs;
    }

    /**
     * Two arms.
     *
     * @param x     n × p covariates (not modified), finite
     * @param score n doubly robust contrasts Gamma1 − Gamma0 (outcome units), finite
     */
    public static PolicyTree fit(double[][] x, double[] score, PolicyTreeSettings settings) {
        return fit(x, score, 0, settings);
    }

    /**
     * Two arms whose decision rule changes arm where the effect crosses {@code boundary} (the margin δ with the sign
     * of the switch: +δ when the default arm is 0 and higher outcomes are better). The search runs on
     * Delta − boundary, so each leaf is treated by the rule exactly when its mean contrast is past the boundary and
     * the tree separates the patients whose gain exceeds the margin; the nodes keep the mean of Delta itself.
     *
     * @param boundary the effect at which the rule switches arm (outcome units); 0 for the plain sign rule
     */
    public static PolicyTree fit(double[][] x, double[] score, double boundary, PolicyTreeSettings settings) {
        double[] shifted = new double[score.length];
        for (int i = 0; i < score.length; i++) {
            shifted[i] = score[i] - boundary;
        }
        List<Grown> grown = grow(x, shifted, LeafReward.contrast(), settings);
        List<PolicyTree.Node> nodes = new ArrayList<>();
        for (Grown g : grown) {
            nodes.add(new PolicyTree.Node(g.feature(), g.threshold(), g.left(), g.right(), g.n(),
                    g.mean()[0] + boundary, g.se()[0]));
        }
        return new PolicyTree(nodes);
    }

    /**
     * K actions.
     *
     * @param x          n × p covariates (not modified), finite
     * @param contrasts  n × K doubly robust contrasts Gamma_i(a) − Gamma_i(0) (outcome units), finite; column 0 is
     *                   not read (taken as 0)
     * @param betterSign +1 when higher outcomes are better, −1 when lower are
     */
    public static MultiArmPolicyTree fitActions(double[][] x, double[][] contrasts, int betterSign,
                                                PolicyTreeSettings settings) {
        int k = contrasts.length == 0 ? 0 : contrasts[0].length;
        return fitActions(x, contrasts, betterSign, new double[k], settings);
    }

    /**
     * K actions under a decision rule with a margin: {@code shift[a]} is subtracted from every patient's contrast of
     * arm a before the search, so a leaf's action is the arm with the largest margin-adjusted gain (see
     * {@link #marginShift}); the nodes keep the means of the contrasts themselves.
     *
     * @param shift per arm, outcome units (entry 0 not read); all 0 for the plain rule
     */
    public static MultiArmPolicyTree fitActions(double[][] x, double[][] contrasts, int betterSign, double[] shift,
                                                PolicyTreeSettings settings) {
        int k = contrasts.length == 0 ? 0 : contrasts[0].length;
        if (shift.length != k) {
            throw new IllegalArgumentException("policy tree: " + shift.length + " shifts for " + k + " arms");
        }
        LeafReward reward = LeafReward.bestAction(k, betterSign);
        double[] flat = new double[contrasts.length * k];
        for (int i = 0; i < contrasts.length; i++) {
            if (contrasts[i].length != k) {
                throw new IllegalArgumentException("policy tree: row " + i + " has " + contrasts[i].length
                        + " contrasts, row 0 has " + k);
            }
            for (int a = 1; a < k; a++) {
                flat[i * k + a] = contrasts[i][a] - shift[a];
            }
        }
        List<Grown> grown = grow(x, flat, reward, settings);
        List<PolicyTree.Node> nodes = new ArrayList<>();
        List<MultiArmPolicyTree.NodeEffects> effects = new ArrayList<>();
        for (Grown g : grown) {
            int a = reward.action(g.mean());
            double[] mean = g.mean().clone();
            for (int b = 1; b < k; b++) {
                mean[b] += shift[b];
            }
            nodes.add(new PolicyTree.Node(g.feature(), g.threshold(), g.left(), g.right(), g.n(), mean[a],
                    g.se()[a]));
            effects.add(new MultiArmPolicyTree.NodeEffects(a, Arrays.stream(mean).boxed().toList(),
                    Arrays.stream(g.se()).boxed().toList()));
        }
        return new MultiArmPolicyTree(new PolicyTree(nodes), effects);
    }

    /**
     * The per-arm shifts of {@link #fitActions(double[][], double[][], int, double[], PolicyTreeSettings)} for the
     * K-arm rule "keep {@code defaultArm} unless another arm's gain in the outcome's direction exceeds
     * {@code margin}": each arm but the default pays the margin, relative to arm 0, so
     * shift[a] = betterSign · margin · ([a ≠ default] − [0 ≠ default]).
     */
    public static double[] marginShift(int arms, int betterSign, int defaultArm, double margin) {
        double[] shift = new double[arms];
        double base = defaultArm != 0 ? 1 : 0;
        for (int a = 1; a < arms; a++) {
            shift[a] = betterSign * margin * ((a != defaultArm ? 1 : 0) - base);
        }
        return shift;
    }

    /** The tree's nodes in preorder, each with the per-score mean and standard error of its patients. */
    private static List<Grown> grow(double[][] x, double[] score, LeafReward reward, PolicyTreeSettings settings) {
        int d = reward.dimension();
        int n = score.length / d;
        if (x.length != n || n == 0) {
            throw new IllegalArgumentException("policy tree: " + x.length + " rows of x for " + n
                    + " score rows (need the same number, at least one)");
        }
        for (int i = 0; i < n; i++) {
            boolean bad = Arrays.stream(x[i]).anyMatch(v -> !Double.isFinite(v));
            for (int j = 0; j < d; j++) {
                bad |= !Double.isFinite(score[i * d + j]);
            }
            if (bad) {
                throw new IllegalArgumentException("policy tree: row " + i + " has a non-finite covariate or score");
            }
        }
        PolicyTreeSearch s = new PolicyTreeSearch(SplitCandidates.of(x, settings.maxThresholds()), score, reward,
                settings);
        int[] all = new int[n];
        Arrays.setAll(all, i -> i);
        Split root = settings.depth() == 1 ? s.bestSingle(all) : s.bestRoot();
        List<Grown> nodes = new ArrayList<>();
        s.add(nodes, all, 0, root);
        return nodes;
    }

    /** A split: feature and threshold index; value is the summed reward of its two leaves. */
    private record Split(int feature, int cut, double value) {
    }

    /** A node as grown: split (feature −1 for a leaf), patients, per-score mean and standard error. */
    private record Grown(int feature, double threshold, int left, int right, int n, double[] mean, double[] se) {
    }

    /** Per-feature bin sums (d per bin) and counts of a set of rows. */
    private double[][] emptySums() {
        double[][] sum = new double[cand.features()][];
        for (int k = 0; k < sum.length; k++) {
            sum[k] = new double[(cand.cuts()[k].length + 1) * d];
        }
        return sum;
    }

    private int[][] emptyCounts() {
        int[][] cnt = new int[cand.features()][];
        for (int k = 0; k < cnt.length; k++) {
            cnt[k] = new int[cand.cuts()[k].length + 1];
        }
        return cnt;
    }

    /** Adds row i to the per-feature bin sums and counts. */
    private void addRow(int i, double[][] sum, int[][] cnt) {
        int o = i * d;
        for (int k = 0; k < sum.length; k++) {
            int bin = cand.bins()[k][i];
            for (int j = 0; j < d; j++) {
                sum[k][bin * d + j] += score[o + j];
            }
            cnt[k][bin]++;
        }
    }

    /** The best single split of {@code rows}, or null when none raises the reward. */
    private Split bestSingle(int[] rows) {
        double[][] sum = emptySums();
        int[][] cnt = emptyCounts();
        double[] s = new double[d];
        for (int i : rows) {
            for (int j = 0; j < d; j++) {
                s[j] += score[i * d + j];
            }
            addRow(i, sum, cnt);
        }
        Split best = scan(sum, cnt, null, null, rows.length, s);
        return best.feature() >= 0 && best.value() > reward.of(s) + tol ? best : null;
    }

    /** The best root split of a depth-2 tree (children at their best single split), or null. */
    private Split bestRoot() {
        int p = cand.features();
        int n = score.length / d;
        double[][] sumAll = emptySums();
        int[][] cntAll = emptyCounts();
        double[][] sumL = emptySums();
        int[][] cntL = emptyCounts();
        double[] total = new double[d];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < d; j++) {
                total[j] += score[i * d + j];
            }
            addRow(i, sumAll, cntAll);
        }
        Split best = null;
        double bestValue = reward.of(total);
        double[] sL = new double[d];
        double[] sR = new double[d];
        for (int j = 0; j < p; j++) {
            int m = cand.cuts()[j].length;
            int[] order = byBin(cand.bins()[j], m + 1);
            int[] start = binStarts(cntAll[j]);
            for (int k = 0; k < p; k++) {
                Arrays.fill(sumL[k], 0);
                Arrays.fill(cntL[k], 0);
            }
            Arrays.fill(sL, 0);
            int nL = 0;
            for (int b = 0; b < m; b++) {
                for (int r = start[b]; r < start[b + 1]; r++) {
                    int i = order[r];
                    for (int q = 0; q < d; q++) {
                        sL[q] += score[i * d + q];
                    }
                    addRow(i, sumL, cntL);
                }
                nL = start[b + 1];
                if (n - nL < min) {
                    break;
                }
                if (nL < min) {
                    continue;
                }
                for (int q = 0; q < d; q++) {
                    sR[q] = total[q] - sL[q];
                }
                double v = Math.max(reward.of(sL), scan(sumL, cntL, null, null, nL, sL).value())
                        + Math.max(reward.of(sR), scan(sumAll, cntAll, sumL, cntL, n - nL, sR).value());
                if (v > bestValue + tol) {
                    bestValue = v;
                    best = new Split(j, b, v);
                }
            }
        }
        return best;
    }

    /**
     * The best single split of a node whose per-feature bin sums are {@code sum − minus} (minus may be null) and
     * whose score sums are {@code sNode}: feature −1 when no split leaves both sides at least {@code min} rows.
     */
    private Split scan(double[][] sum, int[][] cnt, double[][] minus, int[][] minusCnt, int nNode, double[] sNode) {
        int bestFeature = -1;
        int bestCut = -1;
        double bestValue = Double.NEGATIVE_INFINITY;
        double[] cs = new double[d];
        double[] rest = new double[d];
        for (int k = 0; k < sum.length; k++) {
            double[] sk = sum[k];
            int[] ck = cnt[k];
            double[] mk = minus == null ? null : minus[k];
            int[] mc = minus == null ? null : minusCnt[k];
            Arrays.fill(cs, 0);
            int cc = 0;
            int m = ck.length - 1;
            for (int b = 0; b < m; b++) {
                for (int j = 0; j < d; j++) {
                    cs[j] += mk == null ? sk[b * d + j] : sk[b * d + j] - mk[b * d + j];
                }
                cc += mc == null ? ck[b] : ck[b] - mc[b];
                if (nNode - cc < min) {
                    break;
                }
                if (cc < min) {
                    continue;
                }
                for (int j = 0; j < d; j++) {
                    rest[j] = sNode[j] - cs[j];
                }
                double v = reward.of(cs) + reward.of(rest);
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
    private int add(List<Grown> nodes, int[] rows, int level, Split given) {
        Split sp = level == 0 ? given : level < depth ? bestSingle(rows) : null;
        double[] mean = new double[d];
        double[] se = new double[d];
        for (int j = 0; j < d; j++) {
            double sum = 0;
            for (int i : rows) {
                sum += score[i * d + j];
            }
            mean[j] = sum / rows.length;
            double ss = 0;
            for (int i : rows) {
                ss += (score[i * d + j] - mean[j]) * (score[i * d + j] - mean[j]);
            }
            se[j] = rows.length < 2 ? 0 : Math.sqrt(ss / (rows.length - 1) / rows.length);
        }
        int idx = nodes.size();
        nodes.add(null);
        if (sp == null) {
            nodes.set(idx, new Grown(-1, Double.NaN, -1, -1, rows.length, mean, se));
            return idx;
        }
        int[] bins = cand.bins()[sp.feature()];
        int[] left = Arrays.stream(rows).filter(i -> bins[i] <= sp.cut()).toArray();
        int[] right = Arrays.stream(rows).filter(i -> bins[i] > sp.cut()).toArray();
        int l = add(nodes, left, level + 1, null);
        int r = add(nodes, right, level + 1, null);
        nodes.set(idx, new Grown(sp.feature(), cand.cuts()[sp.feature()][sp.cut()], l, r, rows.length, mean, se));
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
