package org.causalrx.causal.diagnostics;

import java.util.Arrays;
import java.util.SplittableRandom;

import org.causalrx.util.Stats;

/**
 * The rank-weighted average treatment effect (Yadlowsky, Fleming, Shah, Brunskill and Wager; grf's
 * {@code rank_average_treatment_effect}). Patients are ranked by a priority score (highest first); the targeting
 * operator characteristic TOC(q) is the mean doubly robust score Γ of the top q share minus the mean over everyone,
 * and the RATE is its weighted integral: AUTOC = ∫ TOC(q) dq, Qini = ∫ q · TOC(q) dq. A RATE near 0 means the
 * ranking picks out no one who benefits more than average. Patients with tied priorities share their mean score,
 * so the result does not depend on how ties are ordered (a constant priority gives TOC ≡ 0). Standard errors come
 * from the nonparametric bootstrap over patients (seeded); the CI is the estimate ± 1.96 SE.
 */
public final class Rate {
    /** TOC curve grid: q = 1/{@value}, 2/{@value}, …, 1. */
    public static final int TOC_POINTS = 50;
    /**
     * From this many patients on, a bootstrap round's TOC curve is computed from how often each patient was drawn,
     * over one sort by priority, in O(n), instead of sorting every resample (O(n log n) on boxed indices: about 0.1 s
     * per round at 200,000 patients). Same draws and the same curve up to the order of floating-point additions within
     * a tie group; below it every round is computed as before, bit for bit.
     */
    public static final int COUNTS_FROM = 20_000;

    private Rate() {
    }

    /** How the TOC curve is weighted over q. */
    public enum Target {
        /** Area under the TOC curve: every q counts the same. */
        AUTOC,
        /** Weight q: the Qini coefficient, favouring rankings that help many patients a little. */
        QINI
    }

    /**
     * One RATE.
     *
     * @param estimate the RATE (score units: the better-direction outcome)
     * @param se       bootstrap standard error
     * @param ciLow    estimate − 1.96 SE
     * @param ciHigh   estimate + 1.96 SE
     */
    public record Estimate(Target target, double estimate, double se, double ciLow, double ciHigh) {
    }

    /**
     * The RATEs of one ranking with the TOC curve.
     *
     * @param autoc  AUTOC with its bootstrap SE
     * @param qini   Qini with its bootstrap SE
     * @param share  q per TOC point ({@link #TOC_POINTS} values, last 1)
     * @param toc    TOC(q) per point
     * @param tocLow pointwise 2.5 % bootstrap quantile of TOC(q)
     * @param tocHigh pointwise 97.5 % bootstrap quantile
     * @param rounds bootstrap rounds
     */
    public record Result(Estimate autoc, Estimate qini, double[] share, double[] toc, double[] tocLow,
                         double[] tocHigh, int rounds) {
    }

    /**
     * @param priority treatment priority per patient (higher: treat first), length n ≥ 2
     * @param scores   doubly robust score Γ per patient, oriented so that larger is better
     * @param rounds   bootstrap rounds (≥ 2)
     * @param seed     seed of the bootstrap
     */
    public static Result estimate(double[] priority, double[] scores, int rounds, long seed) {
        return estimate(priority, scores, rounds, seed, COUNTS_FROM);
    }

    /** As {@link #estimate(double[], double[], int, long)}, with the patient count from which rounds use counts. */
    static Result estimate(double[] priority, double[] scores, int rounds, long seed, int countsFrom) {
        int n = priority.length;
        if (scores.length != n || n < 2 || rounds < 2) {
            throw new IllegalArgumentException("RATE needs equal-length series of at least 2 patients and 2 "
                    + "rounds, got " + n + ", " + scores.length + " and " + rounds);
        }
        double[] share = new double[TOC_POINTS];
        for (int g = 0; g < TOC_POINTS; g++) {
            share[g] = (g + 1.0) / TOC_POINTS;
        }
        double[] point = curve(priority, scores);
        double[] autocBoot = new double[rounds];
        double[] qiniBoot = new double[rounds];
        double[][] tocBoot = new double[TOC_POINTS][rounds];
        SplittableRandom rng = new SplittableRandom(seed);
        boolean byCounts = n >= countsFrom;
        double[] bp = byCounts ? null : new double[n];
        double[] bs = byCounts ? null : new double[n];
        int[] order = byCounts ? descending(priority) : null;
        int[] count = byCounts ? new int[n] : null;
        for (int b = 0; b < rounds; b++) {
            double[] c;
            if (byCounts) {
                Arrays.fill(count, 0);
                for (int i = 0; i < n; i++) {
                    count[rng.nextInt(n)]++;
                }
                c = curve(priority, scores, order, count);
            } else {
                for (int i = 0; i < n; i++) {
                    int k = rng.nextInt(n);
                    bp[i] = priority[k];
                    bs[i] = scores[k];
                }
                c = curve(bp, bs);
            }
            autocBoot[b] = autoc(c);
            qiniBoot[b] = qini(c);
            double[] g = grid(c, share);
            for (int p = 0; p < TOC_POINTS; p++) {
                tocBoot[p][b] = g[p];
            }
        }
        double[] toc = grid(point, share);
        double[] low = new double[TOC_POINTS];
        double[] high = new double[TOC_POINTS];
        for (int p = 0; p < TOC_POINTS; p++) {
            low[p] = Stats.quantile(tocBoot[p], 0.025);
            high[p] = Stats.quantile(tocBoot[p], 0.975);
        }
        return new Result(estimate(Target.AUTOC, autoc(point), autocBoot), estimate(Target.QINI, qini(point), qiniBoot),
                share, toc, low, high, rounds);
    }

    /**
     * TOC at every cut: element j − 1 is the mean score of the j patients with the highest priority (ties sharing
     * their mean score) minus the mean score of all n.
     */
    public static double[] curve(double[] priority, double[] scores) {
        int n = priority.length;
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(priority[b], priority[a]));
        double[] sorted = new double[n];
        double total = 0;
        int from = 0;
        while (from < n) {
            int to = from + 1;
            while (to < n && priority[order[to]] == priority[order[from]]) {
                to++;
            }
            double s = 0;
            for (int r = from; r < to; r++) {
                s += scores[order[r]];
            }
            Arrays.fill(sorted, from, to, s / (to - from));
            total += s;
            from = to;
        }
        double mean = total / n;
        double[] toc = new double[n];
        double cum = 0;
        for (int j = 0; j < n; j++) {
            cum += sorted[j];
            toc[j] = cum / (j + 1) - mean;
        }
        return toc;
    }

    /** Row indices by priority, highest first (the order {@link #curve} sorts by). */
    private static int[] descending(double[] priority) {
        int n = priority.length;
        Integer[] boxed = new Integer[n];
        for (int i = 0; i < n; i++) {
            boxed[i] = i;
        }
        Arrays.sort(boxed, (a, b) -> Double.compare(priority[b], priority[a]));
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = boxed[i];
        }
        return order;
    }

    /**
     * The TOC curve of a resample given by draw counts: {@link #curve} of a sample holding {@code count[i]} copies of
     * patient i (n copies in all), with {@code order} from {@link #descending}. A tie group's drawn copies share
     * their mean score, as in {@link #curve}; its sum runs over patients in priority order rather than in the
     * resample's order.
     */
    static double[] curve(double[] priority, double[] scores, int[] order, int[] count) {
        int n = order.length;
        double[] toc = new double[n];
        double[] groupMean = new double[n];
        int[] groupSize = new int[n];
        int groups = 0;
        double total = 0;
        int from = 0;
        while (from < n) {
            int to = from + 1;
            while (to < n && priority[order[to]] == priority[order[from]]) {
                to++;
            }
            double s = 0;
            int copies = 0;
            for (int r = from; r < to; r++) {
                int c = count[order[r]];
                if (c > 0) {
                    s += c * scores[order[r]];
                    copies += c;
                }
            }
            if (copies > 0) {
                groupMean[groups] = s / copies;
                groupSize[groups++] = copies;
                total += s;
            }
            from = to;
        }
        double mean = total / n;
        double cum = 0;
        int j = 0;
        for (int g = 0; g < groups; g++) {
            for (int k = 0; k < groupSize[g]; k++, j++) {
                cum += groupMean[g];
                toc[j] = cum / (j + 1) - mean;
            }
        }
        return toc;
    }

    /** AUTOC of a TOC curve from {@link #curve}: (1/n) Σ_j TOC(j/n). */
    public static double autoc(double[] toc) {
        double s = 0;
        for (double v : toc) {
            s += v;
        }
        return s / toc.length;
    }

    /** Qini of a TOC curve from {@link #curve}: (1/n) Σ_j (j/n) · TOC(j/n). */
    public static double qini(double[] toc) {
        int n = toc.length;
        double s = 0;
        for (int j = 0; j < n; j++) {
            s += (j + 1.0) / n * toc[j];
        }
        return s / n;
    }

    private static double[] grid(double[] toc, double[] share) {
        int n = toc.length;
        double[] out = new double[share.length];
        for (int g = 0; g < share.length; g++) {
            int j = Math.max(1, (int) Math.ceil(share[g] * n - 1e-9));
            out[g] = toc[Math.min(j, n) - 1];
        }
        return out;
    }

    private static Estimate estimate(Target target, double value, double[] boot) {
        double se = Stats.sd(boot);
        return new Estimate(target, value, se, value - 1.96 * se, value + 1.96 * se);
    }
}
