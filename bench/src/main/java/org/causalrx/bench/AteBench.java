package org.causalrx.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

import org.causalrx.causal.AipwEstimands;
import org.causalrx.causal.CrossFitAipw;
import org.causalrx.causal.Estimand;
import org.causalrx.cli.OutputKind;
import org.causalrx.cli.OutputTarget;
import org.causalrx.learn.Folds;
import org.causalrx.learn.ProbabilityModel;
import org.causalrx.learn.linear.LinearSettings;
import org.causalrx.learn.linear.LogisticModel;
import org.causalrx.learn.linear.LogisticRegression;
import org.causalrx.pipeline.AteEstimands;
import org.causalrx.pipeline.Learners;
import org.causalrx.study.Study;
import org.causalrx.study.StudyLoader;
import org.causalrx.util.Seeds;
import org.causalrx.util.Stats;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code bench ate}: replications of the run's headline ATE (the cross-fitted AIPW, {@link AteEstimands#aipw}) on
 * the SYNTHETIC design of {@code bench scale} ({@link ScaleDesign}, true ATE 1): R independent data sets of
 * {@code --rows} × {@code --features}, data seed r = Seeds.derive(derive(seed, "ate-reps"), r), each fitted as a
 * {@code causalrx run} of the design's study file would (its learners bound to the study, the run's AIPW seed). Per
 * data set: the estimate, its SE, the out-of-fold propensity range, the clipped share and the largest inverse
 * weight, the chosen propensity penalties, the nuisances' errors against the true e(x), mu0(x), mu1(x), and the same
 * AIPW formula with true nuisances swapped in (true e, true mu, both), which splits the error into the oracle part and
 * the part the fitted nuisances add, and the same AIPW with other propensity learners ({@code --variants}) fitted on
 * the run's folds with the run's fold seeds beside the run's outcome predictions. Summary: mean bias with its Monte
 * Carlo SE, empirical SD of the estimates, mean SE, SD of the z-scores (estimate − 1)/SE and the 95 % coverage, for
 * the run's AIPW and each variant. Writes {@code runs/bench/bench-ate-nN-pP.json}, rewritten after every data set.
 */
@Command(name = "ate", mixinStandardHelpOptions = true,
        description = "Replications of the run's cross-fitted AIPW ATE on synthetic data with a known effect: bias, "
                + "SD, SE, z-scores, coverage.")
final class AteBench implements Callable<Integer> {
    private static final double Z975 = 1.959963984540054;
    private static final List<String> VARIANTS = List.of("cv_l2", "l2_tenth", "unpenalized", "l1", "post_l1");

    @Option(names = "--rows", required = true, paramLabel = "N", description = "synthetic rows per data set")
    int rows;

    @Option(names = "--features", required = true, paramLabel = "P", description = "covariates, at least 4")
    int features;

    @Option(names = "--reps", paramLabel = "R", description = "independent data sets (default 10)")
    int reps = 10;

    @Option(names = "--first-rep", paramLabel = "K", description = "index of the first data set (default 0; to "
            + "split replications over processes)")
    int firstRep;

    @Option(names = "--seed", description = "master seed (default 20261219)")
    long seed = 20_261_219L;

    @Option(names = "--variants", split = ",", paramLabel = "a,b", description = "propensity learners tried beside "
            + "the run's on the same folds with the run's outcome predictions: cv_l2 (L2 at the cross-validated "
            + "lambda: the run's), l2_tenth (L2 at a tenth of it), unpenalized (L2 at lambda 1e-8), l1 "
            + "(cross-validated L1), post_l1 (L2 at lambda 1e-8 on the covariates the cross-validated L1 keeps); "
            + "none: only the run's (default l2_tenth,unpenalized,l1,post_l1)")
    List<String> variants = List.of("l2_tenth", "unpenalized", "l1", "post_l1");

    @Option(names = "--ate-folds", paramLabel = "K", description = "the study's ate.folds: auto (the default: 5, or "
            + "2 from 200,000 rows) or a whole number from 2 to 100")
    String ateFolds = "auto";

    @Option(names = "--reuse", description = "also the ATE as a run takes it from 200,000 training rows: on "
            + "dr_xgboost's cross-fitted nuisances of the run's training split, the other patients from its fold "
            + "models (AteEstimands.viaDonor), against the whole-cohort cross-fit on the same data")
    boolean reuse;

    @Mixin
    BenchTarget target;

    private int folds() {
        if (ateFolds.equals("auto")) {
            return Study.AUTO_ATE_FOLDS;
        }
        try {
            int k = Integer.parseInt(ateFolds);
            if (k >= 2 && k <= 100) {
                return k;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("--ate-folds: auto or a whole number from 2 to 100, got " + ateFolds);
    }

    @Override
    public Integer call() throws IOException {
        String size = "n" + rows + "-p" + features;
        if (target.out == null) {
            target.out = Path.of("runs", "bench", "bench-ate-" + size + ".json");
        }
        OutputTarget out = target.checked("ate", OutputKind.BENCH_JSON, List.of());
        long repSeeds = Seeds.derive(seed, "ate-reps");
        List<Map<String, Object>> perRep = new ArrayList<>();
        System.out.printf(Locale.ROOT, "bench ate: n = %d, p = %d, reps %d..%d, %d processors, load %.1f%n", rows,
                features, firstRep, firstRep + reps - 1, Runtime.getRuntime().availableProcessors(), load());
        java.util.function.LongSupplier cpu = StageClock.processCpu();
        Path scratch = Files.createTempDirectory("causalrx-bench-ate");
        try {
            for (int r = firstRep; r < firstRep + reps; r++) {
                long t0 = System.nanoTime();
                long cpu0 = cpu == null ? 0 : cpu.getAsLong();
                Map<String, Object> row = replicate(new ScaleDesign(rows, features, Seeds.derive(repSeeds, r), false),
                        scratch, variants(), folds(), reuse, cpu);
                row.put("cpu_seconds", cpu == null ? -1 : (cpu.getAsLong() - cpu0) / 1e9);
                row.put("seconds", (System.nanoTime() - t0) / 1e9);
                row.put("rep", r);
                perRep.add(row);
                System.out.printf(Locale.ROOT, "rep %3d  ATE %.4f  SE %.4f  z %+.2f | true-e %.4f  true-mu %.4f  "
                        + "oracle %.4f | e in [%.4f, %.4f] clipped %.4f max w %.1f | rmse e %.4f mu0 %.4f mu1 %.4f"
                        + "  %.0f s, %.0f CPU s, %d folds (load %.1f)%n", r, row.get("ate"), row.get("se"),
                        row.get("z"), row.get("ate_true_e"), row.get("ate_true_mu"), row.get("ate_oracle"),
                        row.get("e_min"), row.get("e_max"), row.get("clipped_share"), row.get("max_weight"),
                        row.get("rmse_e"), row.get("rmse_mu0"), row.get("rmse_mu1"), row.get("seconds"),
                        row.get("cpu_seconds"), row.get("folds"), load());
                if (reuse) {
                    System.out.printf(Locale.ROOT, "         reused      ATE %.4f  SE %.4f  z %+.2f | rmse e %.4f mu0 "
                            + "%.4f mu1 %.4f | own cross-fit %.0f CPU s, dr_xgboost fit and extension %.0f CPU s%n",
                            row.get("ate_reuse"), row.get("se_reuse"), row.get("z_reuse"), row.get("rmse_e_reuse"),
                            row.get("rmse_mu0_reuse"), row.get("rmse_mu1_reuse"), row.get("cpu_own"),
                            row.get("cpu_reuse"));
                }
                for (String v : variants()) {
                    System.out.printf(Locale.ROOT,
                            "         %-11s ATE %.4f  SE %.4f  rmse e %.4f  slope %.3f  max w %.1f%n", v,
                            row.get("ate_" + v), row.get("se_" + v), row.get("rmse_e_" + v), row.get("slope_e_" + v),
                            row.get("max_weight_" + v));
                }
                // rewritten after every data set, so a long series stopped early keeps what it measured
                BenchOutput.writeJson(out, "ate", results(perRep));
                out = new OutputTarget(out.path(), OutputKind.BENCH_JSON, true, "bench ate", List.of());
            }
        } finally {
            BenchOutput.deleteScratch(scratch);
        }
        System.out.printf(Locale.ROOT, "summary over %d data sets: %s%n", reps, summary(perRep));
        System.out.println("results written to " + out.path());
        return 0;
    }

    private Map<String, Object> results(List<Map<String, Object>> perRep) {
        Map<String, Object> all = new LinkedHashMap<>();
        all.put("rows", rows);
        all.put("features", features);
        all.put("reps", perRep.size());
        all.put("first_rep", firstRep);
        all.put("seed", seed);
        all.put("true_ate", ScaleDesign.TRUE_ATE);
        all.put("processors", Runtime.getRuntime().availableProcessors());
        all.put("load_at_end", load());
        all.put("summary", summary(perRep));
        all.put("replications", perRep);
        return all;
    }

    private List<String> variants() {
        List<String> v = variants.stream().filter(s -> !s.equals("none")).toList();
        for (String name : v) {
            if (!VARIANTS.contains(name)) {
                throw new IllegalArgumentException("--variants: cv_l2, l2_tenth, unpenalized, l1, post_l1 or none, got "
                        + name);
            }
        }
        return v;
    }

    /** One data set: the run's AIPW, its diagnostics, the oracle swaps and the propensity variants. */
    private static Map<String, Object> replicate(ScaleDesign design, Path scratch, List<String> variants,
                                                 int folds, boolean reuse, java.util.function.LongSupplier cpu)
            throws IOException {
        int n = design.rows();
        double[][] x = new double[n][];
        int[] t = new int[n];
        double[] y = new double[n];
        double[] eTrue = new double[n];
        double[] mu0 = new double[n];
        double[] mu1 = new double[n];
        double[] tauSum = new double[1];
        design.forEachRow((i, xi, ti, yi, taui) -> {
            x[i] = xi.clone();
            t[i] = ti;
            y[i] = yi;
            eTrue[i] = design.propensity(xi);
            mu0[i] = ScaleDesign.untreatedMean(xi);
            mu1[i] = mu0[i] + taui;
            tauSum[0] += taui;
        });
        // the study file `bench scale` writes for this design, loaded as `causalrx run` loads it
        Path studyFile = scratch.resolve("study-" + Long.toUnsignedString(design.seed()) + ".yaml");
        Files.writeString(studyFile, ScaleStudyFiles.studyYaml(design, 10_000, ScaleBench.DEFAULT_ESTIMATORS),
                StandardCharsets.UTF_8);
        Study study = StudyLoader.load(studyFile).withAteFolds(folds);
        Files.deleteIfExists(studyFile);
        Learners learners = Learners.standard().forStudy(study);
        CrossFitAipw aipw = AteEstimands.aipw(learners, study, n);
        long aipwSeed = AteEstimands.seed(study.seed());
        long c0 = cpu == null ? 0 : cpu.getAsLong();
        CrossFitAipw.Fit fit = aipw.fit(x, t, y, aipwSeed, null, f -> aipw.propensity());
        AipwEstimands nu = fit.nuisances();
        AipwEstimands.Estimate ate = nu.estimate(Estimand.ATE, aipw.folds());

        Map<String, Object> row = new LinkedHashMap<>();
        if (reuse) {
            long c1 = cpu == null ? 0 : cpu.getAsLong();
            AipwEstimands via = AteEstimands.viaDonor(learners, study, "dr_xgboost", x, t, y, study.seed());
            long c2 = cpu == null ? 0 : cpu.getAsLong();
            if (via == null) {
                throw new IllegalStateException("dr_xgboost's nuisances do not qualify for the ATE on " + n + " rows");
            }
            AipwEstimands.Estimate a = via.estimate(Estimand.ATE, aipw.folds());
            row.put("ate_reuse", a.estimate());
            row.put("se_reuse", a.se());
            row.put("z_reuse", (a.estimate() - ScaleDesign.TRUE_ATE) / a.se());
            row.put("covered_reuse", Math.abs(a.estimate() - ScaleDesign.TRUE_ATE) <= Z975 * a.se());
            row.put("rmse_e_reuse", rmse(via.e(), eTrue, -1));
            row.put("rmse_mu0_reuse", rmse(via.m0(), mu0, -1));
            row.put("rmse_mu1_reuse", rmse(via.m1(), mu1, -1));
            row.put("cpu_own", cpu == null ? -1 : (c1 - c0) / 1e9);
            row.put("cpu_reuse", cpu == null ? -1 : (c2 - c1) / 1e9);
        }
        row.put("data_seed", design.seed());
        row.put("folds", aipw.folds());
        row.put("ate", ate.estimate());
        row.put("se", ate.se());
        row.put("z", (ate.estimate() - ScaleDesign.TRUE_ATE) / ate.se());
        row.put("covered", Math.abs(ate.estimate() - ScaleDesign.TRUE_ATE) <= Z975 * ate.se());
        row.put("sample_ate", tauSum[0] / n);
        double[] e = nu.e();
        double clip = aipw.clip();
        double eMin = Arrays.stream(e).min().orElse(Double.NaN);
        double eMax = Arrays.stream(e).max().orElse(Double.NaN);
        int clipped = 0;
        double maxW = 0;
        double se2 = 0;
        double s0 = 0;
        double s1 = 0;
        for (int i = 0; i < n; i++) {
            clipped += e[i] <= clip || e[i] >= 1 - clip ? 1 : 0;
            maxW = Math.max(maxW, t[i] == 1 ? 1 / e[i] : 1 / (1 - e[i]));
            se2 += (e[i] - eTrue[i]) * (e[i] - eTrue[i]);
            s0 += (nu.m0()[i] - mu0[i]) * (nu.m0()[i] - mu0[i]);
            s1 += (nu.m1()[i] - mu1[i]) * (nu.m1()[i] - mu1[i]);
        }
        row.put("e_min", eMin);
        row.put("e_max", eMax);
        row.put("true_e_min", Arrays.stream(eTrue).min().orElse(Double.NaN));
        row.put("true_e_max", Arrays.stream(eTrue).max().orElse(Double.NaN));
        row.put("clipped_share", clipped / (double) n);
        row.put("max_weight", maxW);
        row.put("rmse_e", Math.sqrt(se2 / n));
        row.put("rmse_mu0", Math.sqrt(s0 / n));
        row.put("rmse_mu1", Math.sqrt(s1 / n));
        row.put("slope_e", logitSlope(e, eTrue));
        List<Double> lambdas = new ArrayList<>();
        for (ProbabilityModel m : fit.propensityModels()) {
            lambdas.add(m instanceof LogisticModel lm ? lm.lambda() : Double.NaN);
        }
        row.put("propensity_lambdas", lambdas);
        double[] eTrueClipped = eTrue.clone();
        for (int i = 0; i < n; i++) {
            eTrueClipped[i] = Math.min(Math.max(eTrue[i], clip), 1 - clip);
        }
        row.put("ate_true_e", new AipwEstimands(t, y, eTrueClipped, nu.m0(), nu.m1()).estimate(Estimand.ATE,
                aipw.folds()).estimate());
        row.put("ate_true_mu", new AipwEstimands(t, y, e, mu0, mu1).estimate(Estimand.ATE, aipw.folds())
                .estimate());
        AipwEstimands.Estimate oracle = new AipwEstimands(t, y, eTrueClipped, mu0, mu1).estimate(Estimand.ATE,
                aipw.folds());
        row.put("ate_oracle", oracle.estimate());
        row.put("se_oracle", oracle.se());
        double plugIn = 0;
        for (int i = 0; i < n; i++) {
            plugIn += (nu.m1()[i] - nu.m0()[i]) / n;
        }
        row.put("ate_outcome_only", plugIn);
        for (String v : variants) {
            double[] ev = variantPropensity(v, aipw, x, t, aipwSeed);
            AipwEstimands.Estimate a = new AipwEstimands(t, y, ev, nu.m0(), nu.m1()).estimate(Estimand.ATE,
                    aipw.folds());
            row.put("ate_" + v, a.estimate());
            row.put("se_" + v, a.se());
            row.put("z_" + v, (a.estimate() - ScaleDesign.TRUE_ATE) / a.se());
            row.put("covered_" + v, Math.abs(a.estimate() - ScaleDesign.TRUE_ATE) <= Z975 * a.se());
            double sq = 0;
            double w = 0;
            for (int i = 0; i < n; i++) {
                sq += (ev[i] - eTrue[i]) * (ev[i] - eTrue[i]);
                w = Math.max(w, t[i] == 1 ? 1 / ev[i] : 1 / (1 - ev[i]));
            }
            row.put("rmse_e_" + v, Math.sqrt(sq / n));
            row.put("slope_e_" + v, logitSlope(ev, eTrue));
            row.put("max_weight_" + v, w);
        }
        return row;
    }

    /** RMSE of {@code v} against {@code truth} (clipped to [clip, 1 − clip] first when clip ≥ 0). */
    private static double rmse(double[] v, double[] truth, double clip) {
        double s = 0;
        for (int i = 0; i < v.length; i++) {
            double tr = clip >= 0 ? Math.min(Math.max(truth[i], clip), 1 - clip) : truth[i];
            s += (v[i] - tr) * (v[i] - tr);
        }
        return Math.sqrt(s / v.length);
    }

    /**
     * Out-of-fold propensities (clipped as the run clips) of variant {@code v} on the run's folds with the run's
     * fold seeds: {@link CrossFitAipw#fit} with another propensity learner, without refitting the outcome models.
     */
    private static double[] variantPropensity(String v, CrossFitAipw aipw, double[][] x, int[] t, long aipwSeed) {
        int n = t.length;
        int[] fold = Folds.assignGrouped(n, aipw.folds(), t, null, Seeds.derive(aipwSeed, "aipw-folds"));
        double[] e = new double[n];
        LogisticRegression unpenalized = LogisticRegression.l2(LinearSettings.defaults()
                .withFixedLambda(LinearSettings.NEARLY_UNPENALIZED_LAMBDA)
                .withNLambda(LogisticRegression.FIXED_PATH_POINTS));
        for (int f = 0; f < aipw.folds(); f++) {
            int[] train = Folds.rows(fold, f, false);
            int[] test = Folds.rows(fold, f, true);
            double[][] xTrain = Stats.select(x, train);
            int[] tTrain = Stats.select(t, train);
            double[][] xTest = Stats.select(x, test);
            long s = Seeds.derive(aipwSeed, 2L * f);
            double[] p = switch (v) {
                case "cv_l2" -> LogisticRegression.l2().fit(xTrain, tTrain, null, s).predictProba(xTest);
                case "l2_tenth" -> LogisticRegression.l2().atLambda(LogisticRegression.l2().fit(xTrain, tTrain, null,
                        s).lambda() / 10).fit(xTrain, tTrain, null, s).predictProba(xTest);
                case "unpenalized" -> unpenalized.fit(xTrain, tTrain, null, s).predictProba(xTest);
                case "l1" -> LogisticRegression.l1().fit(xTrain, tTrain, null, s).predictProba(xTest);
                case "post_l1" -> postL1(xTrain, tTrain, xTest, s, unpenalized);
                default -> throw new IllegalArgumentException(v);
            };
            for (int j = 0; j < test.length; j++) {
                e[test[j]] = Math.min(Math.max(p[j], aipw.clip()), 1 - aipw.clip());
            }
        }
        return e;
    }

    /** The cross-validated L1 fit's covariates (non-zero coefficients) refitted nearly unpenalised. */
    private static double[] postL1(double[][] xTrain, int[] tTrain, double[][] xTest, long seed,
                                   LogisticRegression unpenalized) {
        double[] beta = LogisticRegression.l1().fit(xTrain, tTrain, null, seed).coefficients();
        int[] keep = java.util.stream.IntStream.range(0, beta.length).filter(j -> beta[j] != 0).toArray();
        if (keep.length == 0) {
            double share = Arrays.stream(tTrain).average().orElse(0.5);
            double[] p = new double[xTest.length];
            Arrays.fill(p, share);
            return p;
        }
        return unpenalized.fit(columns(xTrain, keep), tTrain, null, seed).predictProba(columns(xTest, keep));
    }

    private static double[][] columns(double[][] x, int[] keep) {
        double[][] out = new double[x.length][keep.length];
        for (int i = 0; i < x.length; i++) {
            for (int k = 0; k < keep.length; k++) {
                out[i][k] = x[i][keep[k]];
            }
        }
        return out;
    }

    /**
     * The slope of the fitted propensity's logit on the true one (1: calibrated spread; below 1: shrunk toward 0.5,
     * above 1: overfitted), by least squares over the rows.
     */
    private static double logitSlope(double[] e, double[] eTrue) {
        int n = e.length;
        double mx = 0;
        double my = 0;
        for (int i = 0; i < n; i++) {
            mx += logit(eTrue[i]) / n;
            my += logit(e[i]) / n;
        }
        double sxy = 0;
        double sxx = 0;
        for (int i = 0; i < n; i++) {
            double dx = logit(eTrue[i]) - mx;
            sxy += dx * (logit(e[i]) - my);
            sxx += dx * dx;
        }
        return sxy / sxx;
    }

    private static double logit(double p) {
        return Math.log(p / (1 - p));
    }

    /** Mean bias (with its Monte Carlo SE), empirical SD, mean SE, SD of z, coverage; also for the oracle swaps. */
    static Map<String, Object> summary(List<Map<String, Object>> perRep) {
        Map<String, Object> s = new LinkedHashMap<>();
        int r = perRep.size();
        double[] ate = column(perRep, "ate");
        double[] se = column(perRep, "se");
        double[] z = column(perRep, "z");
        s.put("reps", r);
        s.put("mean_bias", mean(ate) - ScaleDesign.TRUE_ATE);
        s.put("bias_mc_se", sd(ate) / Math.sqrt(r));
        s.put("empirical_sd", sd(ate));
        s.put("mean_se", mean(se));
        s.put("rms_se", Math.sqrt(mean(square(se))));
        s.put("sd_over_se", sd(ate) / Math.sqrt(mean(square(se))));
        s.put("mean_z", mean(z));
        s.put("sd_z", sd(z));
        s.put("rms_z", Math.sqrt(mean(square(z))));
        s.put("coverage_95", perRep.stream().filter(m -> (boolean) m.get("covered")).count() / (double) r);
        for (String k : List.of("ate_true_e", "ate_true_mu", "ate_oracle", "ate_outcome_only")) {
            double[] v = column(perRep, k);
            s.put(k + "_mean_bias", mean(v) - ScaleDesign.TRUE_ATE);
            s.put(k + "_sd", sd(v));
        }
        for (String v : VARIANTS) {
            if (!perRep.get(0).containsKey("ate_" + v)) {
                continue;
            }
            double[] a = column(perRep, "ate_" + v);
            double[] sv = column(perRep, "se_" + v);
            double[] zv = column(perRep, "z_" + v);
            double[] diff = new double[r];
            double[] orc = column(perRep, "ate_oracle");
            for (int i = 0; i < r; i++) {
                diff[i] = a[i] - orc[i];
            }
            s.put(v + "_mean_bias", mean(a) - ScaleDesign.TRUE_ATE);
            s.put(v + "_empirical_sd", sd(a));
            s.put(v + "_mean_se", mean(sv));
            s.put(v + "_sd_z", sd(zv));
            s.put(v + "_coverage_95", perRep.stream().filter(m -> (boolean) m.get("covered_" + v)).count()
                    / (double) r);
            s.put(v + "_minus_oracle_mean", mean(diff));
            s.put(v + "_minus_oracle_mc_se", sd(diff) / Math.sqrt(r));
            s.put(v + "_mean_rmse_e", mean(column(perRep, "rmse_e_" + v)));
            s.put(v + "_mean_slope_e", mean(column(perRep, "slope_e_" + v)));
            s.put(v + "_max_weight", Arrays.stream(column(perRep, "max_weight_" + v)).max().orElse(Double.NaN));
        }
        if (perRep.get(0).containsKey("ate_reuse")) {
            double[] a = column(perRep, "ate_reuse");
            double[] orc = column(perRep, "ate_oracle");
            double[] minusOracle = new double[r];
            double[] minusOwn = new double[r];
            for (int i = 0; i < r; i++) {
                minusOracle[i] = a[i] - orc[i];
                minusOwn[i] = a[i] - ate[i];
            }
            s.put("reuse_mean_bias", mean(a) - ScaleDesign.TRUE_ATE);
            s.put("reuse_empirical_sd", sd(a));
            s.put("reuse_mean_se", mean(column(perRep, "se_reuse")));
            s.put("reuse_sd_z", sd(column(perRep, "z_reuse")));
            s.put("reuse_coverage_95", perRep.stream().filter(m -> (boolean) m.get("covered_reuse")).count()
                    / (double) r);
            s.put("reuse_minus_oracle_mean", mean(minusOracle));
            s.put("reuse_minus_oracle_sd", sd(minusOracle));
            s.put("reuse_minus_own_mean", mean(minusOwn));
            s.put("reuse_minus_own_sd", sd(minusOwn));
            s.put("reuse_mean_rmse_e", mean(column(perRep, "rmse_e_reuse")));
            s.put("reuse_mean_rmse_mu0", mean(column(perRep, "rmse_mu0_reuse")));
            s.put("reuse_mean_rmse_mu1", mean(column(perRep, "rmse_mu1_reuse")));
            s.put("own_mean_cpu_s", mean(column(perRep, "cpu_own")));
            s.put("reuse_mean_cpu_s", mean(column(perRep, "cpu_reuse")));
        }
        double[] nuisanceError = new double[r];
        double[] oracle = column(perRep, "ate_oracle");
        for (int i = 0; i < r; i++) {
            nuisanceError[i] = ate[i] - oracle[i];
        }
        s.put("fitted_minus_oracle_mean", mean(nuisanceError));
        s.put("fitted_minus_oracle_sd", sd(nuisanceError));
        s.put("fitted_minus_oracle_mc_se", sd(nuisanceError) / Math.sqrt(r));
        s.put("mean_se_oracle", mean(column(perRep, "se_oracle")));
        s.put("e_min", Arrays.stream(column(perRep, "e_min")).min().orElse(Double.NaN));
        s.put("e_max", Arrays.stream(column(perRep, "e_max")).max().orElse(Double.NaN));
        s.put("mean_clipped_share", mean(column(perRep, "clipped_share")));
        s.put("max_weight", Arrays.stream(column(perRep, "max_weight")).max().orElse(Double.NaN));
        s.put("mean_rmse_e", mean(column(perRep, "rmse_e")));
        s.put("mean_rmse_mu0", mean(column(perRep, "rmse_mu0")));
        s.put("mean_rmse_mu1", mean(column(perRep, "rmse_mu1")));
        s.put("mean_slope_e", mean(column(perRep, "slope_e")));
        return s;
    }

    private static double[] column(List<Map<String, Object>> rows, String key) {
        return rows.stream().mapToDouble(m -> ((Number) m.get(key)).doubleValue()).toArray();
    }

    private static double[] square(double[] v) {
        return Arrays.stream(v).map(d -> d * d).toArray();
    }

    private static double mean(double[] v) {
        return Arrays.stream(v).average().orElse(Double.NaN);
    }

    private static double sd(double[] v) {
        if (v.length < 2) {
            return Double.NaN;
        }
        double m = mean(v);
        return Math.sqrt(Arrays.stream(v).map(d -> (d - m) * (d - m)).sum() / (v.length - 1));
    }

    private static double load() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }
}
