package org.causalrx.causal.diagnostics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

import org.causalrx.causal.CrossFitAipw;
import org.causalrx.learn.linear.LinearSettings;
import org.causalrx.learn.linear.LogisticRegression;
import org.causalrx.learn.linear.Ridge;
import org.causalrx.util.Seeds;
import org.causalrx.util.Stats;
import org.junit.jupiter.api.Test;

/**
 * Refutations of a study whose patients have several rows: every re-estimate is given the patient of each of its
 * rows (so its folds and standard error are grouped as the original's), and a data subset holds all of a patient's
 * rows or none. Without groups the subsets are the row draws of {@link AteRefuter#sample} and the re-estimates are
 * those of the estimator on them.
 */
class AteRefuterGroupsTest {
    private static final RefutationRules FEW = new RefutationRules(2, 0.5, 1, 0.5, 4, 0.6, 2);
    private static final CrossFitAipw AIPW = new CrossFitAipw(LogisticRegression.l2(LinearSettings.defaults()
            .withFixedLambda(1e-3)), new Ridge(LinearSettings.defaults().withFixedLambda(1e-3)), 3, 0.01);

    /** A call the estimator received: the row ids (column 0 of x) and the groups. */
    private record Call(int[] rows, int[] groups) {
    }

    /** Data with 1–4 rows per patient; column 0 of x is the row id, patient ids are arbitrary ints. */
    private record Data(double[][] x, int[] t, double[] y, int[] groups) {
    }

    private static Data data(int patients, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        List<double[]> x = new ArrayList<>();
        List<Integer> t = new ArrayList<>();
        List<Double> y = new ArrayList<>();
        List<Integer> g = new ArrayList<>();
        for (int p = 0; p < patients; p++) {
            double u = r.nextGaussian();
            for (int s = 0, stays = 1 + r.nextInt(4); s < stays; s++) {
                double x1 = u + 0.5 * r.nextGaussian();
                int arm = r.nextDouble() < 1 / (1 + Math.exp(-x1)) ? 1 : 0;
                x.add(new double[] {x.size(), x1});
                t.add(arm);
                y.add(x1 + 2 * arm + u + r.nextGaussian());
                g.add(1000 + 7 * p);
            }
        }
        return new Data(x.toArray(double[][]::new), t.stream().mapToInt(Integer::intValue).toArray(),
                y.stream().mapToDouble(Double::doubleValue).toArray(),
                g.stream().mapToInt(Integer::intValue).toArray());
    }

    /** The estimator, ignoring the row-id column, recording what it is given. */
    private static AteRefuter.AteFit spy(List<Call> calls) {
        return (x, t, y, groups, seed) -> {
            synchronized (calls) {
                calls.add(new Call(Arrays.stream(x).mapToInt(row -> (int) row[0]).toArray(), groups));
            }
            return AIPW.estimate(Arrays.stream(x).map(row -> new double[] {row[1]}).toArray(double[][]::new), t, y,
                    groups, seed);
        };
    }

    @Test
    void groupedSubsetsHoldWholePatientsAndEveryRefitIsGivenItsRowsPatients() {
        Data d = data(80, 3);
        long seed = 11;
        CrossFitAipw.Estimate original = AIPW.estimate(d.x(), d.t(), d.y(), d.groups(), seed);
        List<Call> calls = new ArrayList<>();
        List<Refutation> checks = new AteRefuter(spy(calls), FEW, false, d.groups()).refute(d.x(), d.t(), d.y(),
                original, seed);
        assertEquals(3, checks.size());
        int fullRows = d.y().length;
        List<Call> subsets = calls.stream().filter(c -> c.rows().length < fullRows).toList();
        assertEquals(FEW.placeboDraws() + FEW.commonCauseDraws(), calls.size() - subsets.size());
        assertEquals(FEW.subsetDraws(), subsets.size());
        for (Call c : calls) {
            assertArrayEquals(Stats.select(d.groups(), c.rows()), c.groups(), "each row carries its patient");
        }
        int patients = (int) Arrays.stream(d.groups()).distinct().count();
        Set<Set<Integer>> distinct = new HashSet<>();
        for (Call c : subsets) {
            Set<Integer> in = new HashSet<>();
            Arrays.stream(c.groups()).forEach(in::add);
            assertEquals(Math.round(FEW.subsetFraction() * patients), in.size(), "a share of the patients");
            for (int i = 0; i < fullRows; i++) {
                boolean drawn = Arrays.binarySearch(c.rows(), i) >= 0;
                assertEquals(in.contains(d.groups()[i]), drawn, "row " + i + ": its patient is wholly in or out");
            }
            distinct.add(in);
        }
        assertEquals(FEW.subsetDraws(), distinct.size(), "each draw its own patients");
        Refutation subset = checks.get(2);
        for (int k = 0; k < subsets.size(); k++) {
            Call c = subsets.get(k);
            double expected = AIPW.estimate(Arrays.stream(Stats.select(d.x(), c.rows()))
                    .map(row -> new double[] {row[1]}).toArray(double[][]::new), Stats.select(d.t(), c.rows()),
                    Stats.select(d.y(), c.rows()), c.groups(), seed).ate();
            assertEquals(expected, subset.estimates().get(k), 0.0, "draw " + k + " is the grouped refit");
        }
    }

    @Test
    void withoutGroupsTheSubsetsAreTheRowDrawsAndNoGroupsArePassed() {
        Data d = data(80, 4);
        long seed = 12;
        CrossFitAipw.Estimate original = AIPW.estimate(d.x(), d.t(), d.y(), seed);
        List<Call> calls = new ArrayList<>();
        Refutation subset = new AteRefuter(spy(calls), FEW, false).subset(d.x(), d.t(), d.y(), original, seed);
        int n = d.y().length;
        int m = (int) Math.round(FEW.subsetFraction() * n);
        for (int k = 0; k < FEW.subsetDraws(); k++) {
            int[] rows = AteRefuter.sample(n, m, Seeds.derive(seed, "refute-subset-" + k));
            assertArrayEquals(rows, calls.get(k).rows(), "draw " + k);
            assertNull(calls.get(k).groups());
            double old = AIPW.estimate(Arrays.stream(Stats.select(d.x(), rows)).map(row -> new double[] {row[1]})
                    .toArray(double[][]::new), Stats.select(d.t(), rows), Stats.select(d.y(), rows), seed).ate();
            assertEquals(old, subset.estimates().get(k), 0.0, "draw " + k + " as before");
        }
    }

    @Test
    void onePatientPerRowDrawsTheSameSubsetsAsRowsAndGroupedFoldsChangeTheRefit() {
        Data d = data(60, 5);
        int n = d.y().length;
        int[] own = new int[n];
        Arrays.setAll(own, i -> i);
        AteRefuter byRow = new AteRefuter(spy(new ArrayList<>()), FEW, false);
        AteRefuter byOwn = new AteRefuter(spy(new ArrayList<>()), FEW, false, own);
        AteRefuter byPatient = new AteRefuter(spy(new ArrayList<>()), FEW, false, d.groups());
        boolean differs = false;
        for (int k = 0; k < FEW.subsetDraws(); k++) {
            assertArrayEquals(byRow.subsetRows(n, 13, k), byOwn.subsetRows(n, 13, k), "draw " + k);
            differs |= !Arrays.equals(byRow.subsetRows(n, 13, k), byPatient.subsetRows(n, 13, k));
        }
        assertTrue(differs, "patients, not rows, are drawn");
        double rowFolds = AIPW.estimate(d.x(), d.t(), d.y(), null, 13).se();
        double patientFolds = AIPW.estimate(d.x(), d.t(), d.y(), d.groups(), 13).se();
        assertNotEquals(rowFolds, patientFolds, "the grouped refit has patient folds and a clustered SE");
    }
}
