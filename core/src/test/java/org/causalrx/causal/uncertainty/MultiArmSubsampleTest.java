package org.causalrx.causal.uncertainty;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;

import org.causalrx.causal.MultiArmCateEstimator;
import org.causalrx.causal.MultiArmCateModel;
import org.causalrx.causal.OutcomeAware;
import org.causalrx.estimators.MultiArmEstimators;
import org.causalrx.util.Seeds;
import org.causalrx.util.Stats;
import org.junit.jupiter.api.Test;

/**
 * K-arm subsample refits ({@link MultiArmBootstrap} with refit rows): below the gate n &lt; 2m they are the full
 * bootstrap refits, draw for draw; above it they are within-arm subsamples of the two sizes (whole patients when
 * grouped), the same in parallel, and {@link MultiArmBootstrap#rescaled} moves every arm's draw as its formula says.
 */
class MultiArmSubsampleTest {
    private static final int K = 3;

    private record Data(double[][] x, int[] t, double[] y, int[] groups) {
    }

    private static Data data(int n, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double[][] x = new double[n][2];
        int[] t = new int[n];
        double[] y = new double[n];
        int[] g = new int[n];
        for (int i = 0; i < n; i++) {
            x[i][0] = r.nextGaussian();
            x[i][1] = r.nextGaussian();
            t[i] = i % K;
            y[i] = x[i][0] + (t[i] == 1 ? x[i][1] : t[i] == 2 ? -1 : 0) + 0.3 * r.nextGaussian();
            g[i] = i / 2;
        }
        return new Data(x, t, y, g);
    }

    private static MultiArmCateEstimator ridge() {
        return MultiArmEstimators.of("t_ridge", OutcomeAware.Kind.CONTINUOUS);
    }

    private static double[][][] effects(List<MultiArmCateModel> models, double[][] x) {
        return MultiArmBootstrap.draws(models, List.<double[][]>of(x), false)[0];
    }

    @Test
    void belowTheGateTheRefitsAreTheFullBootstrapDrawForDraw() {
        Data d = data(300, 1);
        for (int[] groups : Arrays.asList(null, d.groups())) {
            List<MultiArmCateModel> today = new ArrayList<>();
            for (int b = 0; b < 6; b++) {
                int[] rows = PatientResample.rows(d.t(), K, groups, Seeds.derive(21L, b));
                today.add(ridge().fit(Stats.select(d.x(), rows), Stats.select(d.t(), rows), K,
                        Stats.select(d.y(), rows), Seeds.derive(22L, b)));
            }
            double[][][] want = effects(today, d.x());
            for (int m : new int[] {0, 151, 300, 1000}) {
                MultiArmBootstrap.Refits got = new MultiArmBootstrap(ridge(), 6, false, m, Subsample.Rate.ESTIMATED)
                        .refit(d.x(), d.t(), K, d.y(), groups, 21L, 22L);
                assertNull(got.subsample(), "n = 300 < 2m = " + 2 * m + ": full bootstrap");
                double[][][] draws = effects(got.models(), d.x());
                assertEquals(Arrays.deepToString(want), Arrays.deepToString(draws), "m = " + m);
                assertSame(draws, MultiArmBootstrap.rescaled(want[0], draws, got.subsample()), "nothing rescaled");
            }
            List<MultiArmCateModel> plain = new MultiArmBootstrap(ridge(), 6, false).fit(d.x(), d.t(), K, d.y(),
                    groups, 21L, 22L);
            assertEquals(Arrays.deepToString(want), Arrays.deepToString(effects(plain, d.x())));
        }
    }

    @Test
    void aboveTheGateRefitsAreWithinArmSubsamplesOfTwoSizes() {
        Data d = data(1200, 2);
        Map<Long, int[]> seen = new ConcurrentHashMap<>();
        MultiArmCateEstimator counter = new MultiArmCateEstimator() {
            @Override
            public String name() {
                return "counter";
            }

            @Override
            public MultiArmCateModel fit(double[][] xs, int[] t, int k, double[] ys, long seed) {
                seen.put(seed, t.clone());
                return ridge().fit(xs, t, k, ys, seed);
            }
        };
        MultiArmBootstrap boot = new MultiArmBootstrap(counter, 6, false, 300, Subsample.Rate.ESTIMATED);
        MultiArmBootstrap.Refits rows = boot.refit(d.x(), d.t(), K, d.y(), null, 31L, 32L);
        Subsample sub = rows.subsample();
        assertNotNull(sub);
        assertEquals(List.of(300, 1200, false, 75), List.of(sub.drawn(), sub.of(), sub.patients(),
                sub.smallDrawn()));
        assertTrue(sub.rate() >= Subsample.MIN_RATE && sub.rate() <= Subsample.MAX_RATE, "rate " + sub.rate());
        for (int b = 0; b < 6; b++) {
            int[] t = seen.get(Seeds.derive(32L, b));
            int[] counts = new int[K];
            for (int a : t) {
                counts[a]++;
            }
            int per = b < 3 ? 100 : 25;
            assertArrayEquals(new int[] {per, per, per}, counts, "refit " + b + ": the same share of every arm");
        }
        MultiArmBootstrap.Refits par = new MultiArmBootstrap(ridge(), 6, true, 300, Subsample.Rate.ESTIMATED)
                .refit(d.x(), d.t(), K, d.y(), null, 31L, 32L);
        assertEquals(sub, par.subsample());
        assertEquals(Arrays.deepToString(effects(rows.models(), d.x())),
                Arrays.deepToString(effects(par.models(), d.x())), "same refits in parallel");

        MultiArmBootstrap.Refits grouped = new MultiArmBootstrap(ridge(), 6, false, 300, Subsample.Rate.ESTIMATED)
                .refit(d.x(), d.t(), K, d.y(), d.groups(), 31L, 32L);
        assertTrue(grouped.subsample().patients(), "grouped rows: patients drawn");
        assertEquals(600, grouped.subsample().of());

        MultiArmBootstrap.Refits rootN = new MultiArmBootstrap(ridge(), 6, false, 300, Subsample.Rate.ROOT_N)
                .refit(d.x(), d.t(), K, d.y(), null, 31L, 32L);
        assertEquals(new Subsample(300, 1200, false), rootN.subsample(), "root-n: one size");
    }

    @Test
    void rescaledMovesEveryArmsDrawToThePointMinusTheBiasPlusTheScaledDeviation() {
        Subsample two = new Subsample(100, 1000, false, 25, 0.4);
        double[][] point = {{0, 1.0, -2.0}};
        double[][][] draws = {{{0, 1.5, -2.0}}, {{0, 1.1, -1.0}}, {{0, 3.0, -1.0}}, {{0, 2.0, -3.0}}};
        double[][][] got = MultiArmBootstrap.rescaled(point, draws, two);
        for (int a = 0; a < K; a++) {
            double ml = (draws[0][0][a] + draws[1][0][a]) / 2;
            double ms = (draws[2][0][a] + draws[3][0][a]) / 2;
            double bias = ((ml - point[0][a]) * two.biasScale() + (ms - point[0][a]) * two.smallBiasScale()) / 2;
            for (int r = 0; r < 4; r++) {
                double want = point[0][a] - bias + (r < 2 ? two.spreadScale() * (draws[r][0][a] - ml)
                        : two.smallSpreadScale() * (draws[r][0][a] - ms));
                assertEquals(want, got[r][0][a], 1e-12, "refit " + r + ", arm " + a);
            }
        }
        for (double[][] g : got) {
            assertEquals(0.0, g[0][0], 0.0, "the reference column stays 0");
        }
        assertEquals(1.1, draws[1][0][1], 0.0, "the draws themselves are not modified");

        Subsample one = new Subsample(100, 1000, false);
        double[][][] g1 = MultiArmBootstrap.rescaled(point, draws, one);
        double m = (1.5 + 1.1 + 3.0 + 2.0) / 4;
        double bias = (m - 1.0) * one.biasScale();
        for (int r = 0; r < 4; r++) {
            assertEquals(1.0 - bias + one.spreadScale() * (draws[r][0][1] - m), g1[r][0][1], 1e-12);
        }
        assertThrows(IllegalArgumentException.class, () -> MultiArmBootstrap.rescaled(new double[][] {{0, 1}},
                draws, one), "draws and point effects of different shapes");
    }

    @Test
    void theRateIsEstimatedFromEveryNonReferenceArmsEffectOnly() {
        Data d = data(1200, 3);
        MultiArmBootstrap.Refits r = new MultiArmBootstrap(ridge(), 8, false, 300, Subsample.Rate.ESTIMATED)
                .refit(d.x(), d.t(), K, d.y(), null, 41L, 42L);
        double[][] xe = Subsample.evaluationRows(d.x());
        double[][] pred = new double[8][];
        for (int b = 0; b < 8; b++) {
            double[][] e = r.models().get(b).effects(xe);
            pred[b] = new double[2 * xe.length];
            for (int i = 0; i < xe.length; i++) {
                pred[b][2 * i] = e[i][1];
                pred[b][2 * i + 1] = e[i][2];
            }
        }
        Subsample plan = new Subsample(300, 1200, false, 75, Subsample.MAX_RATE);
        assertEquals(plan.withEstimatedRate(pred), r.subsample());
        assertSame(null, MultiArmBootstrap.estimated(null, r.models(), d.x()));
        Subsample one = new Subsample(300, 1200, false);
        assertSame(one, MultiArmBootstrap.estimated(one, r.models(), d.x()), "one size: root-n, nothing estimated");
    }
}
