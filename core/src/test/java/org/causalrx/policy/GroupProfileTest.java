package org.causalrx.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.ToDoubleFunction;

import org.causalrx.data.Column;
import org.causalrx.data.Table;
import org.junit.jupiter.api.Test;

class GroupProfileTest {

    @Test
    void tableOneMatchesHandComputation() {
        // 6 patients: A = {0, 1, 2}, B = {3, 4}, neither = {5}
        Table raw = new Table("t", List.of(
                new Column.Numeric("age", new double[] {30, 40, Double.NaN, 50, 70, 20}),
                new Column.Numeric("sex", new double[] {0, 1, 1, 0, 0, 1}),
                new Column.Text("race", new String[] {"w", "b", null, "w", "w", "b"})));
        double[][] x = new double[6][1];
        int[] group = {1, 1, 1, 0, 0, -1};
        GroupProfile g = GroupProfiles.describe("A", "B", raw, Set.of("sex"), x, List.of("f"), group, 1);
        assertEquals(3, g.nA());
        assertEquals(2, g.nB());
        assertEquals(6, g.nAll());
        GroupProfile.Row age = g.rows().get(0);
        assertEquals("age", age.variable());
        assertEquals(35, age.a().value(), 1e-12);
        assertEquals(Math.sqrt(50), age.a().sd(), 1e-12, "sample SD of 30, 40");
        assertEquals(2, age.a().n());
        assertEquals(1, age.a().missing());
        assertEquals(60, age.b().value(), 1e-12);
        assertEquals(42, age.all().value(), 1e-12, "(30+40+50+70+20)/5");
        // sex is numeric in the data but declared categorical: one row per level, share of the group
        GroupProfile.Row sex1 = g.rows().stream().filter(r -> r.variable().equals("sex") && r.level().equals("1"))
                .findFirst().orElseThrow();
        assertEquals(2, sex1.a().n());
        assertEquals(2 / 3.0, sex1.a().value(), 1e-12);
        assertEquals(0, sex1.b().n());
        assertEquals(0.5, sex1.all().value(), 1e-12);
        GroupProfile.Row raceW = g.rows().stream().filter(r -> r.variable().equals("race") && r.level().equals("w"))
                .findFirst().orElseThrow();
        assertEquals(1, raceW.a().n());
        assertEquals(1 / 3.0, raceW.a().value(), 1e-12, "share of all 3 in A, the missing one included");
        assertEquals(1, raceW.a().missing());
        assertEquals(2, raceW.b().n());
        assertEquals(5, g.rows().size(), "age, sex 0/1, race b/w");
        assertTrue(g.top().isEmpty());
        assertTrue(g.modelNote().contains("fewer than 10"), g.modelNote());
    }

    @Test
    void membershipModelFindsTheFeatureThatDefinesTheGroups() {
        SplittableRandom rnd = new SplittableRandom(3);
        double[][] x = gaussian(rnd, 600, 3);
        int[] group = drawn(rnd, x, r -> 2.5 * r[1]);
        Table raw = column(x, 1);
        GroupProfile g = GroupProfiles.describe("A", "B", raw, Set.of(), x, List.of("noise1", "signal", "noise2"),
                group, 7);
        assertFalse(g.top().isEmpty());
        assertEquals("signal", g.top().get(0).feature());
        assertTrue(g.top().get(0).value() > 1.5, "standardised log-odds near 2.5: " + g.top().get(0).value());
        assertTrue(g.top().stream().allMatch(c -> c.value() != 0));
        GroupProfile again = GroupProfiles.describe("A", "B", raw, Set.of(), x, List.of("noise1", "signal", "noise2"),
                group, 7);
        assertEquals(g, again, "same seed, same profile");
    }

    @Test
    void separableGroupsAreDescribedByTheirDirectionAndSaidToBeSeparated() {
        // the groups are the sign of a linear score, as when they are the sign of a linear CATE estimate: the
        // description keeps the direction (x0 : x1 : x2 = 1 : 0.5 : -0.3 per SD) and says the groups are separated
        SplittableRandom rnd = new SplittableRandom(11);
        double[][] x = gaussian(rnd, 2_000, 5);
        int[] group = new int[x.length];
        for (int i = 0; i < x.length; i++) {
            group[i] = x[i][0] + 0.5 * x[i][1] - 0.3 * x[i][2] > 0 ? 1 : 0;
        }
        Table raw = column(x, 0);
        GroupProfile g = GroupProfiles.describe("A", "B", raw, Set.of(), x, List.of("a", "b", "c", "d", "e"),
                group, 5);
        assertEquals(List.of("a", "b", "c"), g.top().subList(0, 3).stream().map(GroupProfile.Coefficient::feature)
                .toList());
        double a = g.top().get(0).value();
        assertEquals(0.5, g.top().get(1).value() / a, 0.1, "direction kept");
        assertEquals(-0.3, g.top().get(2).value() / a, 0.1, "direction kept");
        assertTrue(g.modelNote().contains("almost separate the groups"), g.modelNote());
        assertTrue(g.modelNote().contains("% of the deviance explained"), g.modelNote());
        assertFalse(g.modelNote().contains("subsample"), "2,000 patients: lambda chosen on all of them");

        // groups that overlap (membership probability 1 / (1 + e^(-x0))) are not called separated
        GroupProfile overlap = GroupProfiles.describe("A", "B", raw, Set.of(), x, List.of("a", "b", "c", "d", "e"),
                drawn(rnd, x, r -> r[0]), 5);
        assertEquals("a", overlap.top().get(0).feature());
        assertFalse(overlap.modelNote().contains("separate"), overlap.modelNote());
    }

    @Test
    void largeGroupsAreDescribedOnASubsample() {
        // from 2 × 20,000 patients in the two groups the membership model is fitted on a seeded subsample of 20,000
        // of them (penalty and coefficients); table one still counts everyone
        SplittableRandom rnd = new SplittableRandom(13);
        double[][] x = gaussian(rnd, 40_000, 3);
        int[] group = drawn(rnd, x, r -> r[2]);
        GroupProfile g = GroupProfiles.describe("A", "B", column(x, 2), Set.of(), x, List.of("a", "b", "c"),
                group, 3);
        assertEquals("c", g.top().get(0).feature());
        assertTrue(g.modelNote().contains("on a seeded subsample of 20,000 of the 40,000 patients, penalty chosen by "
                + "cross-validation (lambda"), g.modelNote());
        assertEquals(40_000, g.nA() + g.nB());
        // the same fit as the model on those 20,000 patients alone, whose penalty needs no subsample of its own
        int[] rows = GroupProfiles.sample(java.util.stream.IntStream.range(0, x.length).toArray(), 20_000,
                org.causalrx.util.Seeds.derive(3, "profile-subsample"));
        double[][] xs = new double[rows.length][];
        int[] gs = new int[rows.length];
        for (int i = 0; i < rows.length; i++) {
            xs[i] = x[rows[i]];
            gs[i] = group[rows[i]];
        }
        GroupProfile alone = GroupProfiles.describe("A", "B", column(xs, 2), Set.of(), xs, List.of("a", "b", "c"),
                gs, 3);
        assertEquals(alone.top(), g.top());
        // just below 2 × 20,000 every patient is fitted
        double[][] x2 = gaussian(rnd, 39_999, 3);
        GroupProfile below = GroupProfiles.describe("A", "B", column(x2, 2), Set.of(), x2, List.of("a", "b", "c"),
                drawn(rnd, x2, r -> r[2]), 3);
        assertTrue(below.modelNote().contains("on 39999 patients"), below.modelNote());
    }

    @Test
    void vulnerableGroupsFlaggedOnlyBeyondTheMargin() {
        String[] sex = {"f", "f", "f", "f", "m", "m", "m", "m", "m", "m"};
        boolean[] deferred = {true, true, false, false, false, false, false, false, false, true};
        boolean[] outside = {false, false, false, false, false, false, false, false, false, true};
        List<VulnerableGroups.Group> g = VulnerableGroups.of("sex", sex, false, deferred, outside, 0.2);
        VulnerableGroups.Group f = g.get(0);
        assertEquals("f", f.level());
        assertEquals(4, f.n());
        assertEquals(0.5, f.deferred(), 1e-12);
        assertEquals(1 / 6.0, f.restDeferred(), 1e-12);
        assertTrue(f.flagDeferred(), "0.50 vs 0.17 differs by more than 0.2");
        assertEquals(0, f.outside(), 1e-12);
        assertEquals(1 / 6.0, f.restOutside(), 1e-12);
        assertFalse(f.flagOutside(), "0 vs 0.17 is within 0.2");
        assertTrue(g.get(1).flagDeferred());
        List<VulnerableGroups.Group> wide = VulnerableGroups.of("sex", sex, false, deferred, outside, 0.4);
        assertFalse(wide.get(0).flagDeferred(), "0.33 difference is within a 0.4 margin");
    }

    @Test
    void manyValuedNumbersAreBandedByQuartile() {
        String[] age = new String[20];
        boolean[] none = new boolean[20];
        for (int i = 0; i < 20; i++) {
            age[i] = Integer.toString(20 + i);
        }
        age[19] = "";
        List<VulnerableGroups.Group> g = VulnerableGroups.of("age", age, true, none, none, 0.1);
        assertEquals(5, g.size(), "four quartile bands and missing");
        assertEquals(19, g.stream().filter(x -> !x.level().equals("missing")).mapToInt(VulnerableGroups.Group::n)
                .sum());
        assertTrue(g.get(0).level().startsWith("Q1 [min, "), g.get(0).level());
    }

    /** n × p standard normal features. */
    private static double[][] gaussian(SplittableRandom rnd, int n, int p) {
        double[][] x = new double[n][p];
        for (double[] row : x) {
            for (int j = 0; j < p; j++) {
                row[j] = rnd.nextGaussian();
            }
        }
        return x;
    }

    /** Per row: in group A (1) with probability 1 / (1 + e^(−logOdds(row))), else B (0). */
    private static int[] drawn(SplittableRandom rnd, double[][] x, ToDoubleFunction<double[]> logOdds) {
        int[] group = new int[x.length];
        for (int i = 0; i < x.length; i++) {
            group[i] = 1 / (1 + Math.exp(-logOdds.applyAsDouble(x[i]))) > rnd.nextDouble() ? 1 : 0;
        }
        return group;
    }

    /** The raw table: feature j as the one numeric covariate "v". */
    private static Table column(double[][] x, int j) {
        double[] v = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            v[i] = x[i][j];
        }
        return new Table("t", List.of(new Column.Numeric("v", v)));
    }
}
