package org.causalrx.policy;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

import org.causalrx.util.Stats;

/**
 * Rank graph (TRS App. E, Fig. 8): rank held-out patients by predicted benefit of one arm over the reference arm 0
 * and give that arm to the top share q (the rest the reference), for q = 0, 0.02, …, 1; the DR value of each such
 * policy with a 95 % bootstrap band (the same resamples for every q). Nothing is deferred here: the curve shows how
 * well the ranking orders patients. With K ≥ 3 arms there is one curve per non-reference arm.
 */
public final class RankCurve {
    private RankCurve() {
    }

    /** One curve: shares treated, point DR values, and the 2.5 % / 97.5 % bootstrap quantiles. */
    public record Curve(String name, double[] share, double[] value, double[] low, double[] high) {
    }

    /** The shares 0, 0.02, …, 1 (51 points). */
    public static double[] shares() {
        double[] q = new double[51];
        for (int i = 0; i < q.length; i++) {
            q[i] = i / 50.0;
        }
        return q;
    }

    /**
     * Arm 1 against arm 0 (the two-arm rank graph); see {@link #compute(String, HeldOut, int, double[], int, long,
     * boolean)}.
     */
    public static Curve compute(String name, HeldOut data, double[] benefit, int rounds, long seed, boolean parallel) {
        return compute(name, data, 1, benefit, rounds, seed, parallel);
    }

    /**
     * @param arm     the arm given to the top share, 1..K−1 (the others get the reference arm 0)
     * @param benefit predicted benefit of {@code arm} over the reference per patient (already signed so that
     *                larger = give {@code arm} first)
     */
    public static Curve compute(String name, HeldOut data, int arm, double[] benefit, int rounds, long seed,
            boolean parallel) {
        int n = data.size();
        if (arm < 1 || arm >= data.arms()) {
            throw new IllegalArgumentException("rank graph arm must be in 1.." + (data.arms() - 1) + ", got " + arm);
        }
        if (benefit.length != n) {
            throw new IllegalArgumentException(benefit.length + " benefits for " + n + " held-out patients");
        }
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> benefit[a] != benefit[b] ? Double.compare(benefit[b], benefit[a])
                : Integer.compare(a, b));
        double[] q = shares();
        int[][] decisions = new int[q.length][n];
        for (int k = 0; k < q.length; k++) {
            int top = (int) Math.round(q[k] * n);
            for (int r = 0; r < n; r++) {
                decisions[k][order[r]] = r < top ? arm : 0;
            }
        }
        double[] value = new double[q.length];
        for (int k = 0; k < q.length; k++) {
            value[k] = PolicyValue.evaluate(data, decisions[k], null).dr();
        }
        // Given the arm at share k iff the patient's rank is below top_k, and top_k grows with k: patient i is treated
        // exactly for k >= cut[i]. One pass over the resampled patients updates the sums of all 51 shares as
        // two contiguous runs of k; each sum still runs over patients in index order with the terms of
        // PolicyValue.evaluate, so the band is bit-identical to evaluating share by share.
        int points = q.length;
        int[] tops = new int[points];
        for (int k = 0; k < points; k++) {
            tops[k] = (int) Math.round(q[k] * n);
        }
        int[] cut = new int[n];
        for (int r = 0; r < n; r++) {
            int k = 0;
            while (k < points && tops[k] <= r) {
                k++;
            }
            cut[order[r]] = k;
        }
        PolicyValue.Prepared prep = PolicyValue.Prepared.of(data);
        double[][] boot = new double[points][rounds];
        int chunk = 250;
        int chunks = (rounds + chunk - 1) / chunk;
        IntStream range = IntStream.range(0, chunks);
        (parallel ? range.parallel() : range).forEach(c -> {
            int[] counts = new int[n];
            double[] sumW = new double[points];
            double[] sumWy = new double[points];
            double[] sumWres = new double[points];
            double[] sumPlug = new double[points];
            for (int r = c * chunk; r < Math.min(rounds, (c + 1) * chunk); r++) {
                Bootstrap.resample(counts, seed, r);
                Arrays.fill(sumW, 0);
                Arrays.fill(sumWy, 0);
                Arrays.fill(sumWres, 0);
                Arrays.fill(sumPlug, 0);
                accumulate(prep, arm, cut, counts, sumW, sumWy, sumWres, sumPlug);
                for (int k = 0; k < points; k++) {
                    boot[k][r] = PolicyValue.finish(n, 0, n, sumW[k], sumWy[k], sumWres[k], sumPlug[k]).dr();
                }
            }
        });
        double[] lo = new double[q.length];
        double[] hi = new double[q.length];
        for (int k = 0; k < q.length; k++) {
            lo[k] = Stats.quantile(boot[k], 0.025);
            hi[k] = Stats.quantile(boot[k], 0.975);
        }
        return new Curve(name, q, value, lo, hi);
    }

    /**
     * The sums of {@link PolicyValue#evaluate} for every share (nothing deferred), over patients in index order:
     * patient i gets {@code arm} for shares k ≥ cut[i], the reference arm 0 below.
     */
    private static void accumulate(PolicyValue.Prepared prep, int arm, int[] cut, int[] counts, double[] sumW,
            double[] sumWy, double[] sumWres, double[] sumPlug) {
        double[] y = prep.y();
        double[] mu = prep.mu();
        double[] pObs = prep.pObs();
        double[] resid = prep.resid();
        int[] t = prep.t();
        int arms = prep.arms();
        int points = sumPlug.length;
        int n = counts.length;
        for (int i = 0; i < n; i++) {
            int c = counts[i];
            if (c == 0) {
                continue;
            }
            double cPlug0 = c * mu[i * arms];
            double cPlug1 = c * mu[i * arms + arm];
            double w = c / pObs[i];
            double wy = w * y[i];
            double wres = w * resid[i];
            int kc = cut[i];
            for (int k = 0; k < kc; k++) {
                sumPlug[k] += cPlug0;
            }
            for (int k = kc; k < points; k++) {
                sumPlug[k] += cPlug1;
            }
            // matched below the cut when given arm 0, from the cut on when given `arm`, never for another arm
            int from = t[i] == 0 ? 0 : t[i] == arm ? kc : points;
            int to = t[i] == 0 ? kc : points;
            for (int k = from; k < to; k++) {
                sumW[k] += w;
                sumWy[k] += wy;
                sumWres[k] += wres;
            }
        }
    }

    /** A seeded random ranking, the reference curve. */
    public static double[] randomBenefit(int n, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[] b = new double[n];
        for (int i = 0; i < n; i++) {
            b[i] = rng.nextDouble();
        }
        return b;
    }
}
