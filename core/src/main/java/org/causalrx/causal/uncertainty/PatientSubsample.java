package org.causalrx.causal.uncertainty;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

import org.causalrx.util.Stats;

/**
 * The subsample of training rows behind subsample refits ({@link Subsample}): drawn <i>without</i> replacement,
 * stratified by arm with the fraction f = m / n (m rows asked of n training rows) in every arm, so arms keep their
 * proportions.
 * <ul>
 *   <li>Rows are patients (no groups): per arm a, in arm order, max(1, round(f·n_a)) of its n_a rows, in ascending
 *       row order.</li>
 *   <li>Rows grouped by patient: per stratum (the arm of a patient's first row, as in {@link PatientResample}),
 *       max(1, round(f·g_a)) of its g_a patients, each adding every row of the patient (ascending), patients in
 *       order of first appearance. A draw that misses an arm is replaced by the next draw of the same stream.</li>
 * </ul>
 * The number of units drawn depends only on t, the groups and m ({@link #size}), not on the seed.
 */
public final class PatientSubsample {
    private PatientSubsample() {
    }

    /**
     * The units drawn per subsample and the units there are.
     *
     * @param t      arms 0..k−1 of the n training rows
     * @param groups patient id per training row, or null when every row is its own patient
     * @param m      rows asked per subsample, 1 ≤ m &lt; n
     */
    public static Subsample size(int[] t, int k, int[] groups, int m) {
        double f = (double) m / t.length;
        int drawn = 0;
        int of = 0;
        for (int units : stratumSizes(t, k, groups)) {
            drawn += take(f, units);
            of += units;
        }
        return new Subsample(drawn, of, groups != null);
    }

    /**
     * Row indices of one subsample (see the class comment).
     *
     * @param seed the subsample's seed
     */
    public static int[] rows(int[] t, int k, int[] groups, int m, long seed) {
        double f = (double) m / t.length;
        SplittableRandom rng = new SplittableRandom(seed);
        if (groups == null) {
            List<int[]> parts = new ArrayList<>();
            int total = 0;
            for (int arm = 0; arm < k; arm++) {
                int[] idx = Stats.indicesOf(t, arm);
                int want = take(f, idx.length);
                int[] pick = Arrays.copyOf(partialShuffle(idx.length, want, rng), want);
                int[] part = new int[pick.length];
                for (int i = 0; i < pick.length; i++) {
                    part[i] = idx[pick[i]];
                }
                Arrays.sort(part);
                parts.add(part);
                total += idx.length;
            }
            if (total != t.length) {
                throw new IllegalArgumentException("arms outside 0.." + (k - 1) + " in the training rows");
            }
            return concat(parts);
        }
        List<List<int[]>> strata = PatientResample.strata(t, k, groups);
        for (int tries = 0; tries < PatientResample.MAX_TRIES; tries++) {
            List<int[]> parts = new ArrayList<>();
            boolean[] seen = new boolean[k];
            for (List<int[]> stratum : strata) {
                int want = take(f, stratum.size());
                int[] pick = Arrays.copyOf(partialShuffle(stratum.size(), want, rng), want);
                Arrays.sort(pick);
                for (int p : pick) {
                    int[] r = stratum.get(p);
                    parts.add(r);
                    for (int row : r) {
                        seen[t[row]] = true;
                    }
                }
            }
            if (PatientResample.allTrue(seen)) {
                return concat(parts);
            }
        }
        throw new IllegalArgumentException("no patient subsample of " + PatientResample.MAX_TRIES + " holds every "
                + "arm: some arm is never the arm of a patient's first row");
    }

    private static int take(double f, int units) {
        return units == 0 ? 0 : Math.min(units, Math.max(1, (int) Math.round(f * units)));
    }

    private static int[] stratumSizes(int[] t, int k, int[] groups) {
        int[] sizes = new int[k];
        if (groups == null) {
            for (int a : t) {
                if (a < 0 || a >= k) {
                    throw new IllegalArgumentException("arms outside 0.." + (k - 1) + " in the training rows");
                }
                sizes[a]++;
            }
            return sizes;
        }
        List<List<int[]>> strata = PatientResample.strata(t, k, groups);
        for (int a = 0; a < k; a++) {
            sizes[a] = strata.get(a).size();
        }
        return sizes;
    }

    /** The first {@code want} entries are a uniform draw without replacement from 0..n−1 (partial Fisher–Yates). */
    private static int[] partialShuffle(int n, int want, SplittableRandom rng) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = i;
        }
        for (int i = 0; i < want; i++) {
            int j = i + rng.nextInt(n - i);
            int tmp = p[i];
            p[i] = p[j];
            p[j] = tmp;
        }
        return p;
    }

    private static int[] concat(List<int[]> parts) {
        int n = 0;
        for (int[] p : parts) {
            n += p.length;
        }
        int[] out = new int[n];
        int at = 0;
        for (int[] p : parts) {
            System.arraycopy(p, 0, out, at, p.length);
            at += p.length;
        }
        return out;
    }
}
