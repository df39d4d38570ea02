package org.causalrx.pipeline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.causalrx.causal.OverlapSet;
import org.causalrx.causal.TLearner;
import org.causalrx.learn.linear.LinearSettings;
import org.causalrx.learn.linear.LogisticRegression;
import org.causalrx.learn.linear.Ridge;
import org.causalrx.policy.AipwScores;
import org.causalrx.result.PolicyId;
import org.causalrx.study.Study;
import org.junit.jupiter.api.Test;

/**
 * Cross-fitted policy values of a cohort whose patients have several rows (here: three identical copies of each
 * patient): the folds keep a patient's rows together, and the values' standard errors are cluster-robust.
 */
class CrossFitPolicyGroupsTest {
    private static final LinearSettings FIXED = new LinearSettings(5, 8, Double.NaN, false, 1e-4, 1e-7, 10_000);
    private static final CrossFitPolicyStage.Settings FAST = new CrossFitPolicyStage.Settings(
            LogisticRegression.l2(FIXED), LogisticRegression.l2(FIXED), new TLearner("t_ridge", new Ridge(FIXED)),
            List.of(new TLearner("t_ridge", new Ridge(FIXED))));
    private static final OverlapSet OVERLAP = new OverlapSet(0.05, 0.95, "given");
    private static final Study STUDY = CrossFitPolicyStageTest.study(Study.OutcomeType.CONTINUOUS,
            Study.Direction.HIGHER);
    private static final int COPIES = 3;

    /** Each patient of a simulated cohort repeated {@code COPIES} times; groups[i] = the patient of row i. */
    record Stays(double[][] x, int[] t, double[] y, int[] groups) {
        static Stays of(int patients, long seed) {
            CrossFitPolicyStageTest.Cohort c = CrossFitPolicyStageTest.continuous(patients, seed);
            int n = patients * COPIES;
            double[][] x = new double[n][];
            int[] t = new int[n];
            double[] y = new double[n];
            int[] groups = new int[n];
            for (int i = 0; i < n; i++) {
                int p = i % patients;
                x[i] = c.x()[p].clone();
                t[i] = c.t()[p];
                y[i] = c.y()[p];
                groups[i] = 50 + 3 * p;
            }
            return new Stays(x, t, y, groups);
        }
    }

    /** The largest number of folds any one patient's rows fall in. */
    private static int foldsPerPatient(int[] fold, int[] groups) {
        Map<Integer, java.util.Set<Integer>> seen = new HashMap<>();
        for (int i = 0; i < fold.length; i++) {
            seen.computeIfAbsent(groups[i], g -> new java.util.HashSet<>()).add(fold[i]);
        }
        return seen.values().stream().mapToInt(java.util.Set::size).max().orElse(0);
    }

    @Test
    void noPatientIsInTwoFoldsAndTheStandardErrorsAreClustered() {
        Stays s = Stays.of(200, 21);
        CrossFitPolicyStage.Folded grouped = CrossFitPolicyStage.fit(STUDY, FAST, s.x(), s.t(), s.y(), OVERLAP, 5, 8,
                s.groups());
        assertEquals(1, foldsPerPatient(grouped.fold(), s.groups()), "a patient's rows stay in one fold");
        CrossFitPolicyStage.Folded byRow = CrossFitPolicyStage.fit(STUDY, FAST, s.x(), s.t(), s.y(), OVERLAP, 5, 8);
        assertTrue(foldsPerPatient(byRow.fold(), s.groups()) > 1, "row folds would split patients");

        assertArrayEquals(s.groups(), grouped.scores().groups());
        int[] treatAll = grouped.policies().stream().filter(p -> p.id().equals(PolicyId.parse("treat_all_1")))
                .findFirst().orElseThrow().arms();
        AipwScores.Estimate clustered = grouped.scores().value(treatAll, 1);
        AipwScores.Estimate iid = grouped.scores().withGroups(null).value(treatAll, 1);
        assertEquals(iid.value(), clustered.value(), 0.0);
        // three identical copies per patient: the clustered SE is about sqrt(3) times the iid one
        double ratio = clustered.se() / iid.se();
        assertEquals(Math.sqrt(COPIES), ratio, 0.05, "clustered / iid SE");

        CrossFittedPolicyValues v = CrossFitPolicyStage.summarise(STUDY, FAST, grouped, s.t(), 5, List.of());
        CrossFittedPolicyValues.Policy row = v.policies().stream()
                .filter(p -> p.name().equals(PolicyId.parse("treat_all_1"))).findFirst().orElseThrow();
        assertEquals(clustered.se(), row.se(), 0.0, "the reported SE is the clustered one");
    }

    @Test
    void withoutGroupsTheFoldsAndValuesAreThoseOfTheRowWiseFit() {
        Stays s = Stays.of(150, 4);
        CrossFitPolicyStage.Folded plain = CrossFitPolicyStage.fit(STUDY, FAST, s.x(), s.t(), s.y(), OVERLAP, 4, 3);
        CrossFitPolicyStage.Folded none = CrossFitPolicyStage.fit(STUDY, FAST, s.x(), s.t(), s.y(), OVERLAP, 4, 3,
                null);
        assertArrayEquals(plain.fold(), none.fold());
        assertEquals(plain.scores().value(plain.policies().get(0).arms(), 1),
                none.scores().value(none.policies().get(0).arms(), 1));
    }
}
