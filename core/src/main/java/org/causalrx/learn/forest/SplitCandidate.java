package org.causalrx.learn.forest;

/** Mutable best-split holder used while growing one node. */
public final class SplitCandidate {
    public int var = -1;
    public int nLeft;
    public double threshold;
    public double gain;

    void reset() {
        var = -1;
        nLeft = 0;
        threshold = 0;
        gain = 0;
    }

    /** Records the split if its gain beats the current best (and is positive). */
    public void offer(int v, int left, double thr, double g) {
        if (g > gain) {
            var = v;
            nLeft = left;
            threshold = thr;
            gain = g;
        }
    }
}
