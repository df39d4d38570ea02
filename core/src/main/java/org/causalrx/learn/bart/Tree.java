package org.causalrx.learn.bart;

import java.util.Arrays;

/**
 * One mutable tree of the MCMC state, as parallel node arrays with a free list. Node 0 is the root. An
 * internal node sends a row left iff its bin of {@code var} is at most {@code cut} (a cut index).
 * {@code splittable[node]} caches whether a node has any cut point left given its ancestors' rules.
 */
final class Tree {
    int[] var;
    int[] cut;
    int[] left;
    int[] right;
    int[] parent;
    int[] depth;
    double[] mu;
    boolean[] splittable;
    boolean[] used;
    private int[] free;
    private int freeCount;
    private int highWater;

    /** A single-leaf tree with value mu0. */
    Tree(double mu0, boolean rootSplittable) {
        allocate(8);
        used[0] = true;
        parent[0] = -1;
        mu[0] = mu0;
        splittable[0] = rootSplittable;
        highWater = 1;
    }

    private void allocate(int cap) {
        var = new int[cap];
        cut = new int[cap];
        left = new int[cap];
        right = new int[cap];
        parent = new int[cap];
        depth = new int[cap];
        mu = new double[cap];
        splittable = new boolean[cap];
        used = new boolean[cap];
        free = new int[cap];
        Arrays.fill(left, -1);
        Arrays.fill(right, -1);
    }

    private void ensure(int cap) {
        if (cap <= var.length) {
            return;
        }
        int c = Math.max(cap, 2 * var.length);
        int old = var.length;
        var = Arrays.copyOf(var, c);
        cut = Arrays.copyOf(cut, c);
        left = Arrays.copyOf(left, c);
        right = Arrays.copyOf(right, c);
        parent = Arrays.copyOf(parent, c);
        depth = Arrays.copyOf(depth, c);
        mu = Arrays.copyOf(mu, c);
        splittable = Arrays.copyOf(splittable, c);
        used = Arrays.copyOf(used, c);
        free = Arrays.copyOf(free, c);
        Arrays.fill(left, old, c, -1);
        Arrays.fill(right, old, c, -1);
    }

    /** One past the largest node id ever used (node ids lie below it). */
    int bound() {
        return highWater;
    }

    boolean isLeaf(int node) {
        return left[node] < 0;
    }

    /** Whether node is internal with two leaf children. */
    boolean isNog(int node) {
        return used[node] && left[node] >= 0 && left[left[node]] < 0 && left[right[node]] < 0;
    }

    private int newNode() {
        if (freeCount > 0) {
            return free[--freeCount];
        }
        ensure(highWater + 1);
        return highWater++;
    }

    /** Splits leaf node on (v, c); returns the left child id (the right one is {@code right[node]}). */
    int grow(int node, int v, int c, boolean leftSplittable, boolean rightSplittable) {
        int l = newNode();
        int r = newNode();
        var[node] = v;
        cut[node] = c;
        left[node] = l;
        right[node] = r;
        for (int ch : new int[] {l, r}) {
            used[ch] = true;
            parent[ch] = node;
            depth[ch] = depth[node] + 1;
            left[ch] = -1;
            right[ch] = -1;
            mu[ch] = 0;
        }
        splittable[l] = leftSplittable;
        splittable[r] = rightSplittable;
        return l;
    }

    /** Collapses a node whose children are both leaves into a leaf. */
    void prune(int node) {
        for (int ch : new int[] {left[node], right[node]}) {
            used[ch] = false;
            left[ch] = -1;
            right[ch] = -1;
            free[freeCount++] = ch;
        }
        left[node] = -1;
        right[node] = -1;
    }

    /** Fills buf with leaf ids; returns their count. */
    int leaves(int[] buf) {
        int k = 0;
        for (int i = 0; i < highWater; i++) {
            if (used[i] && left[i] < 0) {
                buf[k++] = i;
            }
        }
        return k;
    }

    /** Fills buf with ids of splittable leaves; returns their count. */
    int goodLeaves(int[] buf) {
        int k = 0;
        for (int i = 0; i < highWater; i++) {
            if (used[i] && left[i] < 0 && splittable[i]) {
                buf[k++] = i;
            }
        }
        return k;
    }

    /** Fills buf with ids of internal nodes whose children are both leaves; returns their count. */
    int nogs(int[] buf) {
        int k = 0;
        for (int i = 0; i < highWater; i++) {
            if (isNog(i)) {
                buf[k++] = i;
            }
        }
        return k;
    }

    /**
     * Fills lo/hi with the range of cut indices of each variable still available at node given its
     * ancestors' rules (empty when lo &gt; hi).
     */
    void ranges(int node, CutPoints cuts, int[] lo, int[] hi) {
        for (int v = 0; v < lo.length; v++) {
            lo[v] = 0;
            hi[v] = cuts.count(v) - 1;
        }
        int child = node;
        int a = parent[node];
        while (a >= 0) {
            int v = var[a];
            if (left[a] == child) {
                hi[v] = Math.min(hi[v], cut[a] - 1);
            } else {
                lo[v] = Math.max(lo[v], cut[a] + 1);
            }
            child = a;
            a = parent[a];
        }
    }
}
