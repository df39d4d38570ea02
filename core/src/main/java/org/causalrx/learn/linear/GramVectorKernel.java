package org.causalrx.learn.linear;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorSpecies;

/**
 * The Gram matrix's panel update on the JDK Vector API ({@code jdk.incubator.vector}), used by {@link Kernels} when
 * that module is loaded: four rows j of the upper triangle at a time, lanes over k, each lane one cell. A cell
 * receives, per quad of gathered rows in order, {@code ((a0 z0[k] + a1 z1[k]) + a2 z2[k]) + a3 z3[k]} with
 * {@code a_r = v_r z_r[j]}, as separate IEEE multiplies and adds (no fused multiply-add): the operations of the
 * scalar loop, cell by cell, so the sums are the same bits on any vector width. Each z vector loaded serves four
 * rows j, and the cells stay in registers across the panel's quads. The four rows of a tile start at the tile's
 * first row, so rows j &gt; j0 also fill a few cells k &lt; j of the lower triangle, which the Gram matrix's
 * symmetrisation overwrites.
 */
final class GramVectorKernel {
    private static final VectorSpecies<Double> S = DoubleVector.SPECIES_PREFERRED;

    private GramVectorKernel() {
    }

    /**
     * Adds the panel's {@code live} gathered rows ({@code z[0..live)}, live a multiple of 4, weights {@code pv})
     * into the upper triangle of the m × m matrix {@code g}.
     */
    static void panel(double[][] z, double[] pv, int live, int m, double[] g, double[] a) {
        int quads = live / 4;
        int j0 = 0;
        for (; j0 + 4 <= m; j0 += 4) {
            for (int q = 0; q < quads; q++) {
                for (int r = 0; r < 4; r++) {
                    double[] zr = z[4 * q + r];
                    double vr = pv[4 * q + r];
                    int o = (q * 4 + r) * 4;
                    a[o] = vr * zr[j0];
                    a[o + 1] = vr * zr[j0 + 1];
                    a[o + 2] = vr * zr[j0 + 2];
                    a[o + 3] = vr * zr[j0 + 3];
                }
            }
            int b0 = j0 * m;
            int b1 = b0 + m;
            int b2 = b1 + m;
            int b3 = b2 + m;
            int k = j0;
            int bound = m - S.length();
            for (; k <= bound; k += S.length()) {
                DoubleVector c0 = DoubleVector.fromArray(S, g, b0 + k);
                DoubleVector c1 = DoubleVector.fromArray(S, g, b1 + k);
                DoubleVector c2 = DoubleVector.fromArray(S, g, b2 + k);
                DoubleVector c3 = DoubleVector.fromArray(S, g, b3 + k);
                for (int q = 0; q < quads; q++) {
                    DoubleVector z0 = DoubleVector.fromArray(S, z[4 * q], k);
                    DoubleVector z1 = DoubleVector.fromArray(S, z[4 * q + 1], k);
                    DoubleVector z2 = DoubleVector.fromArray(S, z[4 * q + 2], k);
                    DoubleVector z3 = DoubleVector.fromArray(S, z[4 * q + 3], k);
                    int o = q * 16;
                    c0 = c0.add(z0.mul(a[o]).add(z1.mul(a[o + 4])).add(z2.mul(a[o + 8])).add(z3.mul(a[o + 12])));
                    c1 = c1.add(z0.mul(a[o + 1]).add(z1.mul(a[o + 5])).add(z2.mul(a[o + 9]))
                            .add(z3.mul(a[o + 13])));
                    c2 = c2.add(z0.mul(a[o + 2]).add(z1.mul(a[o + 6])).add(z2.mul(a[o + 10]))
                            .add(z3.mul(a[o + 14])));
                    c3 = c3.add(z0.mul(a[o + 3]).add(z1.mul(a[o + 7])).add(z2.mul(a[o + 11]))
                            .add(z3.mul(a[o + 15])));
                }
                c0.intoArray(g, b0 + k);
                c1.intoArray(g, b1 + k);
                c2.intoArray(g, b2 + k);
                c3.intoArray(g, b3 + k);
            }
            for (int jj = 0; jj < 4; jj++) {
                int base = (j0 + jj) * m;
                for (int kk = Math.max(k, j0 + jj); kk < m; kk++) {
                    double c = g[base + kk];
                    for (int q = 0; q < quads; q++) {
                        int o = q * 16 + jj;
                        c += a[o] * z[4 * q][kk] + a[o + 4] * z[4 * q + 1][kk] + a[o + 8] * z[4 * q + 2][kk]
                                + a[o + 12] * z[4 * q + 3][kk];
                    }
                    g[base + kk] = c;
                }
            }
        }
        for (int j = j0; j < m; j++) {
            int base = j * m;
            for (int kk = j; kk < m; kk++) {
                double c = g[base + kk];
                for (int q = 0; q < quads; q++) {
                    c += pv[4 * q] * z[4 * q][j] * z[4 * q][kk] + pv[4 * q + 1] * z[4 * q + 1][j] * z[4 * q + 1][kk]
                            + pv[4 * q + 2] * z[4 * q + 2][j] * z[4 * q + 2][kk]
                            + pv[4 * q + 3] * z[4 * q + 3][j] * z[4 * q + 3][kk];
                }
                g[base + kk] = c;
            }
        }
    }
}
