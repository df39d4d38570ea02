package org.causalrx.learn.linear;

/**
 * Dense kernels on a row-major n × p matrix, written so that the JIT can vectorise the inner loops (four rows are
 * processed together, so each accumulator element is loaded and stored once per four rows). Summation order is
 * fixed, so results are deterministic.
 * <p>
 * From {@link #PARALLEL_ROWS} rows on, the Gram matrix and the cross product sum fixed blocks of {@link #BLOCK_ROWS}
 * consecutive rows each (the last one shorter), the blocks on several threads, and add the blocks' sums in block
 * order: the same bits on any number of threads. Below, one block: the sums as before, bit for bit.
 */
final class Kernels {
    /** Rows from which the Gram matrix and the cross product are summed in blocks on several threads. */
    static final int PARALLEL_ROWS = 131_072;
    /** Rows per block there. */
    static final int BLOCK_ROWS = 65_536;

    private Kernels() {
    }

    /** Blocks of the sums over {@code n} rows: 1 below {@link #PARALLEL_ROWS}, else ⌈n / BLOCK_ROWS⌉. */
    static int blocks(int n) {
        return n < PARALLEL_ROWS ? 1 : (n + BLOCK_ROWS - 1) / BLOCK_ROWS;
    }

    /** Runs {@code body(from, to)} over the row range of every block of {@code n} rows, on several threads. */
    static void forBlocks(int n, RowRange body) {
        int b = blocks(n);
        if (b == 1) {
            body.run(0, n);
            return;
        }
        java.util.stream.IntStream.range(0, b).parallel().forEach(k -> body.run(k * BLOCK_ROWS,
                Math.min(n, (k + 1) * BLOCK_ROWS)));
    }

    /** Work on rows [from, to). */
    @FunctionalInterface
    interface RowRange {
        void run(int from, int to);
    }

    /**
     * Sums of length {@code len} over rows [0, n): {@code body(from, to, acc)} adds rows [from, to) into {@code acc};
     * one block directly into {@code out} (cleared first), several into one array each, added to {@code out} in
     * block order.
     */
    private static void blockSums(int n, int len, double[] out, BlockSum body) {
        int b = blocks(n);
        java.util.Arrays.fill(out, 0, len, 0.0);
        if (b == 1) {
            body.add(0, n, out);
            return;
        }
        double[][] part = new double[b][];
        java.util.stream.IntStream.range(0, b).parallel().forEach(k -> {
            part[k] = new double[len];
            body.add(k * BLOCK_ROWS, Math.min(n, (k + 1) * BLOCK_ROWS), part[k]);
        });
        for (double[] pk : part) {
            for (int j = 0; j < len; j++) {
                out[j] += pk[j];
            }
        }
    }

    /** Adds the terms of rows [from, to) into {@code acc}. */
    @FunctionalInterface
    private interface BlockSum {
        void add(int from, int to, double[] acc);
    }

    /**
     * Weighted Gram matrix {@code Σ_i v_i z_i z_iᵀ} (m × m, row-major, both triangles filled), where
     * {@code z_i = (1, x_i[idx[0]], ..., x_i[idx[s−1]])} when {@code withOne}, else without the leading 1.
     */
    static double[] gram(double[] rows, int n, int p, int[] idx, int s, double[] v, boolean withOne) {
        int off = withOne ? 1 : 0;
        return gram(n, s, v, withOne, (i, z) -> gather(rows, i * p, idx, s, z, off));
    }

    /**
     * {@link #gram(double[], int, int, int[], int, double[], boolean)} of a dense design, stored or view: a view's
     * rows are standardised as they are gathered, to the values the stored design holds, so the sums are the same.
     */
    static double[] gram(Design d, int[] idx, int s, double[] v, boolean withOne) {
        if (!d.isView()) {
            return gram(d.rowMajor, d.n, d.p, idx, s, v, withOne);
        }
        int off = withOne ? 1 : 0;
        return gram(d.n, s, v, withOne, (i, z) -> gather(d, i, idx, s, z, off));
    }

    /** Puts row i's selected values into z (after the leading 1 when there is one). */
    private interface RowGather {
        void gather(int i, double[] z);
    }

    /** The Gram matrix over n rows whose selected values {@code rows} gathers; the one summation order of both. */
    private static double[] gram(int n, int s, double[] v, boolean withOne, RowGather rows) {
        int m = s + (withOne ? 1 : 0);
        double[] g = new double[m * m];
        blockSums(n, m * m, g, (from, to, acc) -> gramRows(from, to, m, v, withOne, rows, acc));
        for (int j = 0; j < m; j++) {
            for (int k = j + 1; k < m; k++) {
                g[k * m + j] = g[j * m + k];
            }
        }
        return g;
    }

    /**
     * The Gram matrix's panels run on the JDK Vector API ({@link GramVectorKernel}) when its module is loaded, else
     * as plain loops: the same operations per cell, so the same bits either way.
     */
    private static final boolean VECTOR = ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();
    /**
     * Rows and columns of a block from which its Gram matrix takes the vector kernel: smaller sums keep the plain
     * loops, which the JIT compiles sooner (the Vector API is slow until compiled); the same bits either way.
     */
    private static final int VECTOR_ROWS = 8_192;
    private static final int VECTOR_COLUMNS = 16;

    /** Rows gathered at a time by {@link #gramRows} (a multiple of 4). */
    private static final int PANEL_ROWS = 64;
    /** Upper-triangle cells of the Gram matrix per strip of {@link #gramRows}: 3,072 doubles, 24 KB. */
    private static final int STRIP_CELLS = 3_072;

    /**
     * Adds rows [from, to) into the upper triangle of the m × m Gram matrix {@code g}: each cell (j, k), k ≥ j,
     * receives {@code v_i z_i[j] z_i[k]} of four consecutive rows at a time, {@code ((a0 z0[k] + a1 z1[k]) + a2 z2[k])
     * + a3 z3[k]} with {@code a_r = v_r z_r[j]}, quads in row order from {@code from}, then the rows after the last
     * quad one at a time. The loops run over panels of {@link #PANEL_ROWS} gathered rows and, within a panel, over
     * strips of rows j of g small enough to stay in the L1 cache while every quad of the panel adds to them; each
     * cell still receives the same terms in the same order, so the sums are the same bits as one pass of quads over
     * the whole triangle.
     */
    private static void gramRows(int from, int to, int m, double[] v, boolean withOne, RowGather rows, double[] g) {
        int quadEnd = from + (to - from) / 4 * 4;
        int[] strips = strips(m);
        double[][] panel = new double[PANEL_ROWS][m];
        double[] pv = new double[PANEL_ROWS];
        boolean vector = VECTOR && m >= VECTOR_COLUMNS && to - from >= VECTOR_ROWS;
        double[] tile = vector ? new double[PANEL_ROWS * 4] : null;
        if (withOne) {
            for (double[] z : panel) {
                z[0] = 1;
            }
        }
        for (int p0 = from; p0 < quadEnd; p0 += PANEL_ROWS) {
            int p1 = Math.min(quadEnd, p0 + PANEL_ROWS);
            int live = 0;
            for (int i = p0; i < p1; i += 4) {
                if (v[i] == 0 && v[i + 1] == 0 && v[i + 2] == 0 && v[i + 3] == 0) {
                    continue;
                }
                for (int r = 0; r < 4; r++) {
                    rows.gather(i + r, panel[live + r]);
                    pv[live + r] = v[i + r];
                }
                live += 4;
            }
            if (vector) {
                GramVectorKernel.panel(panel, pv, live, m, g, tile);
                continue;
            }
            for (int st = 0; st + 1 < strips.length; st++) {
                for (int q = 0; q < live; q += 4) {
                    double[] z0 = panel[q];
                    double[] z1 = panel[q + 1];
                    double[] z2 = panel[q + 2];
                    double[] z3 = panel[q + 3];
                    double v0 = pv[q];
                    double v1 = pv[q + 1];
                    double v2 = pv[q + 2];
                    double v3 = pv[q + 3];
                    for (int j = strips[st]; j < strips[st + 1]; j++) {
                        double a0 = v0 * z0[j];
                        double a1 = v1 * z1[j];
                        double a2 = v2 * z2[j];
                        double a3 = v3 * z3[j];
                        int base = j * m;
                        for (int k = j; k < m; k++) {
                            g[base + k] += a0 * z0[k] + a1 * z1[k] + a2 * z2[k] + a3 * z3[k];
                        }
                    }
                }
            }
        }
        double[] z0 = panel[0];
        for (int i = quadEnd; i < to; i++) {
            double v0 = v[i];
            if (v0 == 0) {
                continue;
            }
            rows.gather(i, z0);
            for (int j = 0; j < m; j++) {
                double a0 = v0 * z0[j];
                int base = j * m;
                for (int k = j; k < m; k++) {
                    g[base + k] += a0 * z0[k];
                }
            }
        }
    }

    /** Strip bounds 0 = b0 &lt; b1 &lt; … = m over the rows j of the upper triangle, about STRIP_CELLS cells each. */
    private static int[] strips(int m) {
        java.util.List<Integer> b = new java.util.ArrayList<>();
        b.add(0);
        int cells = 0;
        for (int j = 0; j < m; j++) {
            cells += m - j;
            if (cells >= STRIP_CELLS) {
                b.add(j + 1);
                cells = 0;
            }
        }
        if (b.get(b.size() - 1) != m) {
            b.add(m);
        }
        return b.stream().mapToInt(Integer::intValue).toArray();
    }

    private static void gather(Design d, int i, int[] idx, int s, double[] z, int off) {
        double[] row = d.rawRow(i);
        for (int a = 0; a < s; a++) {
            int j = idx[a];
            z[off + a] = d.standardised(row[j], j);
        }
    }

    /** {@link #crossProduct(double[], int, int, double[], double[])} of a dense design, stored or view (same sums). */
    static void crossProduct(Design d, double[] r, double[] out) {
        int n = d.n;
        int p = d.p;
        if (!d.isView()) {
            crossProduct(d.rowMajor, n, p, r, out);
            return;
        }
        blockSums(n, p, out, (from, to, acc) -> {
            double[] z0 = new double[p];
            double[] z1 = new double[p];
            double[] z2 = new double[p];
            double[] z3 = new double[p];
            int i = from;
            for (; i + 3 < to; i += 4) {
                double r0 = r[i];
                double r1 = r[i + 1];
                double r2 = r[i + 2];
                double r3 = r[i + 3];
                d.row(i, z0);
                d.row(i + 1, z1);
                d.row(i + 2, z2);
                d.row(i + 3, z3);
                for (int j = 0; j < p; j++) {
                    acc[j] += r0 * z0[j] + r1 * z1[j] + r2 * z2[j] + r3 * z3[j];
                }
            }
            for (; i < to; i++) {
                double r0 = r[i];
                d.row(i, z0);
                for (int j = 0; j < p; j++) {
                    acc[j] += r0 * z0[j];
                }
            }
        });
    }

    private static void gather(double[] rows, int start, int[] idx, int s, double[] z, int off) {
        for (int a = 0; a < s; a++) {
            z[off + a] = rows[start + idx[a]];
        }
    }

    /** {@code out[j] = Σ_i r_i x_ij} for all p columns. */
    static void crossProduct(double[] rows, int n, int p, double[] r, double[] out) {
        blockSums(n, p, out, (from, to, acc) -> {
            int i = from;
            for (; i + 3 < to; i += 4) {
                double r0 = r[i];
                double r1 = r[i + 1];
                double r2 = r[i + 2];
                double r3 = r[i + 3];
                int b0 = i * p;
                int b1 = b0 + p;
                int b2 = b1 + p;
                int b3 = b2 + p;
                for (int j = 0; j < p; j++) {
                    acc[j] += r0 * rows[b0 + j] + r1 * rows[b1 + j] + r2 * rows[b2 + j] + r3 * rows[b3 + j];
                }
            }
            for (; i < to; i++) {
                double r0 = r[i];
                int b0 = i * p;
                for (int j = 0; j < p; j++) {
                    acc[j] += r0 * rows[b0 + j];
                }
            }
        });
    }

    /**
     * The {@link #gram} matrix (with leading 1) for a new feature subset {@code newIdx}, given the one for
     * {@code oldIdx} (both ascending) and the same weights v: entries of features in both subsets are copied, those
     * of new features computed from the row-major n × p matrix {@code rows} (O(n) each), each entry with the same
     * sums in the same order as {@link Design#dot(double[], double[], int)} of the two columns.
     */
    static double[] remapGram(double[] g, int[] oldIdx, int[] newIdx, double[] rows, int p, double[] v, int n) {
        return remapGram(g, oldIdx, newIdx, null, rows, p, v, n);
    }

    /** As above for a dense design, stored or view (the same sums). */
    static double[] remapGram(double[] g, int[] oldIdx, int[] newIdx, Design d, double[] v) {
        return d.isView() ? remapGram(g, oldIdx, newIdx, d, null, d.p, v, d.n)
                : remapGram(g, oldIdx, newIdx, null, d.rowMajor, d.p, v, d.n);
    }

    /** The row-major remap from the stored {@code rows} or, when {@code view} is given, from that view design. */
    private static double[] remapGram(double[] g, int[] oldIdx, int[] newIdx, Design view, double[] rows, int p,
                                      double[] v, int n) {
        int mo = oldIdx.length + 1;
        int mn = newIdx.length + 1;
        int[] pos = new int[mn]; // position in the old matrix, or -1
        pos[0] = 0;
        for (int a = 1; a < mn; a++) {
            int k = java.util.Arrays.binarySearch(oldIdx, newIdx[a - 1]);
            pos[a] = k >= 0 ? k + 1 : -1;
        }
        double[] out = new double[mn * mn];
        for (int a = 0; a < mn; a++) {
            if (pos[a] >= 0) {
                for (int b = 0; b < mn; b++) {
                    if (pos[b] >= 0) {
                        out[a * mn + b] = g[pos[a] * mo + pos[b]];
                    }
                }
            }
        }
        // each new feature's entries (each entry written once: by the earlier of two new features), REMAP_GROUP new
        // features per pass over the rows, the groups on several threads from PARALLEL_ROWS rows: the same sums
        int[] fresh = java.util.stream.IntStream.range(1, mn).filter(a -> pos[a] < 0).toArray();
        int groups = (fresh.length + REMAP_GROUP - 1) / REMAP_GROUP;
        java.util.stream.IntStream tasks = java.util.stream.IntStream.range(0, groups);
        (n >= PARALLEL_ROWS ? tasks.parallel() : tasks).forEach(k -> remapRows(java.util.Arrays.copyOfRange(fresh,
                k * REMAP_GROUP, Math.min(fresh.length, (k + 1) * REMAP_GROUP)), newIdx, pos, view, rows, p, v, n,
                out));
        return out;
    }

    /** New features whose Gram rows {@link #remapGram} sums in one pass over the rows. */
    private static final int REMAP_GROUP = 8;

    /**
     * Rows and columns {@code as} (new features) of the remapped Gram matrix {@code out}: entry (a, 0) the sum of
     * {@code wx_i = v_i x_ia} in row order, entry (a, b) the four-accumulator dot of {@code wx} with column b (as
     * {@link Design#dot(double[], double[], int)}: {@code s_(i mod 4) += wx_i x_ib} over the quads, the tail rows into
     * s0, then {@code (s0 + s1) + (s2 + s3)}), written for every b but the new features before a (their rows hold
     * it). Each row's selected values are read (and, for a view design, standardised) once for the whole group.
     */
    private static void remapRows(int[] as, int[] newIdx, int[] pos, Design view, double[] rows, int p, double[] v,
                                  int n, double[] out) {
        int mn = newIdx.length + 1;
        int nb = mn - 1;
        int f = as.length;
        double[][] s = new double[4 * f][nb];
        double[] sums = new double[f];
        double[][] z = new double[4][nb];
        int i = 0;
        for (; i + 3 < n; i += 4) {
            for (int r = 0; r < 4; r++) {
                selected(view, rows, p, i + r, newIdx, z[r]);
            }
            for (int k = 0; k < f; k++) {
                int c = as[k] - 1;
                double w0 = v[i] * z[0][c];
                double w1 = v[i + 1] * z[1][c];
                double w2 = v[i + 2] * z[2][c];
                double w3 = v[i + 3] * z[3][c];
                sums[k] += w0;
                sums[k] += w1;
                sums[k] += w2;
                sums[k] += w3;
                double[] s0 = s[4 * k];
                double[] s1 = s[4 * k + 1];
                double[] s2 = s[4 * k + 2];
                double[] s3 = s[4 * k + 3];
                double[] z0 = z[0];
                double[] z1 = z[1];
                double[] z2 = z[2];
                double[] z3 = z[3];
                for (int b = 0; b < nb; b++) {
                    s0[b] += w0 * z0[b];
                    s1[b] += w1 * z1[b];
                    s2[b] += w2 * z2[b];
                    s3[b] += w3 * z3[b];
                }
            }
        }
        for (; i < n; i++) {
            selected(view, rows, p, i, newIdx, z[0]);
            for (int k = 0; k < f; k++) {
                double w0 = v[i] * z[0][as[k] - 1];
                sums[k] += w0;
                double[] s0 = s[4 * k];
                for (int b = 0; b < nb; b++) {
                    s0[b] += w0 * z[0][b];
                }
            }
        }
        for (int k = 0; k < f; k++) {
            int a = as[k];
            out[a * mn] = sums[k];
            out[a] = sums[k];
            for (int b = 1; b < mn; b++) {
                if (pos[b] < 0 && b < a) {
                    continue; // filled by row b
                }
                double val = (s[4 * k][b - 1] + s[4 * k + 1][b - 1]) + (s[4 * k + 2][b - 1] + s[4 * k + 3][b - 1]);
                out[a * mn + b] = val;
                out[b * mn + a] = val;
            }
        }
    }

    /** Row i's values of the columns {@code idx} (standardised as read for a view design) into z. */
    private static void selected(Design view, double[] rows, int p, int i, int[] idx, double[] z) {
        if (view == null) {
            int r = i * p;
            for (int c = 0; c < idx.length; c++) {
                z[c] = rows[r + idx[c]];
            }
            return;
        }
        double[] x = view.rawRow(i);
        for (int c = 0; c < idx.length; c++) {
            z[c] = view.standardised(x[idx[c]], idx[c]);
        }
    }

    /**
     * As {@link #remapGram(double[], int[], int[], double[], int, double[], int)} from column-major {@code cols}
     * (the reference the row-major version is tested against).
     */
    static double[] remapGram(double[] g, int[] oldIdx, int[] newIdx, double[][] cols, double[] v, int n) {
        int mo = oldIdx.length + 1;
        int mn = newIdx.length + 1;
        int[] pos = new int[mn]; // position in the old matrix, or -1
        pos[0] = 0;
        for (int a = 1; a < mn; a++) {
            int k = java.util.Arrays.binarySearch(oldIdx, newIdx[a - 1]);
            pos[a] = k >= 0 ? k + 1 : -1;
        }
        double[] out = new double[mn * mn];
        double[] wx = new double[n];
        for (int a = 0; a < mn; a++) {
            if (pos[a] >= 0) {
                for (int b = 0; b < mn; b++) {
                    if (pos[b] >= 0) {
                        out[a * mn + b] = g[pos[a] * mo + pos[b]];
                    }
                }
                continue;
            }
            double[] xa = cols[newIdx[a - 1]];
            double s0 = 0;
            for (int i = 0; i < n; i++) {
                wx[i] = v[i] * xa[i];
                s0 += wx[i];
            }
            out[a * mn] = s0;
            out[a] = s0;
            for (int b = 1; b < mn; b++) {
                if (pos[b] < 0 && b < a) {
                    continue; // already filled from row b
                }
                double val = Design.dot(wx, cols[newIdx[b - 1]], n);
                out[a * mn + b] = val;
                out[b * mn + a] = val;
            }
        }
        return out;
    }
}
