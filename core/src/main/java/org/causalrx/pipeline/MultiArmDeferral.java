package org.causalrx.pipeline;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.causalrx.causal.MultiArmCateModel;
import org.causalrx.causal.uncertainty.IntervalCalibration;
import org.causalrx.causal.uncertainty.MultiArmBootstrap;
import org.causalrx.causal.uncertainty.Subsample;
import org.causalrx.data.SplitIndices;
import org.causalrx.estimators.MultiArmEstimators;
import org.causalrx.policy.ArmChoice;
import org.causalrx.policy.ArmPair;
import org.causalrx.policy.ContrastIntervals;
import org.causalrx.policy.MultiArmPolicies;
import org.causalrx.policy.MultiArmRule;
import org.causalrx.policy.PolicyDecisions;
import org.causalrx.result.Arms;
import org.causalrx.result.DeferralSet;
import org.causalrx.result.PolicyId;
import org.causalrx.study.Cohort;
import org.causalrx.study.Study;
import org.causalrx.study.StudyBlocks;
import org.causalrx.util.Seeds;
import org.causalrx.util.Stats;

/**
 * Uncertainty-based deferral in a K-arm run (TRS §3.8 for K arms): every estimator is refitted on the study's
 * {@code bootstrap_refits} within-arm bootstrap resamples of the training split (one resample seed per run, shared by
 * the estimators; whole patients drawn when the study names a group column), the refits predict validation and test (an
 * ensemble's draws combine its members' draws of the same resample: their mean for the average, their median for the
 * majority), and per patient the (α/2, 1 − α/2) quantiles of tau_best − tau_second over refits give the interval
 * ({@link ContrastIntervals#fromDraws}) that the Conservative policy
 * ({@link MultiArmRule#decide(double[][], ContrastIntervals, boolean[])}) compares with its boundary. On training
 * splits of at least twice the study's {@code deferral.refit_rows} m ({@link Subsample#rowsFor}, as for two arms) the
 * refits are fit on within-arm subsamples without replacement instead (whole patients when grouped), half of m rows
 * and half of m/4, each estimator's convergence rate is estimated from how their spread shrinks between the two sizes
 * (an ensemble's from its combined refits), and every draw is carried to the split's size before the quantiles are
 * taken ({@link MultiArmBootstrap#rescaled}). It runs only for a study file with an enabled {@code deferral:} block
 * (see {@link #applies}). Only statistical uncertainty: the
 * study's Lambda (causal bounds) is not used with K arms. When the run has an interval calibration
 * ({@link RunSlots#CALIBRATION}, from the feasibility simulation that runs before this step), each estimator's
 * intervals are widened about their centres by its factor ({@link ContrastIntervals#scaled}).
 */
final class MultiArmDeferral {
    /** The per-estimator intervals on validation and test. */
    static final Slot<Intervals> INTERVALS = new Slot<>("K-arm contrast intervals");

    private MultiArmDeferral() {
    }

    /**
     * Per estimator (study order) the interval of tau_best − tau_second for each validation and test patient.
     *
     * @param method how the intervals were made, in words
     * @param refits per estimator its B refits (an ensemble's: refit b of every member combined), for the bundle
     * @param subsamples per estimator whose refits are subsamples their sizes and rate ({@link Subsample}); absent:
     *                   full bootstrap resamples
     * @param calibration the factors the intervals were widened by ({@link IntervalCalibration#NONE}: as fit)
     */
    record Intervals(Map<String, ContrastIntervals> validation, Map<String, ContrastIntervals> test, String method,
                     Map<String, List<MultiArmCateModel>> refits, Map<String, Subsample> subsamples,
                     IntervalCalibration calibration) {
    }

    /** Step 3b, only for a study with a {@code deferral:} block: the refits and the intervals. */
    record Refits(boolean parallel) implements Stage {
        public String name() {
            return "uncertainty";
        }

        public String detail(RunContext c) {
            int n = c.find(RunSlots.SPLIT).map(s -> s.train().length).orElse(0);
            int m = Subsample.rowsFor(c.study().deferral().refitRows(), n);
            int b = c.study().deferral().bootstrapRefits();
            return b + " bootstrap refits per K-arm estimator" + (!Subsample.applies(m, n) ? ""
                    : b >= 4 ? String.format(Locale.ROOT, ", on within-arm subsamples of about %,d and %,d of %,d "
                    + "training rows", m, Subsample.smallRows(m), n) : String.format(Locale.ROOT, ", on within-arm "
                    + "subsamples of about %,d of %,d training rows", m, n));
        }

        @Override
        public boolean appliesTo(Study study) {
            return applies(study);
        }

        public RunContext apply(RunContext c, Progress progress) {
            Intervals in = fit(c.study(), c.get(RunSlots.COHORT), c.get(RunSlots.SPLIT), c.get(RunSlots.X),
                    c.get(MultiArmStages.EFFECTS), c.seed(), parallel,
                    c.find(RunSlots.CALIBRATION).orElse(IntervalCalibration.NONE));
            return c.with(INTERVALS, in).with(MultiArmStages.FITTED, c.get(MultiArmStages.FITTED)
                    .withRefits(c.study().deferral().alphaStat(), in.refits(), in.subsamples())
                    .withCalibration(in.calibration()));
        }
    }

    /**
     * Whether the K-arm run defers on uncertainty: only when the study file writes out an enabled
     * {@code deferral:} block (an absent block leaves the run with overlap-only deferral and unsuffixed names).
     */
    static boolean applies(Study study) {
        return study.deferral() != null && StudyBlocks.declares(study.file(), "deferral");
    }

    /** The intervals of every estimator in {@code effects}, each widened by its factor in {@code calibration}. */
    static Intervals fit(Study study, Cohort cohort, SplitIndices split, double[][] x, MultiArmStages.Effects effects,
                         long seed, boolean parallel, IntervalCalibration calibration) {
        Study.Deferral d = study.deferral();
        int k = study.treatment().size();
        MultiArmRule rule = MultiArmEvaluation.rule(study);
        double[][] xTrain = Stats.select(x, split.train());
        int[] tTrain = Stats.select(cohort.treatment(), split.train());
        double[] yTrain = Stats.select(cohort.outcome(), split.train());
        int[] gTrain = CohortSplits.groupsOf(cohort, split.train());
        List<double[][]> predictOn = List.of(Stats.select(x, split.validation()), Stats.select(x, split.test()));
        long resampleSeed = Seeds.derive(seed, "refit-resamples");
        int subRows = Subsample.rowsFor(d.refitRows(), xTrain.length);
        Map<String, ContrastIntervals> val = new LinkedHashMap<>();
        Map<String, ContrastIntervals> test = new LinkedHashMap<>();
        Map<String, MultiArmBootstrap.Refits> singles = new LinkedHashMap<>();
        for (String name : MultiArmMembers.singles(study)) {
            MultiArmBootstrap boot = new MultiArmBootstrap(MultiArmEstimators.of(name, StudyRun.outcomeKind(study),
                    study.outcome().sign(), study.policy().defaultArm(), study.policy().margin()),
                    d.bootstrapRefits(), parallel, subRows, Subsample.Rate.ESTIMATED);
            singles.put(name, boot.refit(xTrain, tTrain, k, yTrain, gTrain, resampleSeed,
                    Seeds.derive(seed, "refits-" + name)));
        }
        Map<String, List<MultiArmCateModel>> refits = new LinkedHashMap<>();
        Map<String, Subsample> subsamples = new LinkedHashMap<>();
        for (String name : effects.test().keySet()) {
            MultiArmBootstrap.Refits fitted = singles.get(name);
            if (fitted == null) {
                List<MultiArmBootstrap.Refits> members = new ArrayList<>(singles.values());
                List<MultiArmCateModel> combined = MultiArmMembers.ensembleRefits(name, members.stream()
                        .map(MultiArmBootstrap.Refits::models).toList());
                fitted = new MultiArmBootstrap.Refits(combined, MultiArmBootstrap.estimated(members.get(0)
                        .subsample(), combined, xTrain));
            }
            List<MultiArmCateModel> models = fitted.models();
            Subsample sub = fitted.subsample();
            refits.put(name, models);
            if (sub != null) {
                subsamples.put(name, sub);
            }
            double[][][][] draws = MultiArmBootstrap.draws(models, predictOn, parallel);
            double f = calibration.factor(name);
            double[][] pv = effects.validation().get(name);
            double[][] pt = effects.test().get(name);
            val.put(name, ContrastIntervals.fromDraws(rule, pv, MultiArmBootstrap.rescaled(pv, draws[0], sub),
                    d.alphaStat()).scaled(f));
            test.put(name, ContrastIntervals.fromDraws(rule, pt, MultiArmBootstrap.rescaled(pt, draws[1], sub),
                    d.alphaStat()).scaled(f));
        }
        String quantiles = String.format(Locale.ROOT, "per patient the %.3g and %.3g quantiles of tau_best - "
                + "tau_second", d.alphaStat() / 2, 1 - d.alphaStat() / 2);
        String method = subsamples.isEmpty() ? String.format(Locale.ROOT, "%d bootstrap refits of each estimator on "
                + "within-arm resamples of the training split%s; %s", d.bootstrapRefits(), gTrain == null ? ""
                : " (whole patients drawn)", quantiles) : subsampleMethod(subsamples, d.bootstrapRefits(), quantiles);
        return new Intervals(val, test, method, refits, subsamples, calibration);
    }

    /**
     * The method in words when the refits are subsamples: per estimator its subsample sizes, rate and factors
     * ({@link MultiArmBootstrap#describe}; an ensemble's rate from its combined refits), then the quantiles.
     */
    static String subsampleMethod(Map<String, Subsample> subsamples, int refits, String quantiles) {
        StringBuilder sb = new StringBuilder("Subsample refits of each estimator on shared within-arm subsamples of "
                + "the training split (an ensemble combines its members' refits refit by refit):");
        subsamples.forEach((name, sub) -> sb.append(' ').append(name).append(": ")
                .append(MultiArmBootstrap.describe(sub, refits, "")).append(';'));
        return sb.append(' ').append(quantiles).append(" over the rescaled draws").toString();
    }

    /** Per estimator its Conservative choices for these patients. */
    static Map<String, List<ArmChoice>> choices(MultiArmRule rule, Map<String, double[][]> effects,
                                                Map<String, ContrastIntervals> intervals, boolean[] inOverlap) {
        Map<String, List<ArmChoice>> out = new LinkedHashMap<>();
        effects.forEach((name, eff) -> out.put(name, rule.decide(eff, intervals.get(name), inOverlap)));
        return out;
    }

    /** The Conservative policies, one per estimator, named {@code estimator@conservative}. */
    static List<PolicyDecisions> policies(Study study, Map<String, List<ArmChoice>> choices) {
        Study.Deferral d = study.deferral();
        double margin = study.policy().margin();
        String boundary = margin == 0 ? "0" : String.format(Locale.ROOT, "the margin %.3g (when one of the two is "
                + "the default arm)", margin);
        List<PolicyDecisions> out = new ArrayList<>();
        choices.forEach((name, c) -> out.add(MultiArmPolicies.fromChoices(new PolicyId(name,
                DeferralSet.CONSERVATIVE), String.format(Locale.ROOT, "%s, Conservative: as %s, and also defer where "
                + "the %.0f %% bootstrap interval (%d refits) of the best-minus-second-best arm contrast contains %s",
                name, new PolicyId(name, DeferralSet.INCLUSIVE).name(), 100 * (1 - d.alphaStat()),
                d.bootstrapRefits(), boundary), c)));
        return out;
    }

    /** The deferral block of the result: per Conservative policy its test patients by reason and arm pair. */
    static MultiArmResult.Deferral summary(Study study, Arms arms, String method, IntervalCalibration calibration,
                                           Map<String, List<ArmChoice>> testChoices) {
        List<MultiArmResult.ReasonCounts> out = new ArrayList<>();
        testChoices.forEach((name, choices) -> out.add(counts(new PolicyId(name, DeferralSet.CONSERVATIVE), arms,
                choices)));
        return new MultiArmResult.Deferral(study.deferral().alphaStat(), study.deferral().bootstrapRefits(), method,
                out, ResultParts.calibration(calibration));
    }

    static MultiArmResult.ReasonCounts counts(PolicyId id, Arms arms, List<ArmChoice> choices) {
        int outside = 0;
        int uncertain = 0;
        Map<List<Integer>, Integer> byPair = new TreeMap<>(Comparator.<List<Integer>>comparingInt(p -> p.get(0))
                .thenComparingInt(p -> p.get(1)));
        for (ArmChoice c : choices) {
            if (c.reason() == ArmChoice.Reason.OUTSIDE_OVERLAP) {
                outside++;
            } else if (c.reason() == ArmChoice.Reason.UNCERTAIN) {
                uncertain++;
                ArmPair p = c.pair();
                byPair.merge(List.of(Math.min(p.best(), p.second()), Math.max(p.best(), p.second())), 1,
                        Integer::sum);
            }
        }
        List<MultiArmResult.PairCount> pairs = new ArrayList<>();
        byPair.forEach((p, n) -> pairs.add(new MultiArmResult.PairCount(arms.code(p.get(0)), arms.code(p.get(1)), n,
                "uncertain between '" + arms.label(p.get(0)) + "' and '" + arms.label(p.get(1)) + "'")));
        pairs.sort(Comparator.comparingInt(MultiArmResult.PairCount::n).reversed());
        return new MultiArmResult.ReasonCounts(id, choices.size(), outside, uncertain,
                choices.size() - outside - uncertain, pairs);
    }
}
