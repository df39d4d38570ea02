package org.causalrx.causal.uncertainty;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.causalrx.util.Stats;

/**
 * The bootstrap resample of training rows behind the CATE refits ({@link BootstrapCate},
 * {@link FinalStageBootstrap}, {@link MultiArmBootstrap}), stratified by arm so that every arm is present.
 * <ul>
 *   <li>Rows are patients (no groups): per arm a, in arm order, as many rows of arm a as it has are drawn with
 *       replacement (same length as t).</li>
 *   <li>Rows grouped by patient (several stays each): whole patients are drawn. A patient's stratum is the arm of
 *       their first row; per stratum, in arm order, as many of its patients as it holds are drawn with replacement,
 *       and each draw adds every row of the patient (ascending). The length varies. When an arm is missing from a
 *       draw (possible only when no patient's first row has that arm), the next draw of the same stream is taken.
 *       With one row per patient this is the row resample, draw for draw.</li>
 * </ul>
 */
public final class PatientResample {
    /** Draws tried before a grouped resample that misses an arm is refused. */
    static final int MAX_TRIES = 1000;

    private PatientResample() {
    }

    /**
     * Row indices of one resample.
     *
     * @param t      arms 0..k−1 of the training rows
     * @param groups patient id per training row (any ints), or null when every row is its own patient
     * @param seed   the resample's seed
     */
    public static int[] rows(int[] t, int k, int[] groups, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        if (groups == null) {
            int[] out = new int[t.length];
            int n = 0;
            for (int arm = 0; arm < k; arm++) {
                int[] idx = Stats.indicesOf(t, arm);
                for (int i = 0; i < idx.length; i++) {
                    out[n++] = idx[rng.nextInt(idx.length)];
                }
            }
            if (n != t.length) {
                throw new IllegalArgumentException("arms outside 0.." + (k - 1) + " in the training rows");
            }
            return out;
        }
        if (groups.length != t.length) {
            throw new IllegalArgumentException("groups has " + groups.length + " entries for " + t.length + " rows");
        }
        List<List<int[]>> strata = strata(t, k, groups);
        for (int tries = 0; tries < MAX_TRIES; tries++) {
            List<Integer> out = new ArrayList<>();
            boolean[] seen = new boolean[k];
            for (List<int[]> stratum : strata) {
                for (int i = 0; i < stratum.size(); i++) {
                    for (int r : stratum.get(rng.nextInt(stratum.size()))) {
                        out.add(r);
                        seen[t[r]] = true;
                    }
                }
            }
            if (allTrue(seen)) {
                return out.stream().mapToInt(Integer::intValue).toArray();
            }
        }
        throw new IllegalArgumentException("no patient resample of " + MAX_TRIES + " holds every arm: some arm is "
                + "never the arm of a patient's first row");
    }

    /**
     * The id each resampled row carries into the refit, so that its internal splits keep rows of one patient
     * together: the original row index without groups (copies of a row share it), else the row's patient id.
     */
    public static int[] ids(int[] rows, int[] groups) {
        return groups == null ? rows : Stats.select(groups, rows);
    }

    /** Per arm (the stratum), its patients' rows in order of the patients' first appearance. */
    static List<List<int[]>> strata(int[] t, int k, int[] groups) {
        Map<Integer, List<Integer>> rowsOf = new LinkedHashMap<>();
        for (int i = 0; i < t.length; i++) {
            if (t[i] < 0 || t[i] >= k) {
                throw new IllegalArgumentException("arms outside 0.." + (k - 1) + " in the training rows");
            }
            rowsOf.computeIfAbsent(groups[i], g -> new ArrayList<>()).add(i);
        }
        List<List<int[]>> strata = new ArrayList<>();
        for (int a = 0; a < k; a++) {
            strata.add(new ArrayList<>());
        }
        for (List<Integer> rows : rowsOf.values()) {
            strata.get(t[rows.get(0)]).add(rows.stream().mapToInt(Integer::intValue).toArray());
        }
        return strata;
    }

    static boolean allTrue(boolean[] v) {
        for (boolean b : v) {
            if (!b) {
                return false;
            }
        }
        return true;
    }
}
