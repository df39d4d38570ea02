package org.causalrx.pipeline;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.causalrx.causal.CateModel;
import org.causalrx.causal.EffectIntervals;
import org.causalrx.causal.IntervalCateModel;
import org.causalrx.causal.TLearner;
import org.causalrx.data.CovariateEncoder;
import org.causalrx.data.CovariateSpec;
import org.causalrx.data.Encoding;
import org.causalrx.data.SplitIndices;
import org.causalrx.data.Table;
import org.causalrx.result.PolicyKind;
import org.causalrx.study.Cohort;
import org.causalrx.study.CohortBuilder;
import org.causalrx.study.CovariatePlan;
import org.causalrx.study.Study;
import org.causalrx.util.Seeds;
import org.causalrx.util.Stats;

/**
 * Calibration of the statistical intervals where the true CATE is known (a simulated outcome): the study's cohort,
 * split, encoding and point models exactly as {@link StudyRun} builds them, each estimator's interval model as the
 * run's deferral fits it ({@link StatisticalIntervals}, the study's alpha_stat and bootstrap refits, or the defaults
 * when it has no deferral block), and per estimator the share of test patients whose true CATE lies in the interval.
 * When the study names a group column, the split keeps each patient's rows on one side and the bootstrap refits
 * draw whole patients, as in the run; coverage is then counted over the test rows (stays).
 *
 * @param learners the run's learners
 * @param parallel fit bootstrap refits on several threads (results identical either way)
 */
public record IntervalCoverage(Learners learners, boolean parallel) {

    public IntervalCoverage() {
        this(Learners.standard(), true);
    }

    /**
     * One estimator's interval on one data set.
     *
     * @param estimator estimator name
     * @param nominal   nominal coverage 1 − alpha_stat
     * @param coverage  share of test patients whose true CATE lies in [lo, hi]
     * @param meanWidth mean of hi − lo over test patients, outcome units
     * @param patients  test patients
     * @param method    how the interval is computed, in words
     * @param scale     the factor k by which the interval, widened about its centre, would reach nominal coverage
     *                  on these patients ({@link #scale})
     */
    public record Row(String estimator, double nominal, double coverage, double meanWidth, int patients,
                      String method, double scale) {
    }

    /**
     * Where the measurement's rows come from.
     *
     * @param split       the run's train / validation / test split ({@link CohortSplits#of})
     * @param trainGroups patient index per training row, for the bootstrap refits, or null without a group column
     */
    record Design(SplitIndices split, int[] trainGroups) {
    }

    /** The split and training patients of {@code cohort}, seeded with the study's seed as the run is. */
    static Design design(Study study, Cohort cohort) {
        SplitIndices split = CohortSplits.of(study, cohort, study.seed());
        return new Design(split, CohortSplits.groupsOf(cohort, split.train()));
    }

    /**
     * @param study      the (simulated, continuous-outcome) study
     * @param table      its data
     * @param trueCate   true CATE per row of the data file (indexed by source row)
     * @param estimators the estimators to measure (sign-rule names; "consensus" is skipped)
     */
    public List<Row> measure(Study study, Table table, double[] trueCate, List<String> estimators) {
        long seed = study.seed();
        Learners learners = this.learners.forStudy(study);
        Study.Deferral d = study.deferral() != null ? study.deferral() : Study.Deferral.defaults();
        Cohort cohort = CohortBuilder.build(study, table);
        int[] t = cohort.treatment();
        double[] y = cohort.outcome();
        Design design = design(study, cohort);
        SplitIndices split = design.split();
        List<CovariateSpec> kept = cohort.plan().stream().filter(CovariatePlan::kept)
                .map(c -> new CovariateSpec(c.name(), c.type() == Study.ValueType.CATEGORICAL, study.covariates()
                        .stream().anyMatch(s -> s.name().equals(c.name()) && s.squared()))).toList();
        Encoding encoding = CovariateEncoder.fit(cohort.covariates(), split.train(), kept);
        double[][] x = encoding.transform(cohort.covariates());
        double[][] xTr = Stats.select(x, split.train());
        int[] tTr = Stats.select(t, split.train());
        double[] yTr = Stats.select(y, split.train());

        List<String> names = estimators.stream().filter(n -> !n.equals(PolicyKind.CONSENSUS_NAME)).toList();
        List<String> singles = CateStage.singles(study.estimators());
        List<String> needed = names.stream().anyMatch(Estimators::isEnsemble) ? study.estimators() : names;
        boolean binary = study.outcome().type() == Study.OutcomeType.BINARY;
        List<TLearner> tLearners = learners.tLearners(binary).stream().filter(l -> needed.contains(l.name())
                || singles.contains(l.name()) && needed.stream().anyMatch(Estimators::isEnsemble)).toList();
        List<TLearner.Fitted> tModels = new ArrayList<>();
        for (TLearner l : tLearners) {
            tModels.add(l.fit(xTr, tTr, yTr, Seeds.derive(seed, "outcome-" + l.name())));
        }
        List<String> fitNames = needed.stream().filter(n -> !n.equals(PolicyKind.CONSENSUS_NAME)).toList();
        Map<String, CateModel> cateModels = CateStage.fit(learners.estimators(), fitNames, tModels, xTr, tTr, yTr,
                seed, StudyRun.outcomeKind(study));
        StatisticalIntervals.Fitted si = StatisticalIntervals.fit(learners.estimators(), names, singles, cateModels,
                tLearners, StudyRun.outcomeKind(study), d.bootstrapRefits(), d.refitRows(), xTr, tTr, yTr,
                design.trainGroups(), seed,
                parallel);

        int[] test = split.test();
        double[][] xTest = Stats.select(x, test);
        int[] source = cohort.sourceRows();
        List<Row> out = new ArrayList<>();
        for (Map.Entry<String, IntervalCateModel> en : si.models().entrySet()) {
            EffectIntervals iv = en.getValue().effectInterval(xTest, d.alphaStat());
            double[] lo = iv.lo();
            double[] hi = iv.hi();
            int covered = 0;
            double width = 0;
            double[] truths = new double[test.length];
            for (int i = 0; i < test.length; i++) {
                double truth = trueCate[source[test[i]]];
                truths[i] = truth;
                if (lo[i] <= truth && truth <= hi[i]) {
                    covered++;
                }
                width += hi[i] - lo[i];
            }
            out.add(new Row(en.getKey(), 1 - d.alphaStat(), covered / (double) test.length, width / test.length,
                    test.length, si.methods().get(en.getKey()), scale(lo, hi, truths, 1 - d.alphaStat())));
        }
        return out;
    }

    /**
     * The factor k by which intervals widened about their centres reach the nominal coverage: with c = (lo + hi) / 2
     * and h = (hi − lo) / 2, the ratios r_i = |truth_i − c_i| / h_i (h = 0: 0 when truth = c, else +∞), and k the
     * smallest ratio that at least a share {@code nominal} of the patients do not exceed (order statistic
     * ceil(nominal·n)). k &lt; 1: the intervals are wider than they need to be. NaN for no patients.
     *
     * @param lo      lower ends, one per patient
     * @param hi      upper ends, one per patient
     * @param truth   true CATE per patient, outcome units
     * @param nominal target coverage in (0, 1)
     */
    public static double scale(double[] lo, double[] hi, double[] truth, double nominal) {
        int n = truth.length;
        if (n == 0) {
            return Double.NaN;
        }
        double[] r = new double[n];
        for (int i = 0; i < n; i++) {
            double c = (lo[i] + hi[i]) / 2;
            double h = (hi[i] - lo[i]) / 2;
            double dev = Math.abs(truth[i] - c);
            r[i] = h > 0 ? dev / h : dev == 0 ? 0 : Double.POSITIVE_INFINITY;
        }
        java.util.Arrays.sort(r);
        int k = (int) Math.ceil(nominal * n - 1e-9);
        return r[Math.max(0, Math.min(n, k) - 1)];
    }

    /** Means over data sets, per estimator in first-seen order. */
    public static Map<String, double[]> means(List<Row> rows) {
        Map<String, double[]> m = new LinkedHashMap<>();
        Map<String, Integer> k = new LinkedHashMap<>();
        for (Row r : rows) {
            double[] s = m.computeIfAbsent(r.estimator(), e -> new double[2]);
            s[0] += r.coverage();
            s[1] += r.meanWidth();
            k.merge(r.estimator(), 1, Integer::sum);
        }
        m.forEach((e, s) -> {
            s[0] /= k.get(e);
            s[1] /= k.get(e);
        });
        return m;
    }
}
