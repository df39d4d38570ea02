package org.causalrx.causal.bounds;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.IntStream;

import org.causalrx.causal.CrossFit;
import org.causalrx.causal.Nuisance;
import org.causalrx.causal.uncertainty.PatientSubsample;
import org.causalrx.learn.Classifier;
import org.causalrx.learn.RegressionModel;
import org.causalrx.learn.Regressor;
import org.causalrx.learn.xgb.XGBoostParams;
import org.causalrx.learn.xgb.XGBoostQuantileRegressor;
import org.causalrx.learn.xgb.XGBoostRegressor;
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
 * All Lambda share step 1 and the fold split; each stochastic step's seed is derived from the fit's seed, so the
 * bounds are the same whether the (Lambda, fold, arm) tail fits and the final stages run on one thread or several.
 * <p>
 * Large training sets: when a fold's rows of one arm number at least 2·{@code nuisanceRows}, its tail models (q±
 * and rho±) are fit on a seeded subsample of {@code nuisanceRows} of them, drawn without replacement, and still
 * predict every held-out row; those subsampled tail models also keep their early-stopping booster instead of boosting
 * a second time on all their rows ({@link #tailParams}). They are nuisances of a doubly robust pseudo-outcome, whose
 * error enters the bounds only through products of nuisance errors; the final-stage regressions use every row.
 *
 * @param outcome     mu_a learner (for binary outcomes a classifier used as regressor)
 * @param propensity  e(x) learner
 * @param nuisance    boosting settings of the quantile and rho models (continuous outcomes)
 * @param finalStage  learner of the bound regressions
 * @param folds       cross-fitting folds, ≥ 2
 * @param clip        propensity clip, in [0, 0.5)
 * @param binary      the outcome is 0/1
 * @param nuisanceRows rows per tail fit on large folds (see above), or 0: every row
 * @param parallel     fit the tail models and the final stages on several threads (same values either way)
 */
public record BLearner(Regressor outcome, Classifier propensity, XGBoostParams nuisance, Regressor finalStage,
                       int folds, double clip, boolean binary, int nuisanceRows, boolean parallel) {
    public BLearner {
        if (folds < 2 || !(clip >= 0 && clip < 0.5) || nuisanceRows < 0) {
            throw new IllegalArgumentException("B-learner needs folds >= 2, 0 <= clip < 0.5 and nuisanceRows >= 0");
        }
    }

    /** Every row in every tail fit, one thread. */
    public BLearner(Regressor outcome, Classifier propensity, XGBoostParams nuisance, Regressor finalStage,
                    int folds, double clip, boolean binary) {
        this(outcome, propensity, nuisance, finalStage, folds, clip, binary, 0, false);
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
        double[] lv = levels.stream().mapToDouble(Double::doubleValue).toArray();
        double[][][][] nu = tails(x, t, y, mu, cf, lv, seed);
        long finalSeed = Seeds.derive(seed, "b-final");
        // final stages: upper and lower bound per Lambda (Lambda = 1: one model, both bounds)
        double[][][] phi = new double[lv.length][][];
        for (int l = 0; l < lv.length; l++) {
            phi[l] = pseudoOutcomes(t, y, e, nu[l], lv[l]);
        }
        RegressionModel[][] fits = new RegressionModel[lv.length][2];
        IntStream jobs = IntStream.range(0, 2 * lv.length).filter(j -> j % 2 == 0 || lv[j / 2] != 1.0);
        (parallel ? jobs.parallel() : jobs).forEach(j -> fits[j / 2][j % 2] = finalStage.fit(x, phi[j / 2][j % 2],
                null, finalSeed));
        List<CateBounds> out = new ArrayList<>();
        for (int l = 0; l < lv.length; l++) {
            out.add(new CateBounds(lv[l], fits[l][0], lv[l] == 1.0 ? fits[l][0] : fits[l][1]));
        }
        return new CateBoundsFamily(out);
    }

    /** Upper (row 0) and lower (row 1) pseudo-outcomes at one Lambda (as {@link #fit} computes them). */
    double[][] pseudoOutcomes(double[][] x, int[] t, double[] y, double[] e, double[][] mu, CrossFit cf,
                              double lambda, long seed) {
        return pseudoOutcomes(t, y, e, tails(x, t, y, mu, cf, new double[] {lambda}, seed)[0], lambda);
    }

    /** Upper (row 0) and lower (row 1) pseudo-outcomes from the out-of-fold tails {@code nu} of one Lambda. */
    private static double[][] pseudoOutcomes(int[] t, double[] y, double[] e, double[][][] nu, double lambda) {
        int n = y.length;
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

    /**
     * Out-of-fold tails per Lambda: [Lambda][arm][0 = q+, 1 = q−, 2 = rho+, 3 = rho−][row]. At Lambda = 1, and for
     * binary outcomes, without extra models; otherwise one job per (Lambda, fold, arm).
     */
    private double[][][][] tails(double[][] x, int[] t, double[] y, double[][] mu, CrossFit cf, double[] lambdas,
                                 long seed) {
        int n = y.length;
        double[][][][] nu = new double[lambdas.length][2][4][];
        List<int[]> jobs = new ArrayList<>();
        for (int l = 0; l < lambdas.length; l++) {
            double lambda = lambdas[l];
            for (int a = 0; a <= 1; a++) {
                nu[l][a][2] = mu[a].clone();
                nu[l][a][3] = mu[a].clone();
                nu[l][a][0] = new double[n];
                nu[l][a][1] = new double[n];
                if (lambda > 1.0 && binary) {
                    for (int i = 0; i < n; i++) {
                        double p = Math.min(Math.max(mu[a][i], 0), 1);
                        nu[l][a][0][i] = SharpBounds.binaryQuantileUpper(p, lambda);
                        nu[l][a][1][i] = SharpBounds.binaryQuantileLower(p, lambda);
                        nu[l][a][2][i] = SharpBounds.binaryRhoUpper(p, lambda);
                        nu[l][a][3][i] = SharpBounds.binaryRhoLower(p, lambda);
                    }
                } else if (lambda > 1.0) {
                    for (int f = 0; f < cf.k(); f++) {
                        jobs.add(new int[] {l, f, a});
                    }
                }
            }
        }
        IntStream ids = IntStream.range(0, jobs.size());
        (parallel ? ids.parallel() : ids).forEach(j -> {
            int[] job = jobs.get(j);
            double lambda = lambdas[job[0]];
            tailFold(x, t, y, cf, job[1], job[2], lambda, Seeds.derive(seed, "b-tails-" + lambda), nu[job[0]]);
        });
        return nu;
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

    /** The tail models of one fold and arm, predicted on the fold's held-out rows into {@code nu[arm]}. */
    private void tailFold(double[][] x, int[] t, double[] y, CrossFit cf, int f, int arm, double lambda, long seed,
                          double[][][] nu) {
        double tau = SharpBounds.level(lambda);
        int[] ho = cf.heldOutRows(f);
        double[][] xHo = Stats.select(x, ho);
        long s = Seeds.derive(seed, 2L * f + arm);
        int[] armRows = Arrays.stream(cf.trainRows(f)).filter(i -> t[i] == arm).toArray();
        int[] rows = tailRows(armRows, s);
        XGBoostParams p = tailParams(rows.length < armRows.length);
        Regressor qUp = new XGBoostQuantileRegressor(p, tau);
        Regressor qLo = new XGBoostQuantileRegressor(p, 1 - tau);
        Regressor rho = new XGBoostRegressor(p);
        double[][] xa = Stats.select(x, rows);
        double[] ya = Stats.select(y, rows);
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
        double[][] pred = {mUp.predict(xHo), mLo.predict(xHo),
                rho.fit(xa, kUp, null, Seeds.derive(s, "rho+")).predict(xHo),
                rho.fit(xa, kLo, null, Seeds.derive(s, "rho-")).predict(xHo)};
        for (int k = 0; k < 4; k++) {
            for (int j = 0; j < ho.length; j++) {
                nu[arm][k][ho[j]] = pred[k][j];
            }
        }
    }

    /**
     * The boosting settings of one fold and arm's tail models: {@link #nuisance}, and when the tails are fit on a
     * subsample ({@link #tailRows}), the same settings keeping the early-stopping booster at every size
     * ({@link XGBoostParams#withRefitRows}(1): boosted once, on the rows outside a validation side of min(20 %, 10,000)
     * rows, instead of a second time on all rows with the chosen rounds). Those tails are already nuisances fit on a
     * subsample, whose error enters the bounds through products of nuisance errors; unsubsampled tails (every smaller
     * study) keep {@link #nuisance} as it is, so their bounds are unchanged bit for bit.
     */
    XGBoostParams tailParams(boolean subsampled) {
        return subsampled && nuisance.earlyStopping() > 0 ? nuisance.withRefitRows(1) : nuisance;
    }

    /**
     * The rows a tail fit uses: all of {@code rows}, or, when there are at least 2·{@link #nuisanceRows} of them, a
     * seeded subsample of {@link #nuisanceRows} drawn without replacement (ascending).
     */
    int[] tailRows(int[] rows, long seed) {
        if (nuisanceRows == 0 || rows.length < 2L * nuisanceRows) {
            return rows;
        }
        int[] pick = PatientSubsample.rows(new int[rows.length], 1, null, nuisanceRows, Seeds.derive(seed,
                "b-tail-rows"));
        return Stats.select(rows, pick);
    }
}
