package org.causalrx.learn.linear;

import java.util.function.BooleanSupplier;

/**
 * The inner problem of {@link MultinomialSolver}: coordinate descent on one class's penalised quadratic model
 * {@code −Σ r_i z_i·(b − β) + ½ Σ v_i (z_i·(b − β))² + λ1‖b‖₁ + λ2/2 ‖b‖²} over b = (b0, b_1..b_p),
 * {@code z_i = (1, x_i)} on the standardised dense design, intercept unpenalised. Keeps the working residual
 * {@code rr_i = r_i − v_i z_i·(b − β)}, so one coordinate update costs O(n); cycles over the non-zero coefficients
 * until they settle, then checks all usable features in a full pass (glmnet's active-set strategy).
 */
final class MultinomialQuadratic {
    private MultinomialQuadratic() {
    }

    /**
     * @param v      n curvature weights (≥ 0)
     * @param r      n gradient residuals {@code wn_i (y_ik − p_ik)}; not modified
     * @param beta0  current intercept
     * @param beta   p current standardised coefficients; not modified
     * @param tol    stop when no coordinate moves by more than this in a pass
     * @param pass   called before each pass; false ends the solve (pass budget spent)
     * @return the minimiser b: element 0 the intercept, then p coefficients
     */
    static double[] minimise(Design d, double[] v, double[] r, double beta0, double[] beta, double l1, double l2,
                             double tol, BooleanSupplier pass) {
        int n = d.n;
        int p = d.p;
        double[] rr = r.clone();
        double[] b = new double[p + 1];
        b[0] = beta0;
        System.arraycopy(beta, 0, b, 1, p);
        double h0 = 0;
        for (int i = 0; i < n; i++) {
            h0 += v[i];
        }
        double[] h = new double[p];
        for (int j : d.usable) {
            h[j] = d.weightedSquare(j, v, h0);
        }
        boolean full = true;
        while (pass.getAsBoolean()) {
            double change = 0;
            if (h0 > 0) {
                double s = 0;
                for (int i = 0; i < n; i++) {
                    s += rr[i];
                }
                double delta = s / h0;
                if (delta != 0) {
                    b[0] += delta;
                    for (int i = 0; i < n; i++) {
                        rr[i] -= v[i] * delta;
                    }
                    change = Math.abs(delta);
                }
            }
            for (int j : d.usable) {
                double bj = b[j + 1];
                if (!full && bj == 0) {
                    continue;
                }
                double[] x = d.cols[j];
                double g = Design.dot(x, rr, n);
                double nb = Design.soft(g + h[j] * bj, l1) / (h[j] + l2);
                double delta = nb - bj;
                if (delta == 0) {
                    continue;
                }
                b[j + 1] = nb;
                for (int i = 0; i < n; i++) {
                    rr[i] -= v[i] * x[i] * delta;
                }
                change = Math.max(change, Math.abs(delta));
            }
            if (change <= tol) {
                if (full) {
                    break;
                }
                full = true;
            } else {
                full = false;
            }
        }
        return b;
    }

    /** The n-vector {@code delta0 + Σ_j x_ij delta_j} on the standardised design. */
    static double[] direction(Design d, double delta0, double[] delta) {
        double[] out = new double[d.n];
        java.util.Arrays.fill(out, delta0);
        for (int j : d.usable) {
            double dj = delta[j];
            if (dj == 0) {
                continue;
            }
            double[] x = d.cols[j];
            for (int i = 0; i < out.length; i++) {
                out[i] += dj * x[i];
            }
        }
        return out;
    }
}
