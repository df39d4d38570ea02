package org.causalrx.simulate;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.causalrx.causal.uncertainty.IntervalCalibration;
import org.causalrx.pipeline.IntervalCoverage;
import org.causalrx.pipeline.MultiArmContrastCoverage;
import org.causalrx.pipeline.MultiArmReplay;
import org.causalrx.pipeline.MultiArmResult;
import org.causalrx.pipeline.MultiArmSimulation;
import org.causalrx.pipeline.Progress;
import org.causalrx.pipeline.RunContext;
import org.causalrx.policy.MultiArmPolicies;
import org.causalrx.policy.PolicyDecisions;
import org.causalrx.result.Arms;
import org.causalrx.study.Study;
import org.causalrx.util.Seeds;
import org.causalrx.util.Stats;

/**
 * The feasibility simulation of a K-arm study (TRS §3.5 with one effect function per non-reference arm). For each
 * form and seed: simulate K potential outcomes over the cohort's real covariates
 * ({@link OutcomeSimulator#simulateArms}), re-run the finished run's CATE and evaluation stages on the factual
 * simulated outcome ({@link MultiArmReplay}: real split, propensity model and overlap set), and compare every
 * policy's estimated DR and IPW values with its true value, and every estimator's per-arm effects with the true
 * ones. The three checks are the two-arm
 * {@link FeasibilityChecks}. Deterministic given the study seed; the simulated runs have no deferral intervals.
 * When the study defers on uncertainty ({@link MultiArmContrastCoverage#applies}), each simulated data set also gets
 * every estimator's deferral intervals, fit as the run fits them, judged against the true best-minus-second-best
 * contrast ({@link MultiArmContrastCoverage}); {@link #calibration} turns their scales into the run's interval
 * calibration. It needs only the run's cohort, split, encoding and generalized propensity, so it can run before the
 * run's deferral step.
 *
 * @param parallel run bootstrap rounds on several threads (same values either way)
 */
public record MultiArmFeasibility(boolean parallel) {

    /**
     * Runs every form and seed on {@code done}, a context after (at least) the K-arm propensity stage of its study.
     *
     * @param rounds bootstrap rounds of each simulated run
     */
    public MultiArmSimulation run(RunContext done, FeasibilitySettings settings, int rounds, Progress progress) {
        Study study = done.study();
        SimulationCohort cohort = SimulationCohort.of(study, done.table());
        Arms arms = study.treatment().arms();
        double mean = Stats.mean(cohort.outcome());
        double sd = Stats.sd(cohort.outcome());
        double c = settings.effect() != null ? settings.effect() : FeasibilitySettings.DEFAULT_EFFECT_SDS * sd;
        List<String> notes = new ArrayList<>();
        notes.add(String.format(Locale.ROOT, "Only outcomes are simulated, one effect function per arm against '%s': "
                + "covariates, treatments, the split, the generalized propensity model and the overlap set are the "
                + "study's own (seed %d). Simulated outcomes have the real outcome's mean %.4g and SD %.4g; each "
                + "arm's mean |CATE| = %.4g. The simulated runs defer outside overlap only.", arms.label(0),
                study.seed(), mean, sd, c));
        if (study.outcome().type() == Study.OutcomeType.BINARY) {
            notes.add("The real outcome is binary; the simulation draws a continuous outcome with its mean and SD "
                    + "and the pipeline treats it as continuous.");
        }
        Study simulated = FeasibilityStudy.simulatedStudy(study.withSeedAndRounds(study.seed(), rounds));
        List<MultiArmSimulation.PolicyRecord> records = new ArrayList<>();
        List<MultiArmSimulation.Check> checks = new ArrayList<>();
        Map<String, List<double[]>> recovery = new LinkedHashMap<>();
        boolean intervals = MultiArmContrastCoverage.applies(study);
        Study withDeferral = simulated.withDeferral(study.deferral());
        List<FeasibilityResult.IntervalRecord> coverage = new ArrayList<>();
        if (intervals) {
            notes.add(String.format(Locale.ROOT, "Each estimator's deferral interval (%d bootstrap refits, alpha_stat "
                    + "%.3g, fit as the run fits it) is judged against the true effect of the best minus the "
                    + "second-best arm of its pair.", study.deferral().bootstrapRefits(),
                    study.deferral().alphaStat()));
        }
        for (String form : settings.forms()) {
            OutcomeSimulator sim = settings.simulator(form, c);
            List<MultiArmSimulation.PolicyRecord> formRecords = new ArrayList<>();
            for (int k = 0; k < settings.seeds(); k++) {
                progress.stage("simulate", form + " simulation " + (k + 1) + " of " + settings.seeds());
                ArmOutcomes po = sim.simulateArms(cohort, arms.size(),
                        Seeds.derive(study.seed(), "simulation-" + form + "-" + k));
                if (po.effect() < c * (1 - 1e-9)) {
                    notes.add(String.format(Locale.ROOT, "%s seed %d: the requested effect %.4g is too large for "
                            + "the outcome's SD; the achieved mean |CATE| is %.4g.", form, k, c, po.effect()));
                }
                double[] factual = po.factual(cohort.treatment());
                MultiArmReplay replay = MultiArmReplay.of(done, simulated, factual, parallel);
                formRecords.addAll(records(replay, po, factual, form, k, cohort.sign()));
                recover(replay, po, form, arms, recovery);
                if (intervals) {
                    for (IntervalCoverage.Row r : MultiArmContrastCoverage.measure(done, withDeferral, factual,
                            po.effects(java.util.stream.IntStream.range(0, cohort.size()).toArray()), parallel,
                            IntervalCalibration.NONE)) {
                        coverage.add(new FeasibilityResult.IntervalRecord(form, k, r.estimator(), r.nominal(),
                                r.coverage(), r.meanWidth(), r.patients(), r.method(), r.scale()));
                    }
                }
            }
            records.addAll(formRecords);
            FeasibilityChecks.evaluate(form, twoArm(formRecords), cohort.sign()).forEach(x -> checks.add(
                    new MultiArmSimulation.Check(x.form(), x.id(), x.name(), x.passed(), x.value(), x.threshold(),
                            x.detail())));
        }
        List<MultiArmSimulation.PolicySummary> summaries = FeasibilityStudy.summarise(twoArm(records)).stream()
                .map(s -> new MultiArmSimulation.PolicySummary(s.form(), s.policy(), s.learned(), s.drMean(),
                        s.drSem(), s.ipwMean(), s.ipwSem(), s.trueMean(), s.trueSem(), s.regretMean(),
                        s.regretSem())).toList();
        return new MultiArmSimulation(settings.forms(), settings.lambda(), c, mean, sd, settings.seeds(), rounds,
                notes, checks, summaries, armEffects(recovery, arms), records, coverage.stream().map(
                        r -> new MultiArmSimulation.IntervalRecord(r.form(), r.seed(), r.estimator(), r.nominal(),
                                r.coverage(), r.meanWidth(), r.patients(), r.method(), r.scale())).toList(),
                FeasibilityStudy.summariseIntervals(coverage).stream().map(
                        x -> new MultiArmSimulation.IntervalSummary(x.form(), x.estimator(), x.nominal(),
                                x.coverage(), x.coverageMin(), x.coverageMax(), x.meanWidth(), x.seeds(), x.scale()))
                        .toList());
    }

    /**
     * The interval calibration a K-arm run takes from its simulation: per estimator max(1, mean over forms and seeds
     * of the scale its best-minus-second-best interval needed; {@link FeasibilityStudy#calibration}).
     */
    public static IntervalCalibration calibration(MultiArmSimulation s) {
        return FeasibilityStudy.calibration(twoArmIntervals(s), s.seeds());
    }

    /** The simulation's interval summaries in the two-arm simulation's form (same fields). */
    public static List<FeasibilityResult.IntervalSummary> twoArmSummaries(MultiArmSimulation s) {
        return s.intervalSummaries().stream().map(x -> new FeasibilityResult.IntervalSummary(x.form(),
                x.estimator(), x.nominal(), x.coverage(), x.coverageMin(), x.coverageMax(), x.meanWidth(), x.seeds(),
                x.scale())).toList();
    }

    /** The simulation's interval records in the two-arm simulation's form (same fields). */
    public static List<FeasibilityResult.IntervalRecord> twoArmIntervals(MultiArmSimulation s) {
        return s.intervals().stream().map(r -> new FeasibilityResult.IntervalRecord(r.form(), r.seed(),
                r.estimator(), r.nominal(), r.coverage(), r.meanWidth(), r.patients(), r.method(), r.scale()))
                .toList();
    }

    /** One record per policy of a simulated run, then Optimal (the decision rule on the true effects). */
    static List<MultiArmSimulation.PolicyRecord> records(MultiArmReplay r, ArmOutcomes po, double[] factual,
                                                         String form, int seedIndex, int sign) {
        int[] test = r.testPatients();
        int k = po.arms();
        int[] optimal = MultiArmPolicies.decisionRule(FeasibilityResult.OPTIMAL, "the decision rule on the true "
                + "effects", po.effects(test), r.rule(), r.inOverlap()).arms();
        double vOpt = trueValue(optimal, test, po, factual);
        MultiArmResult res = r.result();
        List<MultiArmSimulation.PolicyRecord> out = new ArrayList<>();
        for (int p = 0; p < res.policies().size(); p++) {
            MultiArmResult.PolicyValue v = res.policies().get(p);
            double truth = trueValue(r.testPolicies().get(p).arms(), test, po, factual);
            out.add(new MultiArmSimulation.PolicyRecord(form, seedIndex, v.name(), v.kind().learned(), v.armShares(),
                    v.deferredShare(), v.pointDr(), v.pointIpw(), v.valueDr() == null ? Double.NaN : v.valueDr().sd(),
                    truth, sign * (vOpt - truth), v.name().equals(res.selection().selected())));
        }
        PolicyDecisions opt = new PolicyDecisions(FeasibilityResult.OPTIMAL, "optimal", optimal);
        out.add(new MultiArmSimulation.PolicyRecord(form, seedIndex, FeasibilityResult.OPTIMAL, false,
                java.util.Arrays.stream(opt.armShares(k)).boxed().toList(), opt.deferredShare(), Double.NaN,
                Double.NaN, Double.NaN, vOpt, 0.0, false));
        return out;
    }

    /** Mean over test patients of the potential outcome of each decision's arm; deferred → the factual outcome. */
    static double trueValue(int[] decisions, int[] test, ArmOutcomes po, double[] factual) {
        double s = 0;
        for (int i = 0; i < decisions.length; i++) {
            s += decisions[i] >= 0 ? po.y(decisions[i], test[i]) : factual[test[i]];
        }
        return s / decisions.length;
    }

    /** Per estimator and arm of one simulated run: true mean, predicted mean, RMSE and correlation, keyed. */
    private static void recover(MultiArmReplay r, ArmOutcomes po, String form, Arms arms,
                                Map<String, List<double[]>> into) {
        double[][] truth = po.effects(r.testPatients());
        r.testEffects().forEach((name, est) -> {
            for (int a = 1; a < arms.size(); a++) {
                double[] t = column(truth, a);
                double[] e = column(est, a);
                double se = 0;
                for (int i = 0; i < t.length; i++) {
                    se += (e[i] - t[i]) * (e[i] - t[i]);
                }
                into.computeIfAbsent(form + "\u0000" + name + "\u0000" + a, x -> new ArrayList<>()).add(new double[] {
                    Stats.mean(t), Stats.mean(e), Math.sqrt(se / t.length), FeasibilityChecks.pearson(e, t)});
            }
        });
    }

    private static List<MultiArmSimulation.ArmEffect> armEffects(Map<String, List<double[]>> recovery, Arms arms) {
        List<MultiArmSimulation.ArmEffect> out = new ArrayList<>();
        recovery.forEach((key, rows) -> {
            String[] parts = key.split("\u0000");
            int a = Integer.parseInt(parts[2]);
            double[] m = new double[4];
            for (int j = 0; j < 4; j++) {
                final int col = j;
                m[j] = rows.stream().mapToDouble(v -> v[col]).average().orElse(Double.NaN);
            }
            out.add(new MultiArmSimulation.ArmEffect(parts[0], parts[1], arms.code(a), arms.label(a), m[0], m[1],
                    m[2], m[3], rows.size()));
        });
        return out;
    }

    private static double[] column(double[][] m, int a) {
        double[] out = new double[m.length];
        for (int i = 0; i < m.length; i++) {
            out[i] = m[i][a];
        }
        return out;
    }

    /** The two-arm records the shared checks and summaries read (treated share: given any non-reference arm). */
    private static List<FeasibilityResult.PolicyRecord> twoArm(List<MultiArmSimulation.PolicyRecord> rs) {
        return rs.stream().map(r -> new FeasibilityResult.PolicyRecord(r.form(), r.seed(), r.policy(), r.learned(),
                1 - r.armShares().get(0) - r.deferredShare(), r.deferredShare(), r.dr(), r.ipw(), r.drSe(),
                r.trueValue(), r.regret(), r.selected())).toList();
    }
}
