package org.causalrx.causal.forest;

/**
 * LU factorisation with partial pivoting of a small dense d × d matrix (row-major, d = K − 1 treatment dimensions),
 * factored once and then solved for many right-hand sides. A nearly singular matrix gets a ridge of
 * {@link #RIDGE} times its mean diagonal. For d = 1 a solve is exactly {@code b / a}, so the one-arm case does the
 * same floating-point operations as the binary causal forest. One instance serves one thread.
 */
final class SmallLinearSolve {
    /** Relative ridge added to the diagonal of a (nearly) singular matrix. */
    static final double RIDGE = 1e-8;
    /** A pivot at or below this share of the largest diagonal entry counts as zero. */
    private static final double TINY = 1e-12;

    private final int d;
    private final double[] lu;
    private final int[] piv;
    private final double[] tmp;

    SmallLinearSolve(int d) {
        this.d = d;
        this.lu = new double[d * d];
        this.piv = new int[d];
        this.tmp = new double[d];
    }

    /**
     * Factors {@code a} (d × d row-major, not modified), adding a ridge if it is nearly singular. Returns false
     * when a diagonal entry is not positive (a treatment dimension without variation), or the ridged matrix is
     * still singular; then {@link #solve} must not be called.
     */
    boolean factor(double[] a) {
        double maxDiag = 0;
        double trace = 0;
        for (int j = 0; j < d; j++) {
            double v = a[j * d + j];
            if (!(v > 0)) {
                return false;
            }
            maxDiag = Math.max(maxDiag, v);
            trace += v;
        }
        if (decompose(a, 0, maxDiag)) {
            return true;
        }
        double ridge = RIDGE * trace / d;
        return decompose(a, ridge, maxDiag + ridge);
    }

    private boolean decompose(double[] a, double ridge, double scale) {
        System.arraycopy(a, 0, lu, 0, d * d);
        if (ridge > 0) {
            for (int j = 0; j < d; j++) {
                lu[j * d + j] += ridge;
            }
        }
        for (int c = 0; c < d; c++) {
            int p = c;
            for (int r = c + 1; r < d; r++) {
                if (Math.abs(lu[r * d + c]) > Math.abs(lu[p * d + c])) {
                    p = r;
                }
            }
            piv[c] = p;
            if (p != c) {
                for (int k = 0; k < d; k++) {
                    double t = lu[c * d + k];
                    lu[c * d + k] = lu[p * d + k];
                    lu[p * d + k] = t;
                }
            }
            double pivot = lu[c * d + c];
            if (!(Math.abs(pivot) > TINY * scale)) {
                return false;
            }
            for (int r = c + 1; r < d; r++) {
                double f = lu[r * d + c] / pivot;
                lu[r * d + c] = f;
                for (int k = c + 1; k < d; k++) {
                    lu[r * d + k] -= f * lu[c * d + k];
                }
            }
        }
        return true;
    }

    /** Solves A x = b with the last factored A; b (length d, not modified) and x may be the same array. */
    void solve(double[] b, double[] x) {
        System.arraycopy(b, 0, tmp, 0, d);
        for (int c = 0; c < d; c++) {
            int p = piv[c];
            if (p != c) {
                double t = tmp[c];
                tmp[c] = tmp[p];
                tmp[p] = t;
            }
        }
        for (int r = 1; r < d; r++) {
            double s = tmp[r];
            for (int k = 0; k < r; k++) {
                s -= lu[r * d + k] * tmp[k];
            }
            tmp[r] = s;
        }
        for (int r = d - 1; r >= 0; r--) {
            double s = tmp[r];
            for (int k = r + 1; k < d; k++) {
                s -= lu[r * d + k] * tmp[k];
            }
            tmp[r] = s / lu[r * d + r];
        }
        System.arraycopy(tmp, 0, x, 0, d);
    }
}
