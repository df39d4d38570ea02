package org.causalrx.learn.forest;

/**
 * Turns a node's rows into the responses a CART split is chosen on (grf's relabeling strategy). One instance
 * serves one worker thread at a time. Rows are tree-local ids: id q stands for training row
 * {@code splitRows[q]} of the tree announced by {@link #beginTree}, so that all per-row arrays of a tree are
 * small and contiguous.
 */
public interface Relabeling {
    /** Called once per tree with its split rows (local id q = training row {@code splitRows[q]}). */
    void beginTree(int[] splitRows);

    /**
     * @param rows    node rows (local ids) are {@code rows[lo..hi)}
     * @param scratch a local-id-indexed array of length ≥ the tree's split rows that may be written and returned
     * @return a local-id-indexed response array (valid at the node's rows), or {@code null} if the node cannot
     *         be split
     */
    double[] relabel(int[] rows, int lo, int hi, double[] scratch);
}
