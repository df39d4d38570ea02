package org.causalrx.causal.uncertainty;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;

import org.causalrx.causal.CateEstimator;
import org.causalrx.causal.CateModel;
import org.causalrx.causal.MultiArmCateEstimator;
import org.causalrx.causal.MultiArmCateModel;
import org.causalrx.util.Seeds;
import org.causalrx.util.Stats;
import org.junit.jupiter.api.Test;

/**
 * The CATE refits' bootstrap draws whole patients when rows are grouped (every resample holds all rows of a drawn
 * patient, once per draw, or none of them), and rows as before without groups (the earlier within-arm row draw,
 * reproduced here, bit for bit; one row per patient gives the same draw).
 */
class PatientResampleTest {

    /** 3 arms; patient g has 1 + g % 4 stays whose arms vary within the patient. */
    private record Stays(int[] t, int[] groups) {
    }

    private static Stays stays(int patients, long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        List<Integer> t = new ArrayList<>();
        List<Integer> g = new ArrayList<>();
        for (int p = 0; p < patients; p++) {
            for (int s = 0; s <= p % 4; s++) {
                t.add(r.nextInt(3));
                g.add(1000 + 7 * p);
            }
        }
        return new Stays(t.stream().mapToInt(Integer::intValue).toArray(),
                g.stream().mapToInt(Integer::intValue).toArray());
    }

    @Test
    void everyResampleHoldsAllOfADrawnPatientsRowsOrNone() {
        Stays s = stays(120, 3);
        Map<Integer, Integer> size = new HashMap<>();
        for (int id : s.groups()) {
            size.merge(id, 1, Integer::sum);
        }
        boolean repeated = false;
        for (int b = 0; b < 20; b++) {
            int[] rows = PatientResample.rows(s.t(), 3, s.groups(), Seeds.derive(8L, b));
            Map<Integer, Integer> count = new HashMap<>();
            int[] perRow = new int[s.t().length];
            for (int r : rows) {
                count.merge(s.groups()[r], 1, Integer::sum);
                perRow[r]++;
            }
            for (int r = 0; r < perRow.length; r++) {
                int drawn = count.getOrDefault(s.groups()[r], 0) / size.get(s.groups()[r]);
                assertEquals(drawn, perRow[r], "resample " + b + ": row " + r + " counted apart from its patient");
                repeated |= drawn > 1;
            }
            boolean[] arm = new boolean[3];
            for (int r : rows) {
                arm[s.t()[r]] = true;
            }
            assertTrue(arm[0] && arm[1] && arm[2], "every arm present");
        }
        assertTrue(repeated, "patients are drawn with replacement");
        // the row draw breaks patients apart, so the check above can fail
        int[] plain = PatientResample.rows(s.t(), 3, null, Seeds.derive(8L, 0));
        Map<Integer, Integer> count = new HashMap<>();
        for (int r : plain) {
            count.merge(s.groups()[r], 1, Integer::sum);
        }
        assertTrue(count.entrySet().stream().anyMatch(e -> e.getValue() % size.get(e.getKey()) != 0));
    }

    @Test
    void withoutGroupsTheDrawIsTheWithinArmRowDrawAndOneRowPerPatientIsTheSame() {
        Stays s = stays(200, 4);
        int[] singletons = new int[s.t().length];
        for (int i = 0; i < singletons.length; i++) {
            singletons[i] = 5 * i + 2;
        }
        int[] binary = new int[s.t().length];
        for (int i = 0; i < binary.length; i++) {
            binary[i] = s.t()[i] == 2 ? 1 : s.t()[i];
        }
        for (long seed = 0; seed < 10; seed++) {
            int[] expected = withinArmRows(s.t(), 3, seed);
            assertArrayEquals(expected, PatientResample.rows(s.t(), 3, null, seed));
            assertArrayEquals(expected, MultiArmBootstrap.resample(s.t(), 3, seed));
            assertArrayEquals(expected, PatientResample.rows(s.t(), 3, singletons, seed));
            assertArrayEquals(withinArmRows(binary, 2, seed), BootstrapCate.resample(binary, seed));
        }
    }

    @Test
    void refitsSeeWholePatientsAndTheirIds() {
        Stays s = stays(80, 5);
        int n = s.t().length;
        double[][] x = new double[n][1];
        double[] y = new double[n];
        int[] t2 = new int[n];
        for (int i = 0; i < n; i++) {
            t2[i] = s.t()[i] == 0 ? 0 : 1;
        }
        Map<Long, int[]> seen = new ConcurrentHashMap<>();
        CateEstimator recorder = new CateEstimator() {
            @Override
            public String name() {
                return "recorder";
            }

            @Override
            public CateModel fit(double[][] xs, int[] t, double[] ys, long seed) {
                throw new AssertionError("refits say which rows belong to one patient");
            }

            @Override
            public CateModel fit(double[][] xs, int[] t, double[] ys, int[] ids, long seed) {
                seen.put(seed, ids.clone());
                return xx -> new double[xx.length];
            }
        };
        new BootstrapCate(recorder, 3, false).fitRefits(x, t2, y, s.groups(), 31L, 32L);
        for (int b = 0; b < 3; b++) {
            int[] rows = PatientResample.rows(t2, 2, s.groups(), Seeds.derive(31L, b));
            assertArrayEquals(Stats.select(s.groups(), rows), seen.get(Seeds.derive(32L, b)));
        }
        Map<Long, Integer> sizes = new ConcurrentHashMap<>();
        MultiArmCateEstimator counter = new MultiArmCateEstimator() {
            @Override
            public String name() {
                return "counter";
            }

            @Override
            public MultiArmCateModel fit(double[][] xs, int[] t, int k, double[] ys, long seed) {
                sizes.put(seed, t.length);
                return null;
            }
        };
        new MultiArmBootstrap(counter, 3, false).fit(x, s.t(), 3, y, s.groups(), 41L, 42L);
        for (int b = 0; b < 3; b++) {
            assertEquals(PatientResample.rows(s.t(), 3, s.groups(), Seeds.derive(41L, b)).length,
                    sizes.get(Seeds.derive(42L, b)));
        }
    }

    /** The within-arm row draw the refits used before patients could be grouped. */
    private static int[] withinArmRows(int[] t, int k, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        int[] out = new int[t.length];
        int n = 0;
        for (int arm = 0; arm < k; arm++) {
            int[] idx = Stats.indicesOf(t, arm);
            for (int i = 0; i < idx.length; i++) {
                out[n++] = idx[rng.nextInt(idx.length)];
            }
        }
        return out;
    }
}
