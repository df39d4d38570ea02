package org.causalrx.policy;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

import org.causalrx.util.Seeds;
import org.causalrx.util.Stats;

/**
 * Rank graph (TRS App. E, Fig. 8): rank held-out patients by predicted benefit and treat the top share q, for
 * q = 0, 0.02, …, 1; the DR value of each such policy with a 95 % bootstrap band (the same resamples for every
 * q). Nothing is deferred here: the curve shows how well the ranking orders patients.
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
     * @param benefit predicted benefit of treatment per patient (already signed so that larger = treat first)
     */
    public static Curve compute(String name, HeldOut data, double[] benefit, int rounds, long seed, boolean parallel) {
        int n = data.size();
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
                decisions[k][order[r]] = r < top ? 1 : 0;
            }
        }
        double[] value = new double[q.length];
        for (int k = 0; k < q.length; k++) {
            value[k] = PolicyValue.evaluate(data, decisions[k], null).dr();
        }
        double[][] boot = new double[q.length][rounds];
        IntStream range = IntStream.range(0, rounds);
        (parallel ? range.parallel() : range).forEach(r -> {
            int[] counts = new int[n];
            SplittableRandom rng = new SplittableRandom(Seeds.derive(seed, r));
            for (int i = 0; i < n; i++) {
                counts[rng.nextInt(n)]++;
            }
            for (int k = 0; k < q.length; k++) {
                boot[k][r] = PolicyValue.evaluate(data, decisions[k], counts).dr();
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
