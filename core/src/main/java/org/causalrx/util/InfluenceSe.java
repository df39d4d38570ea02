package org.causalrx.util;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Standard error of a mean of influence-function contributions psi_1..psi_n (same units as psi).
 * <ul>
 *   <li>iid (no groups): SE = sd(psi) / sqrt(n), sd with the n − 1 denominator.</li>
 *   <li>cluster-robust (rows grouped, e.g. the stays of one patient): the centred contributions are summed within
 *       each group, S_g = Σ_{i in g} (psi_i − mean psi), and
 *       SE = sqrt(G/(G − 1) · Σ_g S_g²) / n over the G groups; G/(G − 1) is the usual small-sample factor.
 *       With one row per group this is the iid SE (computed with the same sums, so bit for bit).</li>
 * </ul>
 */
public final class InfluenceSe {
    private InfluenceSe() {
    }

    /**
     * @param psi    per-row contributions, length n (not modified)
     * @param groups group id per row (any ints; rows sharing an id belong to one patient), or null for iid rows
     * @return the standard error; 0 for fewer than two rows or fewer than two groups
     */
    public static double se(double[] psi, int[] groups) {
        int n = psi.length;
        if (groups == null) {
            return Stats.sd(psi) / Math.sqrt(n);
        }
        if (groups.length != n) {
            throw new IllegalArgumentException("groups has " + groups.length + " entries for " + n + " rows");
        }
        Map<Integer, Integer> index = new LinkedHashMap<>();
        int[] groupOfRow = new int[n];
        for (int i = 0; i < n; i++) {
            groupOfRow[i] = index.computeIfAbsent(groups[i], g -> index.size());
        }
        int g = index.size();
        if (g < 2) {
            return 0;
        }
        double m = Stats.mean(psi);
        double[] sums = new double[g];
        for (int i = 0; i < n; i++) {
            sums[groupOfRow[i]] += psi[i] - m;
        }
        double ss = 0;
        for (double s : sums) {
            ss += s * s;
        }
        // sqrt(G/(G-1) · ss) / n written as sqrt(ss/(G-1)) / sqrt(n) · sqrt(G/n): with G = n it is sd / sqrt(n)
        return Math.sqrt(ss / (g - 1)) / Math.sqrt(n) * Math.sqrt(g / (double) n);
    }
}
