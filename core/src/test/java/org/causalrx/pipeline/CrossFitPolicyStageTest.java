package org.causalrx.pipeline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.causalrx.causal.OverlapSet;
import org.causalrx.causal.TLearner;
import org.causalrx.data.SplitIndices;
import org.causalrx.data.Splits;
import org.causalrx.learn.linear.LinearSettings;
import org.causalrx.learn.linear.LogisticRegression;
import org.causalrx.learn.linear.Ridge;
import org.causalrx.policy.AipwScores;
import org.causalrx.policy.HeldOut;
import org.causalrx.policy.PolicyDecisions;
import org.causalrx.policy.PolicyValue;
import org.causalrx.result.Baseline;
import org.causalrx.result.PolicyId;
import org.causalrx.study.Study;
import org.causalrx.util.Normal;
import org.causalrx.util.Seeds;
import org.causalrx.util.Stats;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Known-answer tests of the cross-fitted policy values on simulated cohorts with both potential outcomes known,
 * with fast linear / logistic learners (correctly specified propensity and outcome models).
 */
@Tag("slow")
class CrossFitPolicyStageTest {
    /** A fixed small penalty on a short warm-start path: near the unpenalised fit, and quick. */
    private static final LinearSettings FIXED = new LinearSettings(5, 8, Double.NaN, false, 1e-4, 1e-7, 10_000);
    private static final CrossFitPolicyStage.Settings FAST = new CrossFitPolicyStage.Settings(
            LogisticRegression.l2(FIXED), LogisticRegression.l2(FIXED), new TLearner("t_ridge", new Ridge(FIXED)),
            List.of(new TLearner("t_ridge", new Ridge(FIXED))));
    private static final OverlapSet OVERLAP = new OverlapSet(0.05, 0.95, "given");

    /** A simulated cohort: covariates, both potential outcomes, the observed arm and outcome. */
    record Cohort(double[][] x, double[] y0, double[] y1, int[] t, double[] y, double trueDifference) {
        double truth(int[] decisions) {
            double s = 0;
            for (int i = 0; i < y.length; i++) {
                int d = decisions[i];
                s += d == PolicyDecisions.DEFER ? y[i] : d == 1 ? y1[i] : y0[i];
            }
            return s / y.length;
        }
    }

    /** Continuous outcome, linear arms, logistic treatment: Y0 = 1 + x0 + 0.5 x2 + N(0,1), tau = 0.3 + 0.5 x1. */
    static Cohort continuous(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[][] x = new double[n][4];
        double[] y0 = new double[n];
        double[] y1 = new double[n];
        int[] t = new int[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < 4; j++) {
                x[i][j] = gauss(r);
            }
            double e = 1 / (1 + Math.exp(-(0.6 * x[i][0] - 0.4 * x[i][1])));
            t[i] = r.nextDouble() < e ? 1 : 0;
            y0[i] = 1 + x[i][0] + 0.5 * x[i][2] + gauss(r);
            y1[i] = y0[i] + 0.3 + 0.5 * x[i][1];
            y[i] = t[i] == 1 ? y1[i] : y0[i];
        }
        return new Cohort(x, y0, y1, t, y, 0.3);
    }

    /**
     * Binary outcome as in a treat-all comparison with a small harmful effect: P(Y=1 | x, a) logistic in x, arm 1
     * raises the log-odds by 0.12 (lower is better); {@code trueDifference} = mean_i P1(x_i) − P0(x_i).
     */
    static Cohort binary(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[][] x = new double[n][3];
        double[] y0 = new double[n];
        double[] y1 = new double[n];
        int[] t = new int[n];
        double[] y = new double[n];
        double diff = 0;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < 3; j++) {
                x[i][j] = gauss(r);
            }
            double e = 1 / (1 + Math.exp(-(-0.8 + 0.5 * x[i][0] + 0.3 * x[i][1])));
            t[i] = r.nextDouble() < e ? 1 : 0;
            double lin = -0.9 + 0.8 * x[i][0] - 0.5 * x[i][2];
            double p0 = 1 / (1 + Math.exp(-lin));
            double p1 = 1 / (1 + Math.exp(-(lin + 0.12)));
            double u = r.nextDouble();
            y0[i] = u < p0 ? 1 : 0;
            y1[i] = u < p1 ? 1 : 0;
            y[i] = t[i] == 1 ? y1[i] : y0[i];
            diff += p1 - p0;
        }
        return new Cohort(x, y0, y1, t, y, diff / n);
    }

    private static double gauss(SplittableRandom r) {
        return Math.sqrt(-2 * Math.log(1 - r.nextDouble())) * Math.cos(2 * Math.PI * r.nextDouble());
    }

    static Study study(Study.OutcomeType type, Study.Direction direction) {
        return new Study(Path.of("sim.yaml"), "sim", new Study.Protocol("", "", "", ""), Path.of("sim.csv"), null,
                new Study.Treatment("t", Map.of("0", "control", "1", "treated"), "0", "1"),
                new Study.Outcome("y", type, direction, Study.MissingOutcome.ERROR), List.of(),
                new Study.Split(0.6, 0.2, 0.2), 1, new Study.Overlap(null, null), 10, 5, List.of("t_ridge"), null);
    }

    private static final Study CONTINUOUS = study(Study.OutcomeType.CONTINUOUS, Study.Direction.HIGHER);

    private static int[] decisions(CrossFitPolicyStage.Folded f, String name) {
        return f.policies().stream().filter(p -> p.id().equals(PolicyId.parse(name))).findFirst().orElseThrow().arms();
    }

    @Test
    void treatAllAndAFixedPolicyAreWithinTheirIntervalsOfTheTruth() {
        // truth: the mean potential outcome of the cohort under the policy's decisions (deferred: factual y)
        int seeds = 100;
        String[] names = {"treat_all_0", "treat_all_1", "fixed"};
        // population values: E[Y0] = 1, E[Y1] = 1.3, fixed = 1 + E[(0.3 + 0.5 x1) 1(x1 > -0.6)] (overlap defers
        // almost nobody here: |0.6 x0 - 0.4 x1| > 2.94 is a 4-SD event)
        double[] population = {1.0, 1.3, 1 + 0.3 * Normal.cdf(0.6) + 0.5 * Normal.pdf(0.6)};
        int[] covered = new int[names.length];
        int[] coveredPopulation = new int[names.length];
        double[] zSum = new double[names.length];
        for (int s = 0; s < seeds; s++) {
            Cohort c = continuous(1000, Seeds.derive(77, "cohort-" + s));
            CrossFitPolicyStage.Folded f = CrossFitPolicyStage.fit(CONTINUOUS, FAST, c.x(), c.t(), c.y(), OVERLAP, 5,
                    Seeds.derive(77, "fit-" + s));
            int[] fixed = new int[c.y().length];
            for (int i = 0; i < fixed.length; i++) {
                fixed[i] = c.x()[i][1] > -0.6 ? 1 : 0;
            }
            int[][] policies = {decisions(f, names[0]), decisions(f, names[1]), fixed};
            for (int p = 0; p < names.length; p++) {
                AipwScores.Estimate e = f.scores().value(policies[p], 1);
                double truth = c.truth(policies[p]);
                double z = (e.value() - truth) / e.se();
                assertTrue(Math.abs(z) < 4, names[p] + " seed " + s + ": estimate " + e.value() + ", truth " + truth
                        + ", SE " + e.se());
                zSum[p] += z;
                covered[p] += e.ciLow() <= truth && truth <= e.ciHigh() ? 1 : 0;
                coveredPopulation[p] += e.ciLow() <= population[p] && population[p] <= e.ciHigh() ? 1 : 0;
            }
        }
        for (int p = 0; p < names.length; p++) {
            System.out.printf("%s: interval covered the sample truth in %d, the population value in %d of %d seeds,"
                    + " mean z %.3f%n", names[p], covered[p], coveredPopulation[p], seeds, zSum[p] / seeds);
            assertTrue(covered[p] >= 0.88 * seeds, names[p] + ": 95 % interval covered the truth in " + covered[p]
                    + " of " + seeds + " seeds");
            assertTrue(coveredPopulation[p] >= 0.88 * seeds, names[p] + ": 95 % interval covered the population value "
                    + "in " + coveredPopulation[p] + " of " + seeds + " seeds");
            assertTrue(Math.abs(zSum[p] / seeds) < 0.4, names[p] + ": mean standardised error " + zSum[p] / seeds);
        }
    }

    @Test
    void currentPracticeIsValuedAsTheObservedOutcomes() {
        Cohort c = continuous(600, 5);
        CrossFitPolicyStage.Folded f = CrossFitPolicyStage.fit(CONTINUOUS, FAST, c.x(), c.t(), c.y(), OVERLAP, 4, 9);
        CrossFittedPolicyValues v = CrossFitPolicyStage.summarise(CONTINUOUS, FAST, f, c.t(), 4, List.of());
        CrossFittedPolicyValues.Policy doctors = v.policies().get(0);
        assertEquals(Baseline.DOCTORS.id(), doctors.name());
        assertEquals(Stats.mean(c.y()), doctors.value());
        assertEquals(0.0, doctors.gainOverDoctors());
        assertTrue(Double.isNaN(doctors.probBetterThanDoctors()));
        assertEquals(List.of("doctors", "random", "propensity", "treat_all_0", "treat_all_1", "t_ridge"),
                v.policies().stream().map(q -> q.name().name()).toList());
        assertEquals(PolicyValueScheme.CROSS_FITTED_AIPW, v.scheme());
        assertEquals(600, v.n());
        // a policy's gain is its value minus current practice's, patient by patient
        CrossFittedPolicyValues.Policy all1 = v.policies().get(4);
        assertEquals(all1.value() - doctors.value(), all1.gainOverDoctors(), 1e-12);
    }

    @Test
    void aFoldsDecisionsDoNotDependOnItsOwnOutcomes() {
        Cohort c = continuous(800, 11);
        CrossFitPolicyStage.Folded f = CrossFitPolicyStage.fit(CONTINUOUS, FAST, c.x(), c.t(), c.y(), OVERLAP, 5, 3);
        double[] changed = c.y().clone();
        for (int i = 0; i < changed.length; i++) {
            if (f.fold()[i] == 2) {
                changed[i] = -10 * c.x()[i][1] * (2 * c.t()[i] - 1) + 50;
            }
        }
        CrossFitPolicyStage.Folded g = CrossFitPolicyStage.fit(CONTINUOUS, FAST, c.x(), c.t(), changed, OVERLAP, 5, 3);
        assertArrayEquals(f.fold(), g.fold());
        int otherChanged = 0;
        for (int p = 0; p < f.policies().size(); p++) {
            int[] a = f.policies().get(p).arms();
            int[] b = g.policies().get(p).arms();
            for (int i = 0; i < a.length; i++) {
                if (f.fold()[i] == 2) {
                    assertEquals(a[i], b[i], f.policies().get(p).id() + ", patient " + i + " of fold 2");
                } else if (a[i] != b[i]) {
                    otherChanged++;
                }
            }
        }
        // the other folds' learned policy was fit on fold 2's outcomes, so it does move
        assertTrue(otherChanged > 0, "changing fold 2's outcomes changed no decision of the other folds");
    }

    @Test
    void sameSeedGivesIdenticalValues() {
        Cohort c = continuous(500, 21);
        CrossFittedPolicyValues a = CrossFitPolicyStage.summarise(CONTINUOUS, FAST,
                CrossFitPolicyStage.fit(CONTINUOUS, FAST, c.x(), c.t(), c.y(), OVERLAP, 5, 4), c.t(), 5, List.of());
        CrossFittedPolicyValues b = CrossFitPolicyStage.summarise(CONTINUOUS, FAST,
                CrossFitPolicyStage.fit(CONTINUOUS, FAST, c.x(), c.t(), c.y(), OVERLAP, 5, 4), c.t(), 5, List.of());
        assertEquals(a, b);
        CrossFittedPolicyValues other = CrossFitPolicyStage.summarise(CONTINUOUS, FAST,
                CrossFitPolicyStage.fit(CONTINUOUS, FAST, c.x(), c.t(), c.y(), OVERLAP, 5, 5), c.t(), 5, List.of());
        assertFalse(a.equals(other), "another seed gives other folds");
    }

    /**
     * A small true difference between the treat-all arms: the paper's scheme (plug-in fit on the 60 % training
     * split, p* on all data, DR on the 20 % test split) gets the sign of V(treat_all_1) − V(treat_all_0) wrong
     * more often than the cross-fitted scheme over the whole cohort.
     */
    @Test
    @Tag("slow")
    void crossFittingGetsTheSignOfASmallTreatAllDifferenceRightMoreOften() {
        Study study = study(Study.OutcomeType.BINARY, Study.Direction.LOWER);
        OverlapSet all = new OverlapSet(0, 1, "everyone");
        int seeds = 60;
        int testSplitRight = 0;
        int crossFitRight = 0;
        for (int s = 0; s < seeds; s++) {
            Cohort c = binary(3000, Seeds.derive(91, "cohort-" + s));
            assertTrue(c.trueDifference() > 0.015 && c.trueDifference() < 0.035, "true difference "
                    + c.trueDifference());
            CrossFitPolicyStage.Folded f = CrossFitPolicyStage.fit(study, FAST, c.x(), c.t(), c.y(), all, 5,
                    Seeds.derive(91, "fit-" + s));
            double cf = f.scores().value(decisions(f, "treat_all_1"), -1).value()
                    - f.scores().value(decisions(f, "treat_all_0"), -1).value();
            crossFitRight += Math.signum(cf) == Math.signum(c.trueDifference()) ? 1 : 0;
            double ts = testSplitDifference(c, Seeds.derive(91, "split-" + s));
            testSplitRight += Math.signum(ts) == Math.signum(c.trueDifference()) ? 1 : 0;
        }
        System.out.printf("sign of V(treat_all_1) - V(treat_all_0) right: cross-fitted %d, test split %d of %d%n",
                crossFitRight, testSplitRight, seeds);
        assertTrue(testSplitRight < seeds, "the test split got every sign right: not the hard case");
        assertTrue(crossFitRight >= testSplitRight, "sign right in " + crossFitRight + " of " + seeds
                + " seeds by cross-fitting, " + testSplitRight + " by the test split");
        assertTrue(crossFitRight >= 0.8 * seeds, "cross-fitting got the sign right in " + crossFitRight);
    }

    /** V_DR(treat_all_1) − V_DR(treat_all_0) on the 20 % test split, as a run values policies (TRS App. D). */
    private static double testSplitDifference(Cohort c, long seed) {
        SplitIndices split = Splits.stratified(c.t(), 0.6, 0.2, 0.2, Seeds.derive(seed, "split"));
        int[] test = split.test();
        double[] pStar = FAST.evaluationPropensity().fit(c.x(), c.t(), null, Seeds.derive(seed, "p-star"))
                .predictProba(Stats.select(c.x(), test));
        TLearner.Fitted plug = FAST.plugIn().fit(Stats.select(c.x(), split.train()), Stats.select(c.t(), split.train()),
                Stats.select(c.y(), split.train()), Seeds.derive(seed, "plug"));
        double[][] xTest = Stats.select(c.x(), test);
        HeldOut h = new HeldOut(Stats.select(c.y(), test), Stats.select(c.t(), test), pStar, plug.mu(xTest, 0),
                plug.mu(xTest, 1));
        int[] one = new int[test.length];
        java.util.Arrays.fill(one, 1);
        return PolicyValue.evaluate(h, one, null).dr() - PolicyValue.evaluate(h, new int[test.length], null).dr();
    }
}
