package org.causalrx.report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

import org.causalrx.pipeline.LinearCoefficients;
import org.causalrx.pipeline.ModelFigures;
import org.causalrx.pipeline.NnMetrics;
import org.causalrx.pipeline.RunFigures;
import org.causalrx.pipeline.RunFigures.CalibrationBin;
import org.causalrx.pipeline.RunResult;
import org.causalrx.pipeline.RunResult.CovariateDecision;
import org.causalrx.pipeline.RunResult.OutcomeModelMetric;
import org.causalrx.pipeline.RunResult.PolicyResult;
import org.causalrx.pipeline.RunResult.PropensityMetric;
import org.causalrx.pipeline.RunResult.Summary;
import org.causalrx.result.PolicyId;
import org.causalrx.result.SelectionScheme;
import org.causalrx.study.Study;

/** A synthetic but realistic run (NHEFS-like smoking cessation study) for the report tests. */
final class ReportFixture {

    static final String[] POLICIES = {"doctors", "random", "propensity", "treat_all_0", "treat_all_1",
            "t_xgboost", "t_ridge", "t_lasso"};
    /** DR bootstrap centres; treat_all_1 is highest and treat_all_0 lowest overall, but both are baselines. */
    static final double[] DR_MEAN = {2.60, 3.30, 2.70, 1.45, 5.30, 1.80, 1.60, 1.70};
    static final double[] IPW_MEAN = {2.55, 3.40, 2.75, 1.50, 5.10, 1.80, 1.55, 1.75};
    static final String[] PROPENSITY_MODELS = {"logistic", "lasso_logistic", "xgboost"};
    static final int ROUNDS = 500;

    private ReportFixture() {
    }

    static RunResult result(String direction, String question) {
        RunFigures figures = figures(42L);
        RunResult.ProtocolInfo protocol = new RunResult.ProtocolInfo("smoking-cessation-v1", question,
                "First visit (1971), when the patient is advised whether to quit smoking",
                "Adult smokers aged 25-74 in NHEFS with weight measured in 1982",
                "Primary-care physicians", "data/nhefs.csv", "qsmk", "Kept smoking", "Quit smoking", "0", "1",
                "wt82_71", Study.OutcomeType.CONTINUOUS, Study.Direction.valueOf(direction.toUpperCase(Locale.ROOT)),
                7.88, 1629, 63, "outcome missing (wt82 not measured)");
        List<CovariateDecision> covariates = List.of(
                new CovariateDecision("age", "confounder", true, "affects quitting and weight gain", "numeric", 0,
                        List.of("age", "age^2")),
                new CovariateDecision("sex", "confounder", true, "affects both", "categorical", 0,
                        List.of("sex=1")),
                new CovariateDecision("smokeintensity", "effect_modifier", true,
                        "modifies the effect of quitting, \"heavy\" smokers gain more", "numeric", 0,
                        List.of("smokeintensity", "smokeintensity^2")),
                new CovariateDecision("wt71", "confounder", true, "baseline weight", "numeric", 0,
                        List.of("wt71")),
                new CovariateDecision("exercise", "confounder", true, "affects both", "categorical", 2,
                        List.of("exercise=1", "exercise=2")),
                new CovariateDecision("price82", "instrument", false,
                        "instrument: affects treatment only, adds variance", "numeric", 92, List.of()),
                new CovariateDecision("wt82", "post_treatment", false, "measured after treatment, a leak",
                        "numeric", 0, List.of()),
                new CovariateDecision("seqn", "undeclared", false, "not declared in the study", "numeric", 0,
                        List.of()));
        List<String> features = covariates.stream().flatMap(c -> c.features().stream()).toList();
        List<PropensityMetric> propensity = new ArrayList<>();
        double[][] m = {{0.180, 0.700, 0.745, 0.520, 0.210, 0.299}, {0.181, 0.697, 0.741, 0.500, 0.190, 0.275},
                {0.176, 0.962, 0.870, 0.810, 0.650, 0.721}};
        for (int i = 0; i < 3; i++) {
            for (String split : List.of("train", "validation")) {
                double d = split.equals("train") ? 0.0 : 0.02;
                propensity.add(new PropensityMetric(PROPENSITY_MODELS[i], split, m[i][0] + d, m[i][1] - d,
                        m[i][2] - d, m[i][3] - d, m[i][4] - d, m[i][5] - d));
            }
        }
        RunResult.OverlapInfo overlap = new RunResult.OverlapInfo(0.08, 0.62,
                "Crump et al. (2009) rule on the training split: [\u03b1, 1\u2212\u03b1] with \u03b1 chosen "
                        + "to minimise the variance bound, then clipped", 313, 287, 938, 861);
        RunResult.AteResult ate = new RunResult.AteResult(3.41, 0.49, 2.45, 4.37, "AIPW, cross-fitted", 5,
                1566);
        List<OutcomeModelMetric> outcome = new ArrayList<>();
        for (String model : List.of("xgboost", "ridge", "lasso")) {
            for (String arm : List.of("control", "treated")) {
                for (String split : List.of("train", "validation")) {
                    double rmse = model.equals("xgboost") && split.equals("train") ? 5.2
                            : model.equals("lasso") && arm.equals("treated") ? 7.9 : 7.1;
                    outcome.add(new OutcomeModelMetric(model, arm, split, arm.equals("control") ? 700 : 240,
                            rmse, rmse * 0.75, 1 - (rmse * rmse) / (7.88 * 7.88), 7.88,
                            split.equals("validation") && rmse * rmse >= 0.9 * 7.88 * 7.88));
                }
            }
        }
        List<PolicyResult> policies = new ArrayList<>();
        for (int i = 0; i < POLICIES.length; i++) {
            String name = POLICIES[i];
            double treated = name.equals("treat_all_1") ? 1.0 : name.equals("treat_all_0") ? 0.0 : 0.26 + 0.05 * i;
            double deferred = name.startsWith("t_") ? 0.15 : 0.0;
            policies.add(new PolicyResult(PolicyId.of(name), "Policy " + name + " ("
                    + (name.startsWith("t_") ? "learned" : "baseline") + ")", treated, deferred, DR_MEAN[i] + 0.01,
                    IPW_MEAN[i] - 0.01,
                    summary(figures.bootstrapDr().get(PolicyId.of(name))),
                    summary(figures.bootstrapIpw().get(PolicyId.of(name)))));
        }
        RunResult.Provenance provenance = new RunResult.Provenance("3f1c".repeat(16), "a9b2".repeat(16), 20240601L,
                ROUNDS, "0.1.0-SNAPSHOT", "17.0.15", "3.0.4");
        return RunResult.builder().study("nhefs_smoking").protocol(protocol)
                .n(new RunResult.SampleSizes(938, 315, 313)).covariates(covariates).features(features)
                .propensity(propensity).selectedPropensityModel("logistic").overlap(overlap).ate(ate)
                .outcomeModels(outcome).policies(policies).cateInsights(insights())
                .policyInsights(policyInsights(direction)).featureImportance(List.of()).provenance(provenance)
                .nnMetrics(nnMetrics()).linearCoefficients(coefficients(features)).build();
    }

    /**
     * Policy insights whose selected policy (chosen, as core does, on validation values) is deliberately NOT the
     * learned policy with the best test DR mean: t_xgboost when lower is better (t_ridge has the best test mean),
     * t_ridge when higher is better.
     */
    static RunResult.PolicyInsights policyInsights(String direction) {
        boolean lower = direction.startsWith("lower");
        String selected = lower ? "t_xgboost" : "t_ridge";
        List<RunResult.SelectionValue> values = new ArrayList<>();
        for (int i = 0; i < POLICIES.length; i++) {
            boolean learned = POLICIES[i].startsWith("t_");
            double v = POLICIES[i].equals(selected) ? (lower ? 0.5 : 9.0) : DR_MEAN[i];
            values.add(new RunResult.SelectionValue(PolicyId.of(POLICIES[i]), learned, v, v + 0.05));
        }
        RunResult.Selection selection = new RunResult.Selection(SelectionScheme.VALIDATION_SPLIT_DR, 315,
                PolicyId.of(selected), values, "chosen on the validation split");
        int k = POLICIES.length;
        int si = java.util.Arrays.asList(POLICIES).indexOf(selected);
        RunResult.Headline h = new RunResult.Headline(PolicyId.of(selected), "mean outcome", "test_split_dr",
                DR_MEAN[si], DR_MEAN[si] - 0.4, DR_MEAN[si] + 0.4, DR_MEAN[0], 0.8, 0.1, 1.5, 0.97, true, 313);
        RunResult.Verdict verdict = new RunResult.Verdict(PolicyId.of("treat_all_1"), 0.62, false,
                PolicyId.of(selected), 0.97, h,
                "No policy is clearly better than the others.", List.of());
        return new RunResult.PolicyInsights(Arrays.stream(POLICIES).map(PolicyId::of).toList(), ROUNDS,
                new int[k][k], new int[k][k], PolicyId.of(selected),
                List.of(), List.of(new RunResult.RankCurve("t_ridge", new double[] {0, 0.5, 1},
                        new double[] {2.6, 2.2, 2.4}, new double[] {2.4, 2.0, 2.2}, new double[] {2.8, 2.4, 2.6})),
                verdict, selection);
    }

    /** NN-PEHE and implied effect per estimator of {@link #insights()}; no AUC (continuous outcome). */
    static NnMetrics nnMetrics() {
        List<NnMetrics.Estimator> rows = new ArrayList<>();
        for (RunResult.ImpliedAte a : insights().impliedAte()) {
            double pehe = 9.5 + 0.3 * rows.size();
            rows.add(new NnMetrics.Estimator(a.estimator(), pehe, pehe - 0.6, pehe + 0.7, a.estimate(), a.ciLow(),
                    a.ciHigh(), List.of()));
        }
        return new NnMetrics("test", 313, 1000, rows);
    }

    /** Standardised coefficients of a linear propensity model and of both arms of t_ridge. */
    static List<LinearCoefficients> coefficients(List<String> features) {
        List<LinearCoefficients> out = new ArrayList<>();
        String[] models = {"propensity (logistic)", "t_ridge, arm 'Kept smoking'", "t_ridge, arm 'Quit smoking'"};
        for (int k = 0; k < models.length; k++) {
            double[] c = new double[features.size()];
            for (int j = 0; j < c.length; j++) {
                c[j] = (k + 1) * 0.1 * (j % 2 == 0 ? j : -j);
            }
            out.add(new LinearCoefficients(models[k], k == 0 ? "log-odds of treatment per SD" : "outcome units per SD",
                    features, c));
        }
        return out;
    }

    static RunResult.CateInsights insights() {
        List<String> names = List.of("t_xgboost", "t_ridge", "average");
        double[][] pearson = {{1, 0.6, 0.9}, {0.6, 1, 0.8}, {0.9, 0.8, 1}};
        double[][] kendall = {{1, 0.4, 0.7}, {0.4, 1, 0.6}, {0.7, 0.6, 1}};
        Map<String, List<RunResult.CalibrationBin>> cal = new LinkedHashMap<>();
        List<RunResult.ImpliedAte> implied = new ArrayList<>();
        for (int k = 0; k < names.size(); k++) {
            List<RunResult.CalibrationBin> bins = new ArrayList<>();
            for (int b = 0; b < 5; b++) {
                double m = -1 + 0.5 * b + 0.1 * k;
                bins.add(new RunResult.CalibrationBin(m, m + 0.2, m - 0.8, m + 1.2, 63));
            }
            cal.put(names.get(k), bins);
            implied.add(new RunResult.ImpliedAte(names.get(k), 3.1 + 0.1 * k, 2.6, 3.7));
        }
        return new RunResult.CateInsights(names, pearson, kendall, implied, cal,
                List.of("lasso (arm 'treated'): validation RMSE 7.900 vs outcome SD 7.880, MSE >= 0.9 x variance"));
    }

    static RunFigures figures(long seed) {
        Random rnd = new Random(seed);
        Map<String, List<CalibrationBin>> calibration = new LinkedHashMap<>();
        for (int k = 0; k < PROPENSITY_MODELS.length; k++) {
            List<CalibrationBin> bins = new ArrayList<>();
            for (int b = 0; b < 10; b++) {
                double p = 0.05 + 0.09 * b;
                double obs = Math.min(1, Math.max(0, p + (k - 1) * 0.04 * Math.sin(b) + 0.03 * rnd.nextGaussian()));
                bins.add(new CalibrationBin(p, obs, 20 + rnd.nextInt(40)));
            }
            calibration.put(PROPENSITY_MODELS[k], bins);
        }
        Map<String, double[]> before = new LinkedHashMap<>();
        before.put("control", beta(rnd, 700, 0.22, 0.12));
        before.put("treated", beta(rnd, 238, 0.36, 0.16));
        Map<String, double[]> after = new LinkedHashMap<>();
        before.forEach((arm, v) -> after.put(arm, Arrays.stream(v).filter(x -> x >= 0.08 && x <= 0.62).toArray()));
        Map<PolicyId, double[]> dr = new LinkedHashMap<>();
        Map<PolicyId, double[]> ipw = new LinkedHashMap<>();
        for (int i = 0; i < POLICIES.length; i++) {
            dr.put(PolicyId.of(POLICIES[i]), normal(rnd, DR_MEAN[i], 0.35));
            ipw.put(PolicyId.of(POLICIES[i]), normal(rnd, IPW_MEAN[i], 0.6));
        }
        List<ModelFigures.Residuals> residuals = new ArrayList<>();
        for (String model : new String[] {"t_xgboost", "t_ridge"}) {
            for (String arm : new String[] {"Kept smoking", "Quit smoking"}) {
                residuals.add(new ModelFigures.Residuals(model, arm, "validation", normal(rnd, 0, 7.5)));
            }
        }
        return new RunFigures(calibration, before, after, dr, ipw, new ModelFigures(List.of(), residuals));
    }

    static Summary summary(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        double mean = Arrays.stream(s).average().orElse(Double.NaN);
        double sd = Math.sqrt(Arrays.stream(s).map(x -> (x - mean) * (x - mean)).sum() / (s.length - 1));
        return new Summary(mean, sd, s[0], q(s, 0.25), q(s, 0.5), q(s, 0.75), s[s.length - 1]);
    }

    private static double q(double[] sorted, double p) {
        double h = (sorted.length - 1) * p;
        int lo = (int) Math.floor(h);
        return sorted[lo] + (h - lo) * (sorted[Math.min(lo + 1, sorted.length - 1)] - sorted[lo]);
    }

    private static double[] normal(Random rnd, double mean, double sd) {
        double[] v = new double[ROUNDS];
        for (int i = 0; i < v.length; i++) {
            v[i] = mean + sd * rnd.nextGaussian();
        }
        return v;
    }

    /** Values in (0, 1) around a mean, roughly beta-shaped. */
    private static double[] beta(Random rnd, int n, double mean, double sd) {
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            double logit = Math.log(mean / (1 - mean)) + sd * 6 * rnd.nextGaussian();
            v[i] = 1 / (1 + Math.exp(-logit));
        }
        return v;
    }
}
