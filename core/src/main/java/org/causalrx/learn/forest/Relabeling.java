package org.causalrx.learn.forest;

/**
 * Turns a node's rows into the responses a CART split is chosen on (grf's relabeling strategy). One instance
 * serves one worker thread at a time.
 */
public interface Relabeling {
    /**
     * @param rows    node rows are {@code rows[lo..hi)}
     * @param scratch a row-indexed array of length n that may be written and returned
     * @return a row-indexed response array (valid at the node's rows), or {@code null} if the node cannot be split
     */
    double[] relabel(int[] rows, int lo, int hi, double[] scratch);
}
