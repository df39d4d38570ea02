package org.causalrx.causal.bounds;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;

import org.causalrx.causal.CrossFit;
import org.causalrx.causal.Nuisance;
import org.causalrx.learn.Classifier;
import org.causalrx.learn.RegressionModel;
import org.causalrx.learn.Regressor;
import org.causalrx.learn.xgb.XGBoostParams;
import org.causalrx.learn.xgb.XGBoostQuantileRegressor;
import org.causalrx.learn.xgb.XGBoostRegressor;
import org.causalrx.util.IndexedTasks;
import org.causalrx.util.Seeds;
import org.causalrx.util.Stats;

/**
 * B-learner (Oprescu et al. 2023): sharp CATE bounds under the marginal sensitivity model with parameter Lambda.
 * <ol>
 * <li>Cross-fitted ({@code folds}) nuisances: e(x) (clipped to [clip, 1 − clip]) and mu_a(x) per arm.</li>
 * <li>Per Lambda &gt; 1, per fold and arm, on the fold's training rows of that arm: conditional quantiles q+ (level
 * tau = Lambda/(1+Lambda)) and q− (level 1 − tau) by XGBoost's {@code reg:quantileerror}, then rho±_a(x) =
 * E[kappa±(Y, q±(x)) | x, T = a] by XGBoost regression ({@link SharpBounds}); predicted on the held-out fold.
 * Binary outcomes use the degenerate quantiles and closed-form rho from mu_a instead (no extra models).</li>
 * <li>Doubly robust pseudo-outcomes, for arm 1 (arm 0 mirrors with 1 − T and 1 − e):
 * phi±_1 = T·Y + (1 − T)·rho±_1 + T·(1 − e)/e·(kappa±_1 − rho±_1); the upper bound's pseudo-outcome is
 * phi+_1 − phi−_0 and the lower's phi−_1 − phi+_0. At Lambda = 1 this is the AIPW pseudo-outcome.</li>
 * <li>Each pseudo-outcome regressed on x with {@code finalStage}.</li>
 * </ol>
 * All Lambda share step 1 and the fold split; each stochastic step's seed is derived from the fit's seed.
 *
 * @param outcome     mu_a learner (for binary outcomes a classifier used as regressor)
 * @param propensity  e(x) learner
 * @param nuisance    boosting settings of the quantile and rho models (continuous outcomes)
 * @param finalStage  learner of the bound regressions
 * @param folds       cross-fitting folds, ≥ 2
 * @param clip        propensity clip, in [0, 0.5)
 * @param binary      the outcome is 0/1
 */
public record BLearner(Regressor outcome, Classifier propensity, XGBoostParams nuisance, Regressor finalStage,
                       int folds, double clip, boolean binary) {
    public BLearner {
        if (folds < 2 || !(clip >= 0 && clip < 0.5)) {
            throw new IllegalArgumentException("B-learner needs folds >= 2 and 0 <= clip < 0.5");
        }
    }

    /** A B-learner with XGBoost final stage and nuisances. */
    public static BLearner xgboost(Regressor outcome, Classifier propensity, int folds, double clip, boolean binary) {
        XGBoostParams p = XGBoostParams.defaults();
        return new BLearner(outcome, propensity, p, new XGBoostRegressor(p), folds, clip, binary);
    }

    /**
     * Fits the bounds at Lambda = 1 and every value of {@code lambdas} (each ≥ 1).
     *
     * @param x n × p covariates; t 0/1 treatment; y outcome (0/1 when {@code binary}); none modified
     */
    public CateBoundsFamily fit(double[][] x, int[] t, double[] y, double[] lambdas, long seed) {
        TreeSet<Double> levels = new TreeSet<>();
        levels.add(1.0);
        for (double l : lambdas) {
            SharpBounds.check(l);
            levels.add(l);
        }
        CrossFit cf = CrossFit.stratified(t, folds, Seeds.derive(seed, "b-folds"));
        double[] e = Nuisance.propensity(propensity, x, t, cf, clip, Seeds.derive(seed, "b-e"));
        double[][] mu = Nuisance.armOutcomes(outcome, x, t, y, cf, Seeds.derive(seed, "b-mu"));
        long finalSeed = Seeds.derive(seed, "b-final");
        // each Lambda's bounds are fit with their own seeds from the shared nuisances: on several threads, in order
        List<Double> lambdaList = new ArrayList<>(levels);
        List<CateBounds> out = IndexedTasks.map(lambdaList.size(), k -> {
            double lambda = lambdaList.get(k);
            double[][] phi = pseudoOutcomes(x, t, y, e, mu, cf, lambda, seed);
            RegressionModel upper = finalStage.fit(x, phi[0], null, finalSeed);
            RegressionModel lower = lambda == 1.0 ? upper : finalStage.fit(x, phi[1], null, finalSeed);
            return new CateBounds(lambda, upper, lower);
        });
        return new CateBoundsFamily(out);
    }

    /** Upper (row 0) and lower (row 1) pseudo-outcomes at one Lambda. */
    double[][] pseudoOutcomes(double[][] x, int[] t, double[] y, double[] e, double[][] mu, CrossFit cf,
                              double lambda, long seed) {
        int n = y.length;
        // [arm][0 = q+, 1 = q−, 2 = rho+, 3 = rho−][row], out of fold
        double[][][] nu = new double[2][4][n];
        for (int a = 0; a <= 1; a++) {
            nu[a][2] = mu[a].clone();
            nu[a][3] = mu[a].clone();
        }
        if (lambda > 1.0) {
            if (binary) {
                for (int a = 0; a <= 1; a++) {
                    for (int i = 0; i < n; i++) {
                        double p = Math.min(Math.max(mu[a][i], 0), 1);
                        nu[a][0][i] = SharpBounds.binaryQuantileUpper(p, lambda);
                        nu[a][1][i] = SharpBounds.binaryQuantileLower(p, lambda);
                        nu[a][2][i] = SharpBounds.binaryRhoUpper(p, lambda);
                        nu[a][3][i] = SharpBounds.binaryRhoLower(p, lambda);
                    }
                }
            } else {
                crossFitTails(x, t, y, cf, lambda, Seeds.derive(seed, "b-tails-" + lambda), nu);
            }
        }
        double[] up = new double[n];
        double[] lo = new double[n];
        for (int i = 0; i < n; i++) {
            double[] phi1 = phi(t[i] == 1, y[i], e[i], nu[1], i, lambda);
            double[] phi0 = phi(t[i] == 0, y[i], 1 - e[i], nu[0], i, lambda);
            up[i] = phi1[0] - phi0[1];
            lo[i] = phi1[1] - phi0[0];
        }
        return new double[][] {up, lo};
    }

    /** phi+ and phi− of E[Y(a) | x] for one row; {@code inArm} is T = a, {@code ea} is P(T = a | x). */
    private static double[] phi(boolean inArm, double y, double ea, double[][] nu, int i, double lambda) {
        double rhoUp = nu[2][i];
        double rhoLo = nu[3][i];
        if (!inArm) {
            return new double[] {rhoUp, rhoLo};
        }
        double kUp = lambda == 1.0 ? y : SharpBounds.kappaUpper(y, nu[0][i], lambda);
        double kLo = lambda == 1.0 ? y : SharpBounds.kappaLower(y, nu[1][i], lambda);
        double w = (1 - ea) / ea;
        return new double[] {y + w * (kUp - rhoUp), y + w * (kLo - rhoLo)};
    }

    private void crossFitTails(double[][] x, int[] t, double[] y, CrossFit cf, double lambda, long seed,
                               double[][][] nu) {
        double tau = SharpBounds.level(lambda);
        Regressor qUp = new XGBoostQuantileRegressor(nuisance, tau);
        Regressor qLo = new XGBoostQuantileRegressor(nuisance, 1 - tau);
        Regressor rho = new XGBoostRegressor(nuisance);
        // task 2f + a: arm a's tail models of fold f, independent of the other tasks (own seeds), placed by fold
        List<double[][]> preds = IndexedTasks.map(2 * cf.k(), task -> {
            int f = task / 2;
            int arm = task % 2;
            double[][] xHo = Stats.select(x, cf.heldOutRows(f));
            int[] rows = Arrays.stream(cf.trainRows(f)).filter(i -> t[i] == arm).toArray();
            double[][] xa = Stats.select(x, rows);
            double[] ya = Stats.select(y, rows);
            long s = Seeds.derive(seed, 2L * f + arm);
            RegressionModel mUp = qUp.fit(xa, ya, null, Seeds.derive(s, "q+"));
            RegressionModel mLo = qLo.fit(xa, ya, null, Seeds.derive(s, "q-"));
            double[] qa = mUp.predict(xa);
            double[] qb = mLo.predict(xa);
            double[] kUp = new double[rows.length];
            double[] kLo = new double[rows.length];
            for (int j = 0; j < rows.length; j++) {
                kUp[j] = SharpBounds.kappaUpper(ya[j], qa[j], lambda);
                kLo[j] = SharpBounds.kappaLower(ya[j], qb[j], lambda);
            }
            return new double[][] {mUp.predict(xHo), mLo.predict(xHo),
                    rho.fit(xa, kUp, null, Seeds.derive(s, "rho+")).predict(xHo),
                    rho.fit(xa, kLo, null, Seeds.derive(s, "rho-")).predict(xHo)};
        });
        for (int f = 0; f < cf.k(); f++) {
            int[] ho = cf.heldOutRows(f);
            for (int a = 0; a <= 1; a++) {
                double[][] pred = preds.get(2 * f + a);
                for (int k = 0; k < 4; k++) {
                    for (int j = 0; j < ho.length; j++) {
                        nu[a][k][ho[j]] = pred[k][j];
                    }
                }
            }
        }
    }
}
