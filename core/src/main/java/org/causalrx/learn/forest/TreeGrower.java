package org.causalrx.learn.forest;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Grows one tree on presorted primitive arrays. Each node is a contiguous range in p per-variable sorted row
 * lists; a split stably partitions every list, so no node is ever sorted again. After growing on the split rows,
 * the fill rows are routed down to populate the leaves, and splits with an empty child are removed (grf's
 * pruning of empty leaves). Not thread-safe: one grower per worker.
 */
public final class TreeGrower {
    private final ForestData data;
    private final ForestSettings settings;
    private final int mtry;
    private final int[][] sorted;
    private final double[][] localCols;
    private final int[] localId;
    private final int[] tmp;
    private final byte[] mark;
    private final double[] scratch;
    private final int[] vars;
    private final SplitCandidate best = new SplitCandidate();
    // growable node arrays
    private int[] nVar = new int[64];
    private double[] nVal = new double[64];
    private int[] nLeft = new int[64];
    private int[] nRight = new int[64];
    private int[] nLo = new int[64];
    private int[] nHi = new int[64];
    private int count;
    private int[] stack = new int[64];

    public TreeGrower(ForestData data, ForestSettings settings) {
        this.data = data;
        this.settings = settings;
        this.mtry = settings.mtryFor(data.p);
        this.sorted = new int[data.p][data.n];
        this.localCols = new double[data.p][data.n];
        this.localId = new int[data.n];
        this.tmp = new int[data.n];
        this.mark = new byte[data.n];
        this.scratch = new double[data.n];
        this.vars = new int[data.p];
        for (int j = 0; j < data.p; j++) {
            vars[j] = j;
        }
    }

    /** Grows tree k: draws its sample, chooses splits on the split rows, fills leaves with the fill rows. */
    public Tree grow(ForestSampler sampler, int k, Relabeling relabeling, SplittingRule rule) {
        SplittableRandom rng = new SplittableRandom(sampler.treeSeed(k));
        ForestSampler.TreeSample s = sampler.draw(k, rng);
        return grow(s, rng, relabeling, rule);
    }

    Tree grow(ForestSampler.TreeSample s, SplittableRandom rng, Relabeling relabeling, SplittingRule rule) {
        int n = data.n;
        int p = data.p;
        int[] split = s.splitRows();
        int m = split.length;
        // tree-local ids: q stands for training row split[q]; all per-row arrays of this tree are m long
        for (int q = 0; q < m; q++) {
            int r = split[q];
            mark[r] = 1;
            localId[r] = q;
        }
        for (int j = 0; j < p; j++) {
            int[] ord = data.order[j];
            int[] dst = sorted[j];
            int c = 0;
            for (int i = 0; i < n; i++) {
                int r = ord[i];
                dst[c] = localId[r]; // branch-free filter: keep r only if marked
                c += mark[r];
            }
            double[] src = data.cols[j];
            double[] lc = localCols[j];
            for (int q = 0; q < m; q++) {
                lc[q] = src[split[q]];
            }
        }
        for (int r : split) {
            mark[r] = 0;
        }
        relabeling.beginTree(split);
        rule.beginTree(split);
        for (int j = 0; j < p; j++) {
            vars[j] = j; // candidate draws must depend on this tree's seed only, not on earlier trees
        }
        count = 0;
        int root = newNode(0, m);
        int sp = 0;
        stack[sp++] = root;
        while (sp > 0) {
            int node = stack[--sp];
            int lo = nLo[node];
            int hi = nHi[node];
            if (hi - lo <= settings.minNodeSize()) {
                continue;
            }
            double[] resp = relabeling.relabel(sorted[0], lo, hi, scratch);
            if (resp == null || !rule.prepare(sorted[0], lo, hi, resp)) {
                continue;
            }
            best.reset();
            for (int t = 0; t < mtry; t++) {
                int j = t + rng.nextInt(p - t);
                int v = vars[j];
                vars[j] = vars[t];
                vars[t] = v;
                rule.scan(v, sorted[v], lo, hi, localCols[v], resp, best);
            }
            if (best.var < 0) {
                continue;
            }
            int v = best.var;
            int mid = lo + best.nLeft;
            int[] sv = sorted[v];
            for (int q = lo; q < mid; q++) {
                mark[sv[q]] = 1;
            }
            for (int j = 0; j < p; j++) {
                if (j != v) {
                    partition(sorted[j], lo, hi);
                }
            }
            for (int q = lo; q < mid; q++) {
                mark[sv[q]] = 0;
            }
            int l = newNode(lo, mid);
            int r = newNode(mid, hi);
            nVar[node] = v;
            nVal[node] = best.threshold;
            nLeft[node] = l;
            nRight[node] = r;
            if (sp + 2 > stack.length) {
                stack = Arrays.copyOf(stack, stack.length * 2);
            }
            stack[sp++] = r;
            stack[sp++] = l;
        }
        return finish(s);
    }

    /** Stable partition of a[lo..hi): marked rows first. */
    private void partition(int[] a, int lo, int hi) {
        int w = lo;
        int t = 0;
        for (int q = lo; q < hi; q++) {
            int r = a[q];
            int m = mark[r];
            a[w] = r; // branch-free: write to both, advance one (w ≤ q, so a[q..] is not yet overwritten)
            tmp[t] = r;
            w += m;
            t += 1 - m;
        }
        System.arraycopy(tmp, 0, a, w, t);
    }

    private int newNode(int lo, int hi) {
        if (count == nVar.length) {
            int c = count * 2;
            nVar = Arrays.copyOf(nVar, c);
            nVal = Arrays.copyOf(nVal, c);
            nLeft = Arrays.copyOf(nLeft, c);
            nRight = Arrays.copyOf(nRight, c);
            nLo = Arrays.copyOf(nLo, c);
            nHi = Arrays.copyOf(nHi, c);
        }
        nVar[count] = -1;
        nVal[count] = 0;
        nLeft[count] = -1;
        nRight[count] = -1;
        nLo[count] = lo;
        nHi[count] = hi;
        return count++;
    }

    private Tree finish(ForestSampler.TreeSample s) {
        int nodes = count;
        int[] splitVar = Arrays.copyOf(nVar, nodes);
        double[] splitValue = Arrays.copyOf(nVal, nodes);
        int[] left = Arrays.copyOf(nLeft, nodes);
        int[] right = Arrays.copyOf(nRight, nodes);
        int[] fill = s.fillRows();
        int[] leafOfRow = new int[fill.length];
        int[] leafCount = new int[nodes];
        double[][] cols = data.cols;
        for (int q = 0; q < fill.length; q++) {
            int r = fill[q];
            int node = 0;
            int v;
            while ((v = splitVar[node]) >= 0) {
                node = cols[v][r] <= splitValue[node] ? left[node] : right[node];
            }
            leafOfRow[q] = node;
            leafCount[node]++;
        }
        int[] leafStart = new int[nodes];
        int acc = 0;
        for (int node = 0; node < nodes; node++) {
            leafStart[node] = acc;
            acc += leafCount[node];
        }
        int[] leafRows = new int[fill.length];
        int[] pos = Arrays.copyOf(leafStart, nodes);
        for (int q = 0; q < fill.length; q++) {
            leafRows[pos[leafOfRow[q]]++] = fill[q];
        }
        // prune splits with an empty child (children always have larger indices than parents)
        for (int node = nodes - 1; node >= 0; node--) {
            if (splitVar[node] < 0) {
                continue;
            }
            int l = left[node];
            int r = right[node];
            boolean lEmpty = splitVar[l] < 0 && leafCount[l] == 0;
            boolean rEmpty = splitVar[r] < 0 && leafCount[r] == 0;
            if (lEmpty || rEmpty) {
                int src = lEmpty ? r : l;
                splitVar[node] = splitVar[src];
                splitValue[node] = splitValue[src];
                left[node] = left[src];
                right[node] = right[src];
                leafStart[node] = leafStart[src];
                leafCount[node] = leafCount[src];
            }
        }
        long[] drawn = new long[(data.n + 63) >>> 6];
        for (int r : s.drawn()) {
            drawn[r >>> 6] |= 1L << r;
        }
        return new Tree(splitVar, splitValue, left, right, leafStart, leafCount, leafRows, drawn);
    }
}
