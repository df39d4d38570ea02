package org.causalrx.learn.linear;

import java.util.Arrays;
import java.util.stream.IntStream;

/**
 * Cross-validation along a λ path whose minimum is not left on the path's end: the folds walk the path, and while
 * the minimum CV error sits at the path's smallest λ (and the all-data path ran to its end without saturating) the
 * path is extended downwards with the same log spacing, every solver continuing from its warm start, in steps of
 * {@value #RISE_POINTS} points, until the CV error has stayed above its minimum for {@value #RISE_POINTS}
 * consecutive points past it or λ would fall below {@code λ_max · }{@value #FLOOR_RATIO} (where the penalty is
 * negligible against the standardised design: unit column variances, a coordinate change tolerance of 1e-7). Then
 * the minimum-error or one-standard-error λ is chosen as usual ({@link PenalizedPath#choose}) over all points.
 *
 * <p>The extension only runs when the minimum is at the end of the initial path (and
 * {@link LinearSettings#extendPath()} asks for it), so it changes nothing elsewhere;
 * it matters most for ridge (α = 0), whose λ_max is computed as for α = 0.001, so the initial path ends at
 * 0.1 · max |gradient| and at large n still shrinks by about 10 %.
 */
final class PathCv {
    /** Smallest λ the extension reaches, as a fraction of λ_max. */
    static final double FLOOR_RATIO = 1e-10;
    /** Points past the minimum whose CV error must all be higher before the extension stops; also its step. */
    static final int RISE_POINTS = 5;

    /** One cross-validation fold: a warm-started solver on the training rows and the held-out loss. */
    interface Fold {
        /** Held-out weight; 0 when the fold is skipped (its losses stay 0). */
        double weight();

        /**
         * Solves at {@code lambdas[from..to)} in order from the current solution, writing the held-out loss (a
         * weighted sum) of each solution into {@code loss[from..to)}; a saturated solver repeats its last loss.
         */
        void walk(double[] lambdas, int from, int to, double[] loss);
    }

    /** The chosen λ, its all-data coefficients (intercept first), the path points evaluated and λ's index. */
    record Choice(double lambda, double[] coefficients, int points, int index) {
    }

    private PathCv() {
    }

    /**
     * Chooses λ. {@code full} has solved {@code lambdas[0..nl)} (coefficients in {@code path}); {@code folds} have
     * solved nothing yet; {@code complete} says the all-data path ran to the end of the initial path
     * ({@code nl == lambdas.length}, not stopped by saturation); the path is {@code λ_max · ratio^(l/(m−1))} for
     * {@code l = 0..m−1} with m = {@code nLambda}, and its extension continues that formula for l ≥ m;
     * {@code extendPath} false: no extension (λ is chosen on the initial path).
     */
    static Choice choose(PathSolver full, double[] lambdas, double[][] path, int nl, boolean complete,
                         double lambdaMax, double ratio, int nLambda, Fold[] folds, boolean parallel, boolean oneSe,
                         boolean extendPath) {
        int k = folds.length;
        double[] foldWeight = new double[k];
        for (int f = 0; f < k; f++) {
            foldWeight[f] = folds[f].weight();
        }
        double[][] loss = new double[k][nl];
        walk(folds, lambdas, 0, nl, loss, parallel);
        double[] lam = lambdas;
        double[][] coef = path;
        int len = nl;
        boolean extend = extendPath && complete && nl >= 2 && nLambda >= 2 && !full.saturated()
                && PenalizedPath.choose(loss, foldWeight, false) == nl - 1;
        double logRatio = Math.log(ratio);
        double floor = lambdaMax * FLOOR_RATIO;
        while (extend) {
            int from = len;
            lam = Arrays.copyOf(lam, from + RISE_POINTS);
            coef = Arrays.copyOf(coef, from + RISE_POINTS);
            int to = from;
            while (to < from + RISE_POINTS && !full.saturated()) {
                double next = lambdaMax * Math.exp(logRatio * to / (nLambda - 1));
                if (!(next >= floor)) {
                    break;
                }
                full.solve(next);
                lam[to] = next;
                coef[to] = full.originalCoefficients();
                to++;
            }
            if (to == from) {
                break;
            }
            for (int f = 0; f < k; f++) {
                loss[f] = Arrays.copyOf(loss[f], to);
            }
            walk(folds, lam, from, to, loss, parallel);
            len = to;
            int best = PenalizedPath.choose(loss, foldWeight, false);
            extend = to == from + RISE_POINTS && len - 1 - best < RISE_POINTS;
        }
        int chosen = PenalizedPath.choose(loss, foldWeight, oneSe);
        return new Choice(lam[chosen], coef[chosen], len, chosen);
    }

    /** Walks every fold with positive weight over {@code lambdas[from..to)} (on several threads if asked). */
    private static void walk(Fold[] folds, double[] lambdas, int from, int to, double[][] loss, boolean parallel) {
        IntStream range = IntStream.range(0, folds.length);
        (parallel ? range.parallel() : range).forEach(f -> {
            if (folds[f].weight() > 0) {
                folds[f].walk(lambdas, from, to, loss[f]);
            }
        });
    }
}
