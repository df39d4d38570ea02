package org.causalrx.simulate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.causalrx.causal.OverlapSet;
import org.causalrx.causal.uncertainty.IntervalCalibration;
import org.causalrx.data.Column;
import org.causalrx.data.Table;
import org.causalrx.pipeline.IntervalCoverage;
import org.causalrx.pipeline.Progress;
import org.causalrx.pipeline.RunOutput;
import org.causalrx.pipeline.RunResult;
import org.causalrx.pipeline.StudyRun;
import org.causalrx.policy.DecisionRule;
import org.causalrx.policy.PolicyDecisions;
import org.causalrx.result.PolicyId;
import org.causalrx.study.Study;
import org.causalrx.util.Seeds;
import org.causalrx.util.Stats;

/**
 * The semi-synthetic feasibility simulation of TRS §3.5 (App. C, Table 1, Fig. 5). For each form and seed:
 * simulate potential outcomes over the cohort's real covariates, replace the outcome column by the simulated
 * factual outcome (real treatment, same missing rows), run the unchanged {@link StudyRun} with the study's own
 * seed (so the split, propensity models and overlap set are the real ones), and compare every policy's estimated
 * DR and IPW values with its true value computed from the potential outcomes. Deterministic given the study seed.
 *
 * @param runner the pipeline, exactly as a real run uses it
 */
public record FeasibilityStudy(StudyRun runner) {

    public FeasibilityStudy() {
        this(new StudyRun());
    }

    /** Runs every form and seed, then summarises and checks. */
    public FeasibilityResult run(Study study, Table table, FeasibilitySettings settings, Progress progress) {
        SimulationCohort cohort = SimulationCohort.of(study, table);
        double mean = Stats.mean(cohort.outcome());
        double sd = Stats.sd(cohort.outcome());
        double c = settings.effect() != null ? settings.effect() : FeasibilitySettings.DEFAULT_EFFECT_SDS * sd;
        List<String> notes = new ArrayList<>();
        notes.add(String.format(Locale.ROOT, "Only outcomes are simulated: covariates, treatments, the split and the "
                + "overlap set are the study's own (seed %d). Simulated outcomes have the real outcome's mean %.4g "
                + "and SD %.4g; mean |CATE| = %.4g.", study.seed(), mean, sd, c));
        if (study.outcome().type() == Study.OutcomeType.BINARY) {
            notes.add("The real outcome is binary; the simulation draws a continuous outcome with its mean and SD "
                    + "and the pipeline treats it as continuous.");
        }
        List<FeasibilityResult.PolicyRecord> records = new ArrayList<>();
        List<FeasibilityChecks.Check> checks = new ArrayList<>();
        List<FeasibilityResult.IntervalRecord> intervals = new ArrayList<>();
        for (String form : settings.forms()) {
            OutcomeSimulator sim = settings.simulator(form, c);
            List<FeasibilityResult.PolicyRecord> formRecords = new ArrayList<>();
            for (int k = 0; k < settings.seeds(); k++) {
                progress.stage("simulate", form + " simulation " + (k + 1) + " of " + settings.seeds());
                PotentialOutcomes po = sim.simulate(cohort, Seeds.derive(study.seed(), "simulation-" + form + "-" + k));
                if (po.effect() < c * (1 - 1e-9)) {
                    notes.add(String.format(Locale.ROOT, "%s seed %d: the requested effect %.4g is too large for "
                            + "the outcome's SD; the achieved mean |CATE| is %.4g.", form, k, c, po.effect()));
                }
                formRecords.addAll(evaluate(study, table, cohort, po, form, k));
                intervals.addAll(coverage(study, table, cohort, po, form, k));
            }
            records.addAll(formRecords);
            checks.addAll(FeasibilityChecks.evaluate(form, formRecords, cohort.sign()));
        }
        return new FeasibilityResult(study.name(), study.outcome().column(),
                study.outcome().direction().name().toLowerCase(Locale.ROOT), settings.lambda(), c, mean, sd,
                settings.seeds(), notes, records, summarise(records), checks, intervals, summariseIntervals(intervals));
    }

    /** Runs the pipeline on one simulated data set and returns one record per policy, Optimal last. */
    public List<FeasibilityResult.PolicyRecord> evaluate(Study study, Table table, SimulationCohort cohort,
                                                         PotentialOutcomes po, String form, int seedIndex) {
        RunOutput out = runner.withoutRefutation().run(simulatedStudy(study), simulatedTable(study, table, cohort, po),
                Progress.NONE);
        RunOutput.HeldOutDetail h = out.heldOut();
        RunResult.OverlapInfo ov = out.result().overlap();
        OverlapSet overlap = new OverlapSet(ov.etaLow(), ov.etaHigh(), ov.method());
        int sign = cohort.sign();
        double[] y0 = po.y0();
        double[] y1 = po.y1();
        double[] cate = po.cate();
        DecisionRule rule = new DecisionRule(study.decisionRule().defaultArm(), study.decisionRule().margin(), sign);
        int[] optimal = optimal(rule, overlap, h.propensity(), h.sourceRows(), cate);
        double vOpt = trueValue(optimal, h, y0, y1);
        PolicyId selected = out.result().policyInsights() == null ? null
                : out.result().policyInsights().selectedPolicy();
        List<FeasibilityResult.PolicyRecord> rs = new ArrayList<>();
        for (RunResult.PolicyResult p : out.result().policies()) {
            double v = trueValue(h.decisions().get(p.name()), h, y0, y1);
            boolean learned = p.name().kind().learned();
            rs.add(new FeasibilityResult.PolicyRecord(form, seedIndex, p.name(), learned, p.treatedShare(),
                    p.deferredShare(), p.pointDr(), p.pointIpw(),
                    p.valueDr() == null ? Double.NaN : p.valueDr().sd(), v, sign * (vOpt - v),
                    p.name().equals(selected)));
        }
        PolicyDecisions opt = new PolicyDecisions(FeasibilityResult.OPTIMAL, rule.isSignRule() ? "true-effect sign rule"
                : "the study's decision rule (default arm, margin) on the true effect", optimal);
        rs.add(new FeasibilityResult.PolicyRecord(form, seedIndex, FeasibilityResult.OPTIMAL, false,
                opt.treatedShare(), opt.deferredShare(), Double.NaN, Double.NaN, Double.NaN, vOpt, 0.0, false));
        return rs;
    }

    /**
     * The Optimal policy: the study's decision rule on the true CATE (the other arm where its true benefit exceeds
     * the margin), deferring outside overlap as every learned policy does.
     *
     * @param e    propensity of each test patient
     * @param rows each test patient's row in {@code cate}
     * @param cate true CATE per data row, outcome units
     */
    static int[] optimal(DecisionRule rule, OverlapSet overlap, double[] e, int[] rows, double[] cate) {
        int[] optimal = new int[rows.length];
        for (int i = 0; i < rows.length; i++) {
            optimal[i] = !overlap.contains(e[i]) ? PolicyDecisions.DEFER : rule.arm(cate[rows[i]]);
        }
        return optimal;
    }

    /**
     * Calibration of every sign-rule estimator's statistical interval on one simulated data set: fit as the run's
     * deferral fits it (the study's alpha_stat and bootstrap refits, or the defaults), coverage of the true CATE.
     */
    List<FeasibilityResult.IntervalRecord> coverage(Study study, Table table, SimulationCohort cohort,
                                                    PotentialOutcomes po, String form, int seedIndex) {
        Study sim = simulatedStudy(study);
        Study withDeferral = sim.withDeferral(study.deferral());
        List<FeasibilityResult.IntervalRecord> out = new ArrayList<>();
        for (IntervalCoverage.Row r : new IntervalCoverage(runner.learners(), runner.parallel()).measure(withDeferral,
                simulatedTable(study, table, cohort, po), po.cate(), study.estimators())) {
            out.add(new FeasibilityResult.IntervalRecord(form, seedIndex, r.estimator(), r.nominal(), r.coverage(),
                    r.meanWidth(), r.patients(), r.method(), r.scale()));
        }
        return out;
    }

    /** Per form and estimator (in the order first seen): coverage and width averaged over seeds. */
    static List<FeasibilityResult.IntervalSummary> summariseIntervals(List<FeasibilityResult.IntervalRecord> rs) {
        Map<String, List<FeasibilityResult.IntervalRecord>> groups = new LinkedHashMap<>();
        rs.forEach(r -> groups.computeIfAbsent(r.form() + "\u0000" + r.estimator(), k -> new ArrayList<>()).add(r));
        List<FeasibilityResult.IntervalSummary> out = new ArrayList<>();
        for (List<FeasibilityResult.IntervalRecord> g : groups.values()) {
            double[] c = g.stream().mapToDouble(FeasibilityResult.IntervalRecord::coverage).toArray();
            double[] w = g.stream().mapToDouble(FeasibilityResult.IntervalRecord::meanWidth).toArray();
            double[] k = g.stream().mapToDouble(FeasibilityResult.IntervalRecord::scale).toArray();
            out.add(new FeasibilityResult.IntervalSummary(g.get(0).form(), g.get(0).estimator(), g.get(0).nominal(),
                    Stats.mean(c), java.util.Arrays.stream(c).min().orElse(Double.NaN),
                    java.util.Arrays.stream(c).max().orElse(Double.NaN), Stats.mean(w), g.size(), Stats.mean(k)));
        }
        return out;
    }

    /**
     * The interval calibration a run takes from this simulation: per estimator max(1, mean over forms and seeds of
     * the scale k its interval needed; {@link IntervalCalibration#fromScales}).
     */
    public static IntervalCalibration calibration(FeasibilityResult r) {
        return calibration(r.intervals(), r.seeds());
    }

    /** The calibration from interval records over {@code seeds} seeds per form (as {@link #calibration}). */
    static IntervalCalibration calibration(List<FeasibilityResult.IntervalRecord> intervals, int seeds) {
        Map<String, List<Double>> scales = new LinkedHashMap<>();
        List<String> forms = new ArrayList<>();
        for (FeasibilityResult.IntervalRecord x : intervals) {
            scales.computeIfAbsent(x.estimator(), e -> new ArrayList<>()).add(x.scale());
            if (!forms.contains(x.form())) {
                forms.add(x.form());
            }
        }
        if (scales.isEmpty()) {
            return IntervalCalibration.NONE;
        }
        return IntervalCalibration.fromScales(scales, "feasibility simulation, forms [" + String.join(", ", forms)
                + "], " + seeds + " seeds");
    }

    /** Mean over test patients of the potential outcome under each decision; deferred → the factual outcome. */
    static double trueValue(int[] decisions, RunOutput.HeldOutDetail h, double[] y0, double[] y1) {
        double s = 0;
        for (int i = 0; i < decisions.length; i++) {
            int row = h.sourceRows()[i];
            s += decisions[i] == 1 ? y1[row] : decisions[i] == 0 ? y0[row] : h.outcome()[i];
        }
        return s / decisions.length;
    }

    /**
     * The study with a continuous outcome (estimators with their params, DR plug-in, seed, split, group column,
     * overlap, rounds and decision rule unchanged).
     */
    public static Study simulatedStudy(Study s) {
        Study.Outcome o = s.outcome();
        return new Study(s.file(), s.name() + "-simulated", s.protocol(), s.data(), s.idColumn(), s.treatment(),
                new Study.Outcome(o.column(), Study.OutcomeType.CONTINUOUS, o.direction(), o.missing()),
                s.covariates(), s.split(), s.seed(), s.overlap(), s.bootstrapRounds(), s.ateFolds(), s.estimators(),
                null)
                .withPolicy(s.policy()).withEstimatorSpecs(s.estimatorSpecs()).withGroupColumn(s.groupColumn())
                .withBootstrapEngine(s.bootstrapEngine())
                .withPolicyEvaluation(new Study.PolicyEvaluation(false, Study.PolicyEvaluation.OFF.folds(),
                        s.policyEvaluation().plugIn()));
    }

    /** The data table with the outcome column replaced by the simulated factual outcome (same missing rows). */
    public static Table simulatedTable(Study study, Table table, SimulationCohort cohort, PotentialOutcomes po) {
        double[] y = po.factual(cohort.tableTreatment());
        String name = study.outcome().column();
        List<Column> cols = new ArrayList<>();
        for (Column col : table.columns()) {
            cols.add(col.name().equals(name) ? new Column.Numeric(name, y) : col);
        }
        return new Table(table.source(), cols);
    }

    /** Per form and policy (in the order first seen): mean and SEM over seeds. */
    static List<FeasibilityResult.PolicySummary> summarise(List<FeasibilityResult.PolicyRecord> records) {
        Map<String, List<FeasibilityResult.PolicyRecord>> groups = new LinkedHashMap<>();
        records.forEach(r -> groups.computeIfAbsent(r.form() + "\u0000" + r.policy(), k -> new ArrayList<>()).add(r));
        List<FeasibilityResult.PolicySummary> out = new ArrayList<>();
        for (List<FeasibilityResult.PolicyRecord> g : groups.values()) {
            FeasibilityResult.PolicyRecord f = g.get(0);
            double[] dr = g.stream().mapToDouble(FeasibilityResult.PolicyRecord::dr).toArray();
            double[] ipw = g.stream().mapToDouble(FeasibilityResult.PolicyRecord::ipw).toArray();
            double[] tv = g.stream().mapToDouble(FeasibilityResult.PolicyRecord::trueValue).toArray();
            double[] rg = g.stream().mapToDouble(FeasibilityResult.PolicyRecord::regret).toArray();
            out.add(new FeasibilityResult.PolicySummary(f.form(), f.policy(), f.learned(), Stats.mean(dr), sem(dr),
                    Stats.mean(ipw), sem(ipw), Stats.mean(tv), sem(tv), Stats.mean(rg), sem(rg)));
        }
        return out;
    }

    private static double sem(double[] v) {
        return v.length < 2 ? Double.NaN : Stats.sd(v) / Math.sqrt(v.length);
    }
}
