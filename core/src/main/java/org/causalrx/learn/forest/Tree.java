package org.causalrx.learn.forest;

/**
 * One grown tree, immutable, stored as flat primitive arrays. Node 0 is the root; a node with
 * {@code splitVar < 0} is a leaf whose estimation rows are {@code leafRows[leafStart .. leafStart+leafCount)}.
 * Rows with {@code x[splitVar] <= splitValue} go left.
 */
public final class Tree {
    private final int[] splitVar;
    private final double[] splitValue;
    private final int[] left;
    private final int[] right;
    private final int[] leafStart;
    private final int[] leafCount;
    private final int[] leafRows;
    private final long[] drawn;

    Tree(int[] splitVar, double[] splitValue, int[] left, int[] right, int[] leafStart, int[] leafCount,
         int[] leafRows, long[] drawn) {
        this.splitVar = splitVar;
        this.splitValue = splitValue;
        this.left = left;
        this.right = right;
        this.leafStart = leafStart;
        this.leafCount = leafCount;
        this.leafRows = leafRows;
        this.drawn = drawn;
    }

    /**
     * A prediction-only tree rebuilt from its splits (e.g. from a saved model): {@link #leafOf(double[])} works as
     * in the grown tree; it keeps no estimation rows ({@link #leafSize} is 0) and no subsample ({@link #drew}
     * throws). Checks that every split points to nodes in range and after itself, so traversal terminates.
     */
    public static Tree ofSplits(int[] splitVar, double[] splitValue, int[] left, int[] right, int columns) {
        int n = splitVar.length;
        if (n == 0 || splitValue.length != n || left.length != n || right.length != n) {
            throw new IllegalArgumentException("tree arrays must be non-empty and of equal length, found splitVar "
                    + n + ", splitValue " + splitValue.length + ", left " + left.length + ", right " + right.length);
        }
        for (int i = 0; i < n; i++) {
            if (splitVar[i] >= columns || splitVar[i] >= 0 && (left[i] <= i || left[i] >= n || right[i] <= i
                    || right[i] >= n)) {
                throw new IllegalArgumentException("tree node " + i + " (var " + splitVar[i] + ", children "
                        + left[i] + "/" + right[i] + ") is out of range for " + n + " nodes and " + columns
                        + " columns");
            }
        }
        return new Tree(splitVar.clone(), splitValue.clone(), left.clone(), right.clone(), new int[n], new int[n],
                new int[0], new long[0]);
    }

    /** Number of node slots (some may be unreachable after pruning empty leaves). */
    public int nodeCount() {
        return splitVar.length;
    }

    /** The leaf reached by a row-major feature vector. */
    public int leafOf(double[] xRow) {
        int node = 0;
        int v;
        while ((v = splitVar[node]) >= 0) {
            node = xRow[v] <= splitValue[node] ? left[node] : right[node];
        }
        return node;
    }

    /** The leaf reached by training row {@code r} of column-major data. */
    int leafOf(double[][] cols, int r) {
        int node = 0;
        int v;
        while ((v = splitVar[node]) >= 0) {
            node = cols[v][r] <= splitValue[node] ? left[node] : right[node];
        }
        return node;
    }

    /** The leaf reached by training row {@code r} of the data the forest was grown on. */
    public int leafOf(ForestData data, int r) {
        return leafOf(data.cols, r);
    }

    public boolean isLeaf(int node) {
        return splitVar[node] < 0;
    }

    public int splitVar(int node) {
        return splitVar[node];
    }

    public double splitValue(int node) {
        return splitValue[node];
    }

    /** Left child of an internal node. */
    public int leftChild(int node) {
        return left[node];
    }

    /** Right child of an internal node. */
    public int rightChild(int node) {
        return right[node];
    }

    public int leafSize(int node) {
        return leafCount[node];
    }

    /** Estimation rows in a leaf (a copy). */
    public int[] leafRows(int node) {
        int[] out = new int[leafCount[node]];
        System.arraycopy(leafRows, leafStart[node], out, 0, out.length);
        return out;
    }

    /** Calls {@code fn.apply(row)} for every estimation row of a leaf, without copying. */
    public void forEachLeafRow(int node, java.util.function.IntConsumer fn) {
        int s = leafStart[node];
        int e = s + leafCount[node];
        for (int k = s; k < e; k++) {
            fn.accept(leafRows[k]);
        }
    }

    int leafStart(int node) {
        return leafStart[node];
    }

    int[] leafRowsArray() {
        return leafRows;
    }

    /** Whether training row {@code r} was in this tree's subsample (so it is not out-of-bag). */
    public boolean drew(int r) {
        return (drawn[r >>> 6] & (1L << r)) != 0;
    }
}
