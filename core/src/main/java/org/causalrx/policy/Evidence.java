package org.causalrx.policy;

import java.util.Arrays;

/**
 * How often a claim about policy values holds over bootstrap rounds, and the one threshold at which the evidence
 * counts as clear. Values are per policy, per round (as in {@link Bootstrap.Result}); {@code sign} is +1 when higher
 * values are better, −1 when lower are better. Rounds in which a compared value is NaN are left out of the share.
 */
public final class Evidence {
    /** A claim is clear when it holds in at least this share of bootstrap rounds. */
    public static final double CLEAR_SHARE = 0.95;

    private Evidence() {
    }

    /** Whether a share of rounds is clear evidence. NaN is not. */
    public static boolean clear(double share) {
        return share >= CLEAR_SHARE;
    }

    /**
     * Per policy: the share of rounds in which its value is at least as good as every other policy's (ties count
     * for all tied policies, so identical policies share the rounds they win).
     */
    public static double[] bestShares(double[][] values, int sign) {
        int k = values.length;
        double[] share = new double[k];
        if (k == 0) {
            return share;
        }
        int rounds = values[0].length;
        int[] counted = new int[k];
        int[] best = new int[k];
        for (int r = 0; r < rounds; r++) {
            double top = Double.NaN;
            for (double[] v : values) {
                double s = sign * v[r];
                if (!Double.isNaN(s) && (Double.isNaN(top) || s > top)) {
                    top = s;
                }
            }
            for (int p = 0; p < k; p++) {
                double s = sign * values[p][r];
                if (Double.isNaN(s)) {
                    continue;
                }
                counted[p]++;
                if (s >= top) {
                    best[p]++;
                }
            }
        }
        for (int p = 0; p < k; p++) {
            share[p] = counted[p] == 0 ? Double.NaN : best[p] / (double) counted[p];
        }
        return share;
    }

    /** The share of rounds in which {@code a} is strictly better than {@code b}. */
    public static double beatsShare(double[] a, double[] b, int sign) {
        int counted = 0;
        int wins = 0;
        for (int r = 0; r < a.length; r++) {
            if (Double.isNaN(a[r]) || Double.isNaN(b[r])) {
                continue;
            }
            counted++;
            if (sign * (a[r] - b[r]) > 0) {
                wins++;
            }
        }
        return counted == 0 ? Double.NaN : wins / (double) counted;
    }

    /**
     * The oriented gain {@code sign · (a − b)} per round, without NaN rounds, sorted ascending.
     */
    public static double[] sortedGain(double[] a, double[] b, int sign) {
        double[] g = new double[a.length];
        int m = 0;
        for (int r = 0; r < a.length; r++) {
            if (!Double.isNaN(a[r]) && !Double.isNaN(b[r])) {
                g[m++] = sign * (a[r] - b[r]);
            }
        }
        double[] out = Arrays.copyOf(g, m);
        Arrays.sort(out);
        return out;
    }
}
