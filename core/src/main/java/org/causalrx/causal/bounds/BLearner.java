package org.causalrx.causal.bounds;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.IntStream;

import org.causalrx.causal.CrossFit;
import org.causalrx.causal.CrossFittedNuisances;
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
 * <p>
 * On those large folds the quantiles come from one location–scale model per fold and arm, shared by every Lambda,
 * instead of two XGBoost quantile models per Lambda: on one seeded subsample (as above), a squared-error regression
 * m(x) of Y and one s(x) of |Y − m(x)|, and q±(x) = m(x) + s(x)·z, z the empirical tau (1 − tau) quantile of the
 * standardised residuals (Y − m(x)) / s(x) there; rho± are then fit per Lambda as before, on kappa± with these q±.
 * Sound for any q: mean kappa+(Y, q) is q ↦ E[Y]/Lambda + (1 − 1/Lambda)·(q + E[(Y − q)+]/(1 − tau)), the
 * Rockafellar–Uryasev form of the upper tail mean, which is at least its minimum, the sharp value, for every q, and is
 * flat at the true tau-quantile (mean kappa− is at most the sharp lower value, likewise); rho± estimate the mean of
 * kappa± at the q± actually used. So a wrong quantile loosens the bounds, at second order near the true one, and never
 * makes them invalid (SharpBoundsTest); and since rho± are still flexible regressions, the pseudo-outcome stays doubly
 * robust in (e, rho). A quantile fit costs about 4× a squared-error fit per boosting round, and the default sweep has 4
 * levels above 1: 2 squared-error fits per fold and arm replace 8 quantile fits. Measured on designs with closed-form
 * sharp bounds (fold-arm sets of 6,700 rows, 2,500 per tail fit, 3 seeds, all tail fits keeping their early-stopping
 * booster): the tails' CPU 2.8× (Gaussian noise) and 3.4× (skewed noise) lower at about the same bound RMSE; mean
 * widths 1.6–2.0 % above sharp with Gaussian noise (quantile models: 1.9–2.4 %), 4.5–8 % with skewed noise, where no
 * location–scale model is exact (quantile models: 2.6–3.4 %) (docs/BENCHMARKS.md, "B-learner tails on large folds").
 * Smaller studies (every fold's arm below the gate) keep the quantile models, byte for byte.
 * <p>
 * Step 1 may come from another step's cross-fit ({@link #fit(double[][], int[], double[], double[], long, Reuse)}):
 * when a DR-learner cross-fitted the same propensity and outcome learners with the same folds and clip on the same
 * rows, its e, mu_a and folds are the ones this learner would fit (another seeded draw), and its final stage, on the
 * same AIPW pseudo-outcomes, is the Lambda = 1 regression.
 *
 * @param outcome     mu_a learner (for binary outcomes a classifier used as regressor)
 * @param propensity  e(x) learner
 * @param nuisance    boosting settings of the quantile, location–scale and rho models (continuous outcomes)
 * @param finalStage  learner of the bound regressions
 * @param folds       cross-fitting folds, ≥ 2
 * @param clip        propensity clip, in [0, 0.5)
 * @param binary      the outcome is 0/1
 * @param nuisanceRows rows per tail fit on large folds (see above), or 0: every row
 * @param parallel     fit the tail models and the final stages on several threads (same values either way);
 *                     from {@link XGBoostParams#THREAD_ROWS} rows on the final stages run one after another, each
 *                     on every core, through {@link Regressor#fitEach} (an XGBoost final stage then quantises x
 *                     once for all of them)
 */
public record BLearner(Regressor outcome, Classifier propensity, XGBoostParams nuisance, Regressor finalStage,
                       int folds, double clip, boolean binary, int nuisanceRows, boolean parallel) {
    public BLearner {
        if (folds < 2 || !(clip >= 0 && clip < 0.5) || nuisanceRows < 0) {
            throw new IllegalArgumentException("B-learner needs folds >= 2, 0 <= clip < 0.5 and nuisanceRows >= 0");
        }
    }

    /**
     * Training rows from which the run's B-learner cross-fits 2 folds instead of 3: {@link CrossFit#LARGE_ROWS}, the
     * gate of the automatic ATE and DR-learner folds. Each fold's nuisance models then still train on at least
     * 100,000 rows. Measured on designs with closed-form sharp bounds (300,000 rows, 20 covariates, Gaussian and
     * skewed noise, 2 seeds each: docs/BENCHMARKS.md, "The B-learner on 2 folds from 200,000 rows"): the same bound
     * RMSE and mean width within the seed-to-seed spread, for about a fifth less CPU.
     */
    public static final int LARGE_ROWS = CrossFit.LARGE_ROWS;

    /** The run's cross-fitting folds for {@code rows} training rows: 3, and 2 from {@link #LARGE_ROWS}. */
    public static int folds(int rows) {
        return rows >= LARGE_ROWS ? 2 : 3;
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
        return fit(x, t, y, lambdas, seed, null).bounds();
    }

    /**
     * Nuisances another step cross-fitted, and its regression of their AIPW pseudo-outcomes, offered to
     * {@link #fit(double[][], int[], double[], double[], long, Reuse)}.
     *
     * @param nuisances   cross-fitted e (clipped), mu_0, mu_1 with their folds
     * @param aipwLearner the learner of {@code aipwFit}, or null
     * @param aipwFit     the regression on x of the AIPW pseudo-outcomes of {@code nuisances}
     *                    (mu_1 − mu_0 + t(y − mu_1)/e − (1 − t)(y − mu_0)/(1 − e)), or null
     */
    public record Reuse(CrossFittedNuisances nuisances, Regressor aipwLearner, RegressionModel aipwFit) {
        public Reuse {
            java.util.Objects.requireNonNull(nuisances, "nuisances");
        }
    }

    /**
     * Fitted bounds and what they reused.
     *
     * @param bounds          the bound regressions
     * @param reusedNuisances step 1 and the folds came from a {@link Reuse}
     * @param reusedAipwFit   the Lambda = 1 regression came from a {@link Reuse}
     * @param sweepRows       rows the bound regressions of the levels above {@link SweepLevels#fullUpTo} were fit on
     *                        (a seeded subsample), or 0: every level on every row
     */
    public record Fitted(CateBoundsFamily bounds, boolean reusedNuisances, boolean reusedAipwFit, int sweepRows) {
        /** Every level on every row. */
        public Fitted(CateBoundsFamily bounds, boolean reusedNuisances, boolean reusedAipwFit) {
            this(bounds, reusedNuisances, reusedAipwFit, 0);
        }
    }

    /**
     * Rows from which the bound regressions of levels above the study's Lambda (levels only a sensitivity sweep
     * reports; the bounds at the study's Lambda are the envelope of the levels up to it) are fit on a seeded
     * subsample of {@link #SWEEP_ROWS} training rows: twice that many.
     */
    public static final int SWEEP_ROWS = CrossFit.LARGE_ROWS;

    /**
     * Which levels a fit may regress on fewer rows: those above {@code fullUpTo} (levels up to it, which the study's
     * bounds are the envelope of, always use every row), on a seeded subsample of {@code rows} rows drawn without
     * replacement when there are at least 2·{@code rows}.
     */
    public record SweepLevels(double fullUpTo, int rows) {
        public SweepLevels {
            if (!(fullUpTo >= 1) || rows < 1) {
                throw new IllegalArgumentException("sweep levels need fullUpTo >= 1 and rows >= 1");
            }
        }

        /** Whether {@code n} rows are subsampled for the levels above {@link #fullUpTo}. */
        public boolean subsamples(int n) {
            return n >= 2L * rows;
        }
    }

    /**
     * As above, taking step 1 and its fold split from {@code reuse} when its nuisances are
     * {@link CrossFittedNuisances#reusableFor} this learner's propensity and outcome learners, folds and clip on
     * {@code (x, t, y)}; then also, when its regression's learner equals {@code finalStage}, that regression as the
     * Lambda = 1 bounds (at Lambda = 1 the pseudo-outcome is the AIPW one, so it is the fit this method would make, up
     * to its seed and rounding). Otherwise, or when {@code reuse} is null, as above.
     *
     * @return the bounds and what of {@code reuse} they took
     */
    public Fitted fit(double[][] x, int[] t, double[] y, double[] lambdas, long seed, Reuse reuse) {
        return fit(x, t, y, lambdas, seed, reuse, null);
    }

    /**
     * As above; with {@code sweep} (null: every level on every row), from 2·{@code sweep.rows()} rows the bound
     * regressions of the levels above {@code sweep.fullUpTo()} are fit on one seeded subsample of {@code sweep.rows()}
     * rows (the same for every such level; their pseudo-outcomes are those of the whole fit, so only the final
     * regression sees fewer rows). Those levels enter no bounds at or below {@code fullUpTo} (the envelope runs
     * upward), so the bounds there are the same, bit for bit, as without {@code sweep}.
     */
    public Fitted fit(double[][] x, int[] t, double[] y, double[] lambdas, long seed, Reuse reuse,
                      SweepLevels sweep) {
        TreeSet<Double> levels = new TreeSet<>();
        levels.add(1.0);
        for (double l : lambdas) {
            SharpBounds.check(l);
            levels.add(l);
        }
        boolean reused = reuse != null && reuse.nuisances().reusableFor(propensity, outcome, folds, clip, x, t, y);
        CrossFit cf;
        double[] e;
        double[][] mu;
        if (reused) {
            cf = reuse.nuisances().folds();
            e = reuse.nuisances().e();
            mu = reuse.nuisances().mu();
        } else {
            cf = CrossFit.stratified(t, folds, Seeds.derive(seed, "b-folds"));
            e = Nuisance.propensity(propensity, x, t, cf, clip, Seeds.derive(seed, "b-e"));
            mu = Nuisance.armOutcomes(outcome, x, t, y, cf, Seeds.derive(seed, "b-mu"));
        }
        RegressionModel atOne = reused && reuse.aipwFit() != null && finalStage.equals(reuse.aipwLearner())
                ? reuse.aipwFit() : null;
        double[] lv = levels.stream().mapToDouble(Double::doubleValue).toArray();
        double[][][][] nu = tails(x, t, y, mu, cf, lv, seed);
        long finalSeed = Seeds.derive(seed, "b-final");
        // final stages: upper and lower bound per Lambda (Lambda = 1: one model, both bounds)
        double[][][] phi = new double[lv.length][][];
        for (int l = 0; l < lv.length; l++) {
            phi[l] = pseudoOutcomes(t, y, e, nu[l], lv[l]);
        }
        RegressionModel[][] fits = new RegressionModel[lv.length][2];
        // Lambda = 1: one model for both bounds (the reused AIPW regression when there is one)
        int[] jobs = IntStream.range(0, 2 * lv.length).filter(j -> lv[j / 2] != 1.0 || j % 2 == 0 && atOne == null)
                .toArray();
        for (int l = 0; l < lv.length; l++) {
            if (lv[l] == 1.0 && atOne != null) {
                fits[l][0] = atOne;
            }
        }
        boolean thin = sweep != null && sweep.subsamples(x.length);
        int[] full = IntStream.of(jobs).filter(j -> !thin || lv[j / 2] <= sweep.fullUpTo()).toArray();
        int[] swept = IntStream.of(jobs).filter(j -> thin && lv[j / 2] > sweep.fullUpTo()).toArray();
        finalStages(x, phi, full, null, finalSeed, fits);
        int sweepRows = 0;
        if (swept.length > 0) {
            int[] rows = PatientSubsample.rows(new int[x.length], 1, null, sweep.rows(), Seeds.derive(seed,
                    "b-sweep-rows"));
            finalStages(x, phi, swept, rows, finalSeed, fits);
            sweepRows = rows.length;
        }
        List<CateBounds> out = new ArrayList<>();
        for (int l = 0; l < lv.length; l++) {
            out.add(new CateBounds(lv[l], fits[l][0], lv[l] == 1.0 ? fits[l][0] : fits[l][1]));
        }
        return new Fitted(new CateBoundsFamily(out), reused, atOne != null, sweepRows);
    }

    /**
     * The bound regressions {@code jobs} (job j: level j / 2, upper when j is even) on x, or on its rows {@code rows}
     * when not null, into {@code fits}.
     */
    private void finalStages(double[][] x, double[][][] phi, int[] jobs, int[] rows, long finalSeed,
                             RegressionModel[][] fits) {
        if (jobs.length == 0) {
            return;
        }
        double[][] xs = rows == null ? x : Stats.select(x, rows);
        if (parallel && xs.length < XGBoostParams.THREAD_ROWS) {
            // small fits: one per thread
            IntStream.of(jobs).parallel().forEach(j -> fits[j / 2][j % 2] = finalStage.fit(xs, target(phi, j, rows),
                    null, finalSeed));
        } else {
            // one after another, each on every core from THREAD_ROWS rows on: all on the same rows, weights and
            // seed, so an XGBoost final stage quantises x once for all of them (the same models as separate fits)
            List<double[]> targets = new ArrayList<>();
            for (int j : jobs) {
                targets.add(target(phi, j, rows));
            }
            List<RegressionModel> each = finalStage.fitEach(xs, targets, null, finalSeed);
            for (int k = 0; k < jobs.length; k++) {
                fits[jobs[k] / 2][jobs[k] % 2] = each.get(k);
            }
        }
    }

    private static double[] target(double[][][] phi, int job, int[] rows) {
        double[] v = phi[job / 2][job % 2];
        return rows == null ? v : Stats.select(v, rows);
    }

    /** Upper (row 0) and lower (row 1) pseudo-outcomes at one Lambda (as {@link #fit} computes them). */
    double[][] pseudoOutcomes(double[][] x, int[] t, double[] y, double[] e, double[][] mu, CrossFit cf,
                              double lambda, long seed) {
        return pseudoOutcomes(t, y, e, tails(x, t, y, mu, cf, new double[] {lambda}, seed)[0], lambda);
    }

    /**
     * Upper and lower pseudo-outcomes at every Lambda of {@code lambdas} ([Lambda][upper, lower][row]);
     * {@code rule}: the tails where the large-fold gate subsamples (benchmarks compare them).
     */
    double[][][] pseudoOutcomes(double[][] x, int[] t, double[] y, double[] e, double[][] mu, CrossFit cf,
                                double[] lambdas, long seed, LargeTails rule) {
        double[][][][] nu = tails(x, t, y, mu, cf, lambdas, seed, rule);
        double[][][] out = new double[lambdas.length][][];
        for (int l = 0; l < lambdas.length; l++) {
            out[l] = pseudoOutcomes(t, y, e, nu[l], lambdas[l]);
        }
        return out;
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
        return tails(x, t, y, mu, cf, lambdas, seed, LargeTails.LOCATION_SCALE);
    }

    /** As above, with the given rule where the large-fold gate subsamples (benchmarks compare them). */
    private double[][][][] tails(double[][] x, int[] t, double[] y, double[][] mu, CrossFit cf, double[] lambdas,
                                 long seed, LargeTails rule) {
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
        LocationScale[] ls = rule == LargeTails.QUANTILE || jobs.isEmpty() ? new LocationScale[2 * cf.k()]
                : locationScales(x, t, y, cf, Seeds.derive(seed, "b-tails-scale"));
        IntStream ids = IntStream.range(0, jobs.size());
        (parallel ? ids.parallel() : ids).forEach(j -> {
            int[] job = jobs.get(j);
            double lambda = lambdas[job[0]];
            long s = Seeds.derive(seed, "b-tails-" + lambda);
            LocationScale fa = ls[2 * job[1] + job[2]];
            if (fa == null) {
                tailFold(x, t, y, cf, job[1], job[2], lambda, s, nu[job[0]]);
            } else {
                tailFoldScaled(x, y, cf, job[1], job[2], lambda, Seeds.derive(s, 2L * job[1] + job[2]), fa,
                        rule == LargeTails.LOCATION_SCALE_CLOSED, nu[job[0]]);
            }
        });
        return nu;
    }

    /** The tail models where the large-fold gate subsamples. */
    enum LargeTails {
        /** Two XGBoost quantile models per Lambda (the rule before), and rho± by regression. */
        QUANTILE,
        /** q± from one location–scale model per fold and arm, rho± by regression per Lambda (the default). */
        LOCATION_SCALE,
        /**
         * q± and rho± both from the location–scale model (rho± in closed form from its residuals): measured as cheap
         * again and as accurate (BLearnerTailsBench) but not used by {@link #fit}: such rho± are right only when the
         * location–scale model is, so the bounds would then lean on e(x) alone, no longer doubly robust.
         */
        LOCATION_SCALE_CLOSED
    }

    /**
     * The location–scale tail model of one fold and arm, shared by every Lambda, where the large-fold gate
     * subsamples: the seeded subsample {@code rows} of the fold's training rows of the arm, the location m(x) and
     * scale s(x) on them ({@code mRows}, {@code sRows}) and on the held-out rows ({@code mHo}, {@code sHo}), and the
     * sorted standardised residuals (y − m(x)) / s(x) of the subsample.
     */
    private record LocationScale(int[] rows, double[] mRows, double[] sRows, double[] mHo, double[] sHo,
                                 double[] z) {
        /** The conditional level-{@code p} quantile m + s·z_p at the given locations and scales. */
        double[] quantile(double[] m, double[] sc, double p) {
            double zp = Stats.quantileSorted(z, p);
            double[] q = new double[m.length];
            for (int i = 0; i < q.length; i++) {
                q[i] = m[i] + sc[i] * zp;
            }
            return q;
        }
    }

    /**
     * The location–scale models of every (fold, arm) whose training rows the gate subsamples (null elsewhere):
     * XGBoost squared-error regressions of y (location) and of |y − m(x)| (scale) on the subsample, one job each.
     */
    private LocationScale[] locationScales(double[][] x, int[] t, double[] y, CrossFit cf, long seed) {
        LocationScale[] out = new LocationScale[2 * cf.k()];
        IntStream ids = IntStream.range(0, 2 * cf.k());
        (parallel ? ids.parallel() : ids).forEach(j -> {
            int f = j / 2;
            int arm = j % 2;
            long s = Seeds.derive(seed, j);
            int[] train = Arrays.stream(cf.trainRows(f)).filter(i -> t[i] == arm).toArray();
            int[] rows = tailRows(train, s);
            if (rows != train) {
                out[j] = locationScale(x, y, rows, cf.heldOutRows(f), s);
            }
        });
        return out;
    }

    private LocationScale locationScale(double[][] x, double[] y, int[] rows, int[] ho, long seed) {
        double[][] xa = Stats.select(x, rows);
        double[] ya = Stats.select(y, rows);
        double[][] xHo = Stats.select(x, ho);
        Regressor reg = new XGBoostRegressor(tailParams(true));
        RegressionModel loc = reg.fit(xa, ya, null, Seeds.derive(seed, "location"));
        double[] m = loc.predict(xa);
        double[] abs = new double[rows.length];
        for (int j = 0; j < rows.length; j++) {
            abs[j] = Math.abs(ya[j] - m[j]);
        }
        RegressionModel scale = reg.fit(xa, abs, null, Seeds.derive(seed, "scale"));
        // scales floored at 0.1 % of the mean absolute residual: squared-error trees may predict 0 or below
        double floor = Math.max(1e-3 * Stats.mean(abs), Double.MIN_NORMAL);
        double[] sc = floorAt(scale.predict(xa), floor);
        double[] z = new double[rows.length];
        for (int j = 0; j < rows.length; j++) {
            z[j] = (ya[j] - m[j]) / sc[j];
        }
        Arrays.sort(z);
        return new LocationScale(rows, m, sc, loc.predict(xHo), floorAt(scale.predict(xHo), floor), z);
    }

    private static double[] floorAt(double[] v, double floor) {
        for (int i = 0; i < v.length; i++) {
            v[i] = Math.max(v[i], floor);
        }
        return v;
    }

    /**
     * As {@link #tailFold}, with the quantiles q± of the fold and arm's location–scale model {@code ls} (no quantile
     * fits) and the rho models fit on its subsample.
     */
    private void tailFoldScaled(double[][] x, double[] y, CrossFit cf, int f, int arm, double lambda, long seed,
                                LocationScale ls, boolean closed, double[][][] nu) {
        double tau = SharpBounds.level(lambda);
        int[] ho = cf.heldOutRows(f);
        double[][] pred = {ls.quantile(ls.mHo(), ls.sHo(), tau), ls.quantile(ls.mHo(), ls.sHo(), 1 - tau), null, null};
        if (closed) {
            // kappa is location–scale equivariant: rho±(x) = m(x) + s(x)·mean kappa±(z, z_tau) over the residuals z
            double zUp = Stats.quantileSorted(ls.z(), tau);
            double zLo = Stats.quantileSorted(ls.z(), 1 - tau);
            double aUp = 0;
            double aLo = 0;
            for (double z : ls.z()) {
                aUp += SharpBounds.kappaUpper(z, zUp, lambda);
                aLo += SharpBounds.kappaLower(z, zLo, lambda);
            }
            aUp /= ls.z().length;
            aLo /= ls.z().length;
            pred[2] = new double[ho.length];
            pred[3] = new double[ho.length];
            for (int j = 0; j < ho.length; j++) {
                pred[2][j] = ls.mHo()[j] + ls.sHo()[j] * aUp;
                pred[3][j] = ls.mHo()[j] + ls.sHo()[j] * aLo;
            }
        } else {
            double[][] xa = Stats.select(x, ls.rows());
            double[] ya = Stats.select(y, ls.rows());
            double[] qa = ls.quantile(ls.mRows(), ls.sRows(), tau);
            double[] qb = ls.quantile(ls.mRows(), ls.sRows(), 1 - tau);
            double[] kUp = new double[ya.length];
            double[] kLo = new double[ya.length];
            for (int j = 0; j < ya.length; j++) {
                kUp[j] = SharpBounds.kappaUpper(ya[j], qa[j], lambda);
                kLo[j] = SharpBounds.kappaLower(ya[j], qb[j], lambda);
            }
            Regressor rho = new XGBoostRegressor(tailParams(true));
            double[][] xHo = Stats.select(x, ho);
            pred[2] = rho.fit(xa, kUp, null, Seeds.derive(seed, "rho+")).predict(xHo);
            pred[3] = rho.fit(xa, kLo, null, Seeds.derive(seed, "rho-")).predict(xHo);
        }
        for (int k = 0; k < 4; k++) {
            for (int j = 0; j < ho.length; j++) {
                nu[arm][k][ho[j]] = pred[k][j];
            }
        }
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
