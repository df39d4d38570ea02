package org.causalrx.policy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
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
    /**
     * Held-out patients from which the bootstrap band sums each round's resample per share bucket and then takes
     * prefix sums over the 51 shares ({@link #accumulateBuckets}): O(n + 51) per round instead of O(51 n). The
     * resamples and terms are the same; only the order of the floating-point additions differs (sums of buckets
     * instead of one running sum in patient order), so the band agrees with the per-share path to rounding (about
     * 1e-12 relative) and the quantiles can move by such an amount. Below the gate the band is bit-identical to
     * evaluating share by share.
     */
    public static final int BUCKET_ROWS = 50_000;

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
        return compute(name, data, arm, benefit, rounds, seed, parallel, data.size() >= BUCKET_ROWS);
    }

    /** As above; {@code buckets} chooses the bucketed band sums (the large-n path) regardless of n. */
    static Curve compute(String name, HeldOut data, int arm, double[] benefit, int rounds, long seed,
            boolean parallel, boolean buckets) {
        return computeAll(List.of(name), data, arm, List.of(benefit), rounds, seed, parallel, buckets).get(0);
    }

    /**
     * One curve per ranking, all on the same resamples ({@code seed}): each round is drawn once and feeds every
     * curve, so the curves are bit-identical to computing them one by one with that seed.
     *
     * @param names    curve names, one per ranking
     * @param benefits per ranking, predicted benefit of {@code arm} per patient (larger = give {@code arm} first)
     */
    public static List<Curve> computeAll(List<String> names, HeldOut data, int arm, List<double[]> benefits,
            int rounds, long seed, boolean parallel) {
        return computeAll(names, data, arm, benefits, rounds, seed, parallel, data.size() >= BUCKET_ROWS);
    }

    static List<Curve> computeAll(List<String> names, HeldOut data, int arm, List<double[]> benefits, int rounds,
            long seed, boolean parallel, boolean buckets) {
        int n = data.size();
        if (arm < 1 || arm >= data.arms()) {
            throw new IllegalArgumentException("rank graph arm must be in 1.." + (data.arms() - 1) + ", got " + arm);
        }
        if (names.size() != benefits.size()) {
            throw new IllegalArgumentException(names.size() + " names for " + benefits.size() + " rankings");
        }
        int curves = benefits.size();
        double[] q = shares();
        int points = q.length;
        double[][] values = new double[curves][];
        int[][] cuts = new int[curves][];
        for (int c = 0; c < curves; c++) {
            double[] benefit = benefits.get(c);
            if (benefit.length != n) {
                throw new IllegalArgumentException(benefit.length + " benefits for " + n + " held-out patients");
            }
            Integer[] order = new Integer[n];
            for (int i = 0; i < n; i++) {
                order[i] = i;
            }
            Arrays.sort(order, (a, b) -> benefit[a] != benefit[b] ? Double.compare(benefit[b], benefit[a])
                    : Integer.compare(a, b));
            int[][] decisions = new int[points][n];
            for (int k = 0; k < points; k++) {
                int top = (int) Math.round(q[k] * n);
                for (int r = 0; r < n; r++) {
                    decisions[k][order[r]] = r < top ? arm : 0;
                }
            }
            double[] value = new double[points];
            for (int k = 0; k < points; k++) {
                value[k] = PolicyValue.evaluate(data, decisions[k], null).dr();
            }
            values[c] = value;
            // Given the arm at share k iff the patient's rank is below top_k, and top_k grows with k: patient i is
            // treated exactly for k >= cut[i]. One pass over the resampled patients updates the sums of all 51
            // shares as two contiguous runs of k; each sum still runs over patients in index order with the terms
            // of PolicyValue.evaluate, so the band is bit-identical to evaluating share by share.
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
            cuts[c] = cut;
        }
        PolicyValue.Prepared prep = PolicyValue.Prepared.of(data);
        double[][][] boot = new double[curves][points][rounds];
        // bucketed path: every curve's cut per patient side by side, so one pass over the resample serves them all
        int[] cutOf = buckets ? interleave(cuts, n) : null;
        int chunk = 250;
        int chunks = (rounds + chunk - 1) / chunk;
        IntStream range = IntStream.range(0, chunks);
        (parallel ? range.parallel() : range).forEach(ch -> {
            int[] counts = new int[n];
            double[] sumW = new double[points];
            double[] sumWy = new double[points];
            double[] sumWres = new double[points];
            double[] sumPlug = new double[points];
            double[][] bucket = buckets ? new double[curves][BUCKET_SUMS * (points + 1)] : null;
            for (int r = ch * chunk; r < Math.min(rounds, (ch + 1) * chunk); r++) {
                Bootstrap.resample(counts, seed, r);
                if (buckets) {
                    for (double[] b : bucket) {
                        Arrays.fill(b, 0);
                    }
                    accumulateBuckets(prep, arm, cutOf, curves, counts, bucket);
                }
                for (int c = 0; c < curves; c++) {
                    Arrays.fill(sumW, 0);
                    Arrays.fill(sumWy, 0);
                    Arrays.fill(sumWres, 0);
                    Arrays.fill(sumPlug, 0);
                    if (buckets) {
                        sharesFromBuckets(bucket[c], sumW, sumWy, sumWres, sumPlug);
                    } else {
                        accumulate(prep, arm, cuts[c], counts, sumW, sumWy, sumWres, sumPlug);
                    }
                    for (int k = 0; k < points; k++) {
                        boot[c][k][r] = PolicyValue.finish(n, 0, n, sumW[k], sumWy[k], sumWres[k], sumPlug[k]).dr();
                    }
                }
            }
        });
        List<Curve> out = new ArrayList<>();
        for (int c = 0; c < curves; c++) {
            double[] lo = new double[points];
            double[] hi = new double[points];
            for (int k = 0; k < points; k++) {
                lo[k] = Stats.quantile(boot[c][k], 0.025);
                hi[k] = Stats.quantile(boot[c][k], 0.975);
            }
            out.add(new Curve(names.get(c), q, values[c], lo, hi));
        }
        return out;
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

    /** Bucket sums per curve: the reference arm's and {@code arm}'s plug-in, weight, weighted y, weighted residual. */
    private static final int BUCKET_SUMS = 8;
    private static final int PLUG0 = 0;
    private static final int PLUG1 = 1;
    private static final int W0 = 2;
    private static final int WY0 = 3;
    private static final int WRES0 = 4;
    private static final int W1 = 5;
    private static final int WY1 = 6;
    private static final int WRES1 = 7;

    /** cuts[c][i] laid out as out[i · curves + c]. */
    private static int[] interleave(int[][] cuts, int n) {
        int curves = cuts.length;
        int[] out = new int[n * curves];
        for (int c = 0; c < curves; c++) {
            for (int i = 0; i < n; i++) {
                out[i * curves + c] = cuts[c][i];
            }
        }
        return out;
    }

    /**
     * The sums of {@link #accumulate} for every curve, by buckets, in one pass over the patients: each resampled
     * patient's terms are computed once and added, for every curve, to the bucket of its cut there (field f of
     * bucket j at {@code bucket[c][f · (points + 1) + j]}; reference-arm terms count for the shares below the cut,
     * {@code arm} terms from the cut on); {@link #sharesFromBuckets} then gives every share's sums. Each bucket adds
     * its patients in index order. The buckets must be zero on entry.
     *
     * @param cutOf the cut of patient i on curve c at {@code cutOf[i · curves + c]}
     */
    private static void accumulateBuckets(PolicyValue.Prepared prep, int arm, int[] cutOf, int curves, int[] counts,
            double[][] bucket) {
        double[] y = prep.y();
        double[] mu = prep.mu();
        double[] pObs = prep.pObs();
        double[] resid = prep.resid();
        int[] t = prep.t();
        int arms = prep.arms();
        int stride = bucket[0].length / BUCKET_SUMS;
        int n = counts.length;
        for (int i = 0; i < n; i++) {
            int c = counts[i];
            if (c == 0) {
                continue;
            }
            double plug0 = c * mu[i * arms];
            double plug1 = c * mu[i * arms + arm];
            int ti = t[i];
            // the weighted terms of the patient's own arm: the reference arm's below the cut, `arm`'s from it on,
            // none for another arm
            int side = ti == 0 ? W0 : ti == arm ? W1 : -1;
            double w = side < 0 ? 0 : c / pObs[i];
            double wy = w * y[i];
            double wres = w * resid[i];
            int base = i * curves;
            for (int k = 0; k < curves; k++) {
                double[] b = bucket[k];
                int kc = cutOf[base + k];
                b[PLUG0 * stride + kc] += plug0;
                b[PLUG1 * stride + kc] += plug1;
                if (side >= 0) {
                    b[side * stride + kc] += w;
                    b[(side + 1) * stride + kc] += wy;
                    b[(side + 2) * stride + kc] += wres;
                }
            }
        }
    }

    /**
     * Every share's sums from one curve's buckets ({@link #accumulateBuckets}): share k takes the reference-arm terms
     * of buckets j &gt; k and the {@code arm} terms of buckets j &le; k. The sums arrays must be zero on entry.
     */
    private static void sharesFromBuckets(double[] b, double[] sumW, double[] sumWy, double[] sumWres,
            double[] sumPlug) {
        int points = sumPlug.length;
        int stride = points + 1;
        double sPlug0 = 0;
        double sW0 = 0;
        double sWy0 = 0;
        double sWres0 = 0;
        for (int k = points - 1; k >= 0; k--) {
            sPlug0 += b[PLUG0 * stride + k + 1];
            sW0 += b[W0 * stride + k + 1];
            sWy0 += b[WY0 * stride + k + 1];
            sWres0 += b[WRES0 * stride + k + 1];
            sumPlug[k] = sPlug0;
            sumW[k] = sW0;
            sumWy[k] = sWy0;
            sumWres[k] = sWres0;
        }
        double sPlug1 = 0;
        double sW1 = 0;
        double sWy1 = 0;
        double sWres1 = 0;
        for (int k = 0; k < points; k++) {
            sPlug1 += b[PLUG1 * stride + k];
            sW1 += b[W1 * stride + k];
            sWy1 += b[WY1 * stride + k];
            sWres1 += b[WRES1 * stride + k];
            sumPlug[k] += sPlug1;
            sumW[k] += sW1;
            sumWy[k] += sWy1;
            sumWres[k] += sWres1;
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
