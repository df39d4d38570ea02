package org.causalrx.causal.diagnostics;

/** Pearson and Kendall (tau-b) correlation between CATE estimates (paper Tables S.4–S.5). */
public final class Correlations {
    private Correlations() {
    }

    public static double pearson(double[] a, double[] b) {
        int n = a.length;
        double ma = 0;
        double mb = 0;
        for (int i = 0; i < n; i++) {
            ma += a[i];
            mb += b[i];
        }
        ma /= n;
        mb /= n;
        double sab = 0;
        double saa = 0;
        double sbb = 0;
        for (int i = 0; i < n; i++) {
            sab += (a[i] - ma) * (b[i] - mb);
            saa += (a[i] - ma) * (a[i] - ma);
            sbb += (b[i] - mb) * (b[i] - mb);
        }
        return saa == 0 || sbb == 0 ? Double.NaN : sab / Math.sqrt(saa * sbb);
    }

    /** Kendall's tau-b, O(n²) — fine for held-out sets of a few thousand patients. */
    public static double kendall(double[] a, double[] b) {
        int n = a.length;
        long concordant = 0;
        long discordant = 0;
        long tiesA = 0;
        long tiesB = 0;
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                double da = Math.signum(a[i] - a[j]);
                double db = Math.signum(b[i] - b[j]);
                if (da == 0 && db == 0) {
                    continue;
                }
                if (da == 0) {
                    tiesA++;
                } else if (db == 0) {
                    tiesB++;
                } else if (da == db) {
                    concordant++;
                } else {
                    discordant++;
                }
            }
        }
        double denom = Math.sqrt((double) (concordant + discordant + tiesA) * (concordant + discordant + tiesB));
        return denom == 0 ? Double.NaN : (concordant - discordant) / denom;
    }

    /** Symmetric matrix of pairwise correlations; {@code kendall} chooses the measure. */
    public static double[][] matrix(double[][] series, boolean kendall) {
        int k = series.length;
        double[][] m = new double[k][k];
        for (int i = 0; i < k; i++) {
            m[i][i] = 1;
            for (int j = i + 1; j < k; j++) {
                double c = kendall ? kendall(series[i], series[j]) : pearson(series[i], series[j]);
                m[i][j] = c;
                m[j][i] = c;
            }
        }
        return m;
    }
}
