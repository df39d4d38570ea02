package org.causalrx.pipeline;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.causalrx.data.SplitIndices;
import org.causalrx.data.Table;
import org.causalrx.policy.Bootstrap;
import org.causalrx.policy.GroupProfiles;
import org.causalrx.policy.HeldOut;
import org.causalrx.policy.PolicyDecisions;
import org.causalrx.policy.WinMatrix;
import org.causalrx.result.Arms;
import org.causalrx.study.Cohort;
import org.causalrx.study.Study;
import org.causalrx.util.Histogram;
import org.causalrx.util.Seeds;
import org.causalrx.util.Stats;

/**
 * Policy insights of a K-arm run (TRS §3.11, App. E) on the test split: win matrices over every valued policy from
 * the evaluation's bootstrap rounds, per non-reference arm the rank graph against the reference, the outcome tree
 * of the selected policy and the profiles of the patients it recommends each arm, and per arm the histogram of its
 * generalized propensity by observed arm (training split). Each part is the two-arm computation over K arms
 * (with K = 2 the two-arm values); deterministic given the seed.
 */
final class MultiArmInsights {
    /** Equal-width bins of the propensity histograms on [0, 1]. */
    static final int BINS = 25;

    private MultiArmInsights() {
    }

    /**
     * @param x        encoded covariates per cohort row
     * @param features names of the encoded features (columns of {@code x})
     */
    static MultiArmResult.Insights run(Study study, Cohort cohort, SplitIndices split, double[][] x,
                                       List<String> features, MultiArmPropensity.Output prop,
                                       MultiArmStages.Effects effects, MultiArmEvaluation.Valued valued, long seed,
                                       boolean parallel) {
        Arms arms = study.treatment().arms();
        int sign = study.outcome().sign();
        Bootstrap.Result boot = valued.boot();
        HeldOut test = valued.test();
        int rounds = boot.dr().length == 0 ? 0 : boot.dr()[0].length;
        PolicyDecisions selected = valued.policies().stream().filter(p -> p.id().equals(valued.selected()))
                .findFirst().orElse(null);
        List<RunResult.OutcomeTreeNode> tree = List.of();
        List<MultiArmResult.RecommendedArm> recommended = List.of();
        int deferred = 0;
        if (selected != null) {
            int[] decisions = selected.arms();
            tree = PolicyInsightStage.outcomeTree(test.y(), test.t(), decisions, arms.labels().toArray(new String[0]));
            int[] rows = split.test();
            recommended = recommendedArms(arms, decisions, cohort.covariates().rows(rows),
                    AnalysisStage.categorical(cohort), Stats.select(x, rows), features, seed);
            for (int d : decisions) {
                deferred += d == PolicyDecisions.DEFER ? 1 : 0;
            }
        }
        return new MultiArmResult.Insights(boot.policies(), rounds, WinMatrix.shares(boot.dr(), sign),
                WinMatrix.shares(boot.ipw(), sign), valued.selected(), tree,
                rankGraphs(arms, test, effects.test(), sign, rounds, seed, parallel), recommended, deferred,
                propensityHistograms(arms, prop.e(), cohort.treatment(), split.train()));
    }

    /**
     * Per non-reference arm a, the rank curves of a against the reference: each estimator ranks the held-out
     * patients by its predicted benefit {@code sign · tau_a(x)}, then a random ranking.
     *
     * @param effects estimator → effects against the reference per held-out patient (n × K), study order
     * @param sign    +1 when higher outcomes are better, −1 when lower are
     */
    static List<MultiArmResult.RankGraph> rankGraphs(Arms arms, HeldOut heldOut, Map<String, double[][]> effects,
                                                     int sign, int rounds, long seed, boolean parallel) {
        List<MultiArmResult.RankGraph> out = new ArrayList<>();
        for (int a : arms.nonReference()) {
            Map<String, double[]> benefits = new LinkedHashMap<>();
            for (Map.Entry<String, double[][]> e : effects.entrySet()) {
                double[][] tau = e.getValue();
                double[] benefit = new double[tau.length];
                for (int i = 0; i < tau.length; i++) {
                    benefit[i] = sign * tau[i][a];
                }
                benefits.put(e.getKey(), benefit);
            }
            out.add(new MultiArmResult.RankGraph(arms.code(a), arms.label(a),
                    PolicyInsightStage.rankCurves(heldOut, a, benefits, rounds, seed, parallel)));
        }
        return out;
    }

    /**
     * Per arm: the patients the policy recommends it, with their profile against those recommended another arm
     * (deferred patients in neither). Every membership model uses the same cross-validation seed.
     *
     * @param decisions the policy's arm per patient, or {@link PolicyDecisions#DEFER}
     * @param raw       the same patients' raw covariates
     * @param x         their encoded features (n × p)
     */
    static List<MultiArmResult.RecommendedArm> recommendedArms(Arms arms, int[] decisions, Table raw,
                                                               Set<String> categorical, double[][] x,
                                                               List<String> features, long seed) {
        int n = decisions.length;
        int k = arms.size();
        List<MultiArmResult.RecommendedArm> out = new ArrayList<>();
        for (int a = 0; a < k; a++) {
            int[] group = new int[n];
            int count = 0;
            for (int i = 0; i < n; i++) {
                group[i] = decisions[i] == PolicyDecisions.DEFER ? -1 : decisions[i] == a ? 1 : 0;
                count += group[i] == 1 ? 1 : 0;
            }
            String other = k == 2 ? "recommended '" + arms.label(1 - a) + "'" : "recommended another arm";
            out.add(new MultiArmResult.RecommendedArm(a, arms.code(a), arms.label(a), count,
                    n == 0 ? 0 : count / (double) n, GroupProfiles.describe("recommended '" + arms.label(a) + "'",
                    other, raw, categorical, x, features, group, Seeds.derive(seed, "profile-arm"))));
        }
        return out;
    }

    /**
     * Per arm a, histograms of P(T = a | x) over {@code rows}, one per observed arm.
     *
     * @param e n × K propensities per cohort row
     * @param t observed arm per cohort row
     */
    static List<MultiArmResult.PropensityHistogram> propensityHistograms(Arms arms, double[][] e, int[] t,
                                                                         int[] rows) {
        int k = arms.size();
        List<MultiArmResult.PropensityHistogram> out = new ArrayList<>();
        for (int a = 0; a < k; a++) {
            List<MultiArmResult.HistogramSeries> series = new ArrayList<>();
            for (int b = 0; b < k; b++) {
                int n = 0;
                for (int r : rows) {
                    n += t[r] == b ? 1 : 0;
                }
                double[] values = new double[n];
                int j = 0;
                for (int r : rows) {
                    if (t[r] == b) {
                        values[j++] = e[r][a];
                    }
                }
                series.add(new MultiArmResult.HistogramSeries(arms.code(b), arms.label(b), n,
                        Histogram.shares(values, BINS)));
            }
            out.add(new MultiArmResult.PropensityHistogram(arms.code(a), arms.label(a), series));
        }
        return out;
    }
}
