package org.causalrx.learn.forest;

import java.util.SplittableRandom;
import org.causalrx.util.Seeds;

/**
 * Draws each tree's rows: with little bags (ciGroupSize > 1) the trees of group g share a half-sample drawn
 * from {@code Seeds.derive(groupSeed, g)} and each draws sampleFraction·n rows from it; otherwise each tree draws
 * sampleFraction·n rows from all rows. All draws are without replacement and seeded by tree index only, so they
 * do not depend on thread count. With honesty the subsample is cut into disjoint split and fill parts.
 */
public final class ForestSampler {
    private final int n;
    private final ForestSettings settings;
    private final long seed;
    private final long groupSeed;

    /** One tree's rows. With honesty, {@code splitRows} and {@code fillRows} are disjoint and cover {@code drawn}. */
    public record TreeSample(int[] drawn, int[] splitRows, int[] fillRows) {
    }

    public ForestSampler(int n, ForestSettings settings, long seed) {
        this.n = n;
        this.settings = settings;
        this.seed = seed;
        this.groupSeed = Seeds.derive(seed, "little-bags");
    }

    /** Seed of tree k's own randomness (subsample, honesty cut, candidate variables). */
    public long treeSeed(int k) {
        return Seeds.derive(seed, k);
    }

    public TreeSample draw(int k, SplittableRandom rng) {
        int size = Math.max(1, (int) (settings.sampleFraction() * n));
        int[] pool;
        int l = settings.ciGroupSize();
        if (l > 1) {
            int half = Math.max(1, n / 2);
            pool = firstK(identity(n), half, new SplittableRandom(Seeds.derive(groupSeed, k / l)));
            size = Math.min(size, half);
        } else {
            pool = identity(n);
        }
        int[] drawn = firstK(pool, size, rng);
        if (!settings.honesty() || drawn.length < 2) {
            return new TreeSample(drawn, drawn, drawn);
        }
        // drawn is already in random order, so the cut is a random split
        int nSplit = Math.max(1, Math.min(drawn.length - 1, (int) (settings.honestyFraction() * drawn.length)));
        int[] split = java.util.Arrays.copyOfRange(drawn, 0, nSplit);
        int[] fill = java.util.Arrays.copyOfRange(drawn, nSplit, drawn.length);
        return new TreeSample(drawn, split, fill);
    }

    /** A package-private hook for tests: the sample tree k would use. */
    TreeSample draw(int k) {
        return draw(k, new SplittableRandom(treeSeed(k)));
    }

    private static int[] identity(int n) {
        int[] a = new int[n];
        for (int i = 0; i < n; i++) {
            a[i] = i;
        }
        return a;
    }

    /** Partial Fisher-Yates: k rows of {@code a} (modified) in random order. */
    private static int[] firstK(int[] a, int k, SplittableRandom rng) {
        for (int i = 0; i < k; i++) {
            int j = i + rng.nextInt(a.length - i);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
        return java.util.Arrays.copyOf(a, k);
    }
}
