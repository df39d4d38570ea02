package org.causalrx.pipeline;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.causalrx.causal.MultiArmCateModel;
import org.causalrx.causal.MultiArmOutcomeModel;
import org.causalrx.causal.MultiArmTLearner;
import org.causalrx.causal.OutcomeAware;
import org.causalrx.data.SplitIndices;
import org.causalrx.estimators.MultiArmEstimators;
import org.causalrx.learn.ClassifierRegressor;
import org.causalrx.learn.linear.LogisticRegression;
import org.causalrx.policy.Bootstrap;
import org.causalrx.policy.HeldOut;
import org.causalrx.study.AnalysisColumns;
import org.causalrx.study.Cohort;
import org.causalrx.study.Study;
import org.causalrx.util.CausalRxException;
import org.causalrx.util.Seeds;
import org.causalrx.util.Stats;

/**
 * Secondary outcomes of a K-arm run (results.json key {@code secondary_outcomes}, TRS §3.11 with K arms): every
 * policy of the test valuation, with its decisions unchanged, valued on each of the study's
 * {@code secondary_outcomes} by held-out IPW and DR with the run's K-arm evaluation propensities p*(a | x) and the
 * bootstrap (whole patients drawn when the study names a group column). The DR plug-in is a K-arm T-learner fit on
 * the training patients that have the outcome: L2-logistic per arm for a binary outcome, the study's plug-in
 * learner per arm otherwise. Test patients without a value are left out and counted. Values are in the secondary
 * outcome's units.
 */
final class MultiArmSecondary {
    private MultiArmSecondary() {
    }

    /** The step after the insights, only for a study with secondary outcomes. */
    record Stage(boolean parallel) implements org.causalrx.pipeline.Stage {
        public String name() {
            return "secondary outcomes";
        }

        public String detail(RunContext c) {
            return "policies valued on " + String.join(", ", c.study().analyses().secondaryOutcomes().stream()
                    .map(Study.Outcome::column).toList());
        }

        @Override
        public boolean appliesTo(Study study) {
            return !study.analyses().secondaryOutcomes().isEmpty();
        }

        public RunContext apply(RunContext c, Progress progress) {
            List<RunResult.SecondaryOutcome> out = new ArrayList<>();
            for (Study.Outcome o : c.study().analyses().secondaryOutcomes()) {
                double[] y = AnalysisColumns.secondary(c.study(), c.table(), o, c.get(RunSlots.COHORT).sourceRows());
                out.add(value(c.study(), o, y, c.get(RunSlots.COHORT), c.get(RunSlots.X), c.get(RunSlots.SPLIT),
                        c.get(MultiArmStages.VALUED), Seeds.derive(c.seed(), "secondary-" + o.column()), parallel));
            }
            return c.with(MultiArmStages.RESULT, c.get(MultiArmStages.RESULT).withSecondaryOutcomes(out));
        }
    }

    /**
     * One secondary outcome valued.
     *
     * @param y      the outcome per cohort row, NaN where missing
     * @param valued the primary test valuation (its p* and policies)
     */
    static RunResult.SecondaryOutcome value(Study study, Study.Outcome o, double[] y, Cohort cohort, double[][] x,
                                            SplitIndices split, MultiArmEvaluation.Valued valued, long seed,
                                            boolean parallel) {
        int k = study.treatment().size();
        int[] t = cohort.treatment();
        int[] train = Arrays.stream(split.train()).filter(i -> !Double.isNaN(y[i])).toArray();
        int[] test = split.test();
        int[] kept = java.util.stream.IntStream.range(0, test.length).filter(j -> !Double.isNaN(y[test[j]]))
                .toArray();
        int[] tTrain = Stats.select(t, train);
        for (int a = 0; a < k; a++) {
            if (Stats.indicesOf(tTrain, a).length < 2) {
                throw new CausalRxException("secondary outcome '" + o.column() + "': arm '"
                        + study.treatment().arms().label(a) + "' has " + Stats.indicesOf(tTrain, a).length
                        + " training patients with a value; at least 2 per arm are needed to value policies on it");
            }
        }
        if (kept.length < 2) {
            throw new CausalRxException("secondary outcome '" + o.column() + "': " + kept.length
                    + " test patients have a value; at least 2 are needed to value policies on it");
        }
        boolean binary = o.type() == Study.OutcomeType.BINARY;
        MultiArmTLearner learner = binary
                ? new MultiArmTLearner("plug_in", new ClassifierRegressor(LogisticRegression.l2()))
                : (MultiArmTLearner) MultiArmEstimators.of(study.policyEvaluation().plugIn(),
                OutcomeAware.Kind.CONTINUOUS);
        String plugIn = binary ? "L2-logistic per arm" : learner.name() + " per arm";
        MultiArmCateModel fitted = learner.fit(Stats.select(x, train), tTrain, k, Stats.select(y, train),
                Seeds.derive(seed, "plug-in"));
        int[] rows = Stats.select(test, kept);
        HeldOut heldOut = new HeldOut(Stats.select(y, rows), Stats.select(t, rows),
                Stats.select(valued.test().pStar(), kept),
                ((MultiArmOutcomeModel) fitted).potentialOutcomes(Stats.select(x, rows)));
        var policies = OutcomeEvaluation.restrict(valued.policies(), kept);
        Bootstrap.Result boot = Bootstrap.run(heldOut, policies, study.bootstrapRounds(),
                Seeds.derive(seed, "bootstrap"), parallel, CohortSplits.groupsOf(cohort, rows),
                study.bootstrapEngine());
        return new RunResult.SecondaryOutcome(o.column(), o.type(), o.direction(), kept.length,
                test.length - kept.length, plugIn, PolicySet.summarise(heldOut, policies, boot));
    }
}
