package org.causalrx.policy;

/**
 * Win matrix (TRS Table 4): for each ordered pair of policies, the number of bootstrap rounds in which the row
 * policy's value is better than the column's, in the study's outcome direction. Rounds where either value is
 * undefined (NaN) count for neither.
 */
public final class WinMatrix {
    private WinMatrix() {
    }

    /**
     * @param values     per policy, per round (the same resamples for every policy)
     * @param betterSign +1 when higher values are better, −1 when lower are better
     */
    public static int[][] wins(double[][] values, int betterSign) {
        int k = values.length;
        int[][] w = new int[k][k];
        for (int i = 0; i < k; i++) {
            for (int j = 0; j < k; j++) {
                if (i == j) {
                    continue;
                }
                int c = 0;
                double[] a = values[i];
                double[] b = values[j];
                for (int r = 0; r < a.length; r++) {
                    if (betterSign * (a[r] - b[r]) > 0) {
                        c++;
                    }
                }
                w[i][j] = c;
            }
        }
        return w;
    }

    /**
     * The win matrix as shares of the rounds: {@code wins[i][j] / rounds} (0 on the diagonal and when there are no
     * rounds).
     *
     * @param values     per policy, per round
     * @param betterSign +1 when higher values are better, −1 when lower are better
     */
    public static double[][] shares(double[][] values, int betterSign) {
        int[][] w = wins(values, betterSign);
        int rounds = values.length == 0 ? 0 : values[0].length;
        double[][] out = new double[w.length][w.length];
        for (int i = 0; i < w.length; i++) {
            for (int j = 0; j < w.length; j++) {
                out[i][j] = rounds == 0 ? 0 : w[i][j] / (double) rounds;
            }
        }
        return out;
    }
}
