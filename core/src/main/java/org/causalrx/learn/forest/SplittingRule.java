package org.causalrx.learn.forest;

/**
 * Chooses the best split of a node on given responses (grf's splitting rule). {@link #beginTree} is called once
 * per tree, {@link #prepare} once per node, then {@link #scan} once per candidate variable. Rows are tree-local
 * ids (see {@link Relabeling}). One instance serves one worker thread at a time.
 */
public interface SplittingRule {
    /** Called once per tree with its split rows (local id q = training row {@code splitRows[q]}). */
    void beginTree(int[] splitRows);

    /** Node-level totals; returns false if the node cannot be split. */
    boolean prepare(int[] rows, int lo, int hi, double[] responses);

    /**
     * Scans the node's rows {@code sorted[lo..hi)}, ascending in {@code col} (local-id-indexed values of the
     * variable), and records in {@code best} any valid split strictly better than the one it holds (rows with
     * value ≤ threshold go left).
     */
    void scan(int var, int[] sorted, int lo, int hi, double[] col, double[] responses, SplitCandidate best);
}
