package org.causalrx.policy;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

import org.causalrx.util.Seeds;

/**
 * Bootstrap of held-out policy values: each round resamples the test patients with replacement and
 * evaluates every policy on the same resample (so rounds can be compared across policies, e.g. for win
 * matrices). Round r uses seed {@code Seeds.derive(seed, r)}, so results do not depend on thread count.
 */
public final class Bootstrap {
    private Bootstrap() {
    }

    /**
     * @param dr  per policy (in input order), per round: DR value
     * @param ipw per policy, per round: IPW value (NaN where undefined)
     */
    public record Result(List<String> policies, double[][] dr, double[][] ipw) {
    }

    /**
     * @param parallel spread rounds over the common fork-join pool (results are identical either way)
     */
    public static Result run(HeldOut data, List<PolicyDecisions> policies, int rounds, long seed, boolean parallel) {
        if (rounds < 1) {
            throw new IllegalArgumentException("bootstrap rounds must be >= 1, got " + rounds);
        }
        int n = data.size();
        int k = policies.size();
        int[][] decisions = new int[k][];
        for (int p = 0; p < k; p++) {
            decisions[p] = policies.get(p).arms();
        }
        double[][] dr = new double[k][rounds];
        double[][] ipw = new double[k][rounds];
        int chunk = 250;
        int chunks = (rounds + chunk - 1) / chunk;
        IntStream range = IntStream.range(0, chunks);
        (parallel ? range.parallel() : range).forEach(c -> {
            int[] counts = new int[n];
            for (int r = c * chunk; r < Math.min(rounds, (c + 1) * chunk); r++) {
                Arrays.fill(counts, 0);
                SplittableRandom rng = new SplittableRandom(Seeds.derive(seed, r));
                for (int i = 0; i < n; i++) {
                    counts[rng.nextInt(n)]++;
                }
                for (int p = 0; p < k; p++) {
                    PolicyValue.Values v = PolicyValue.evaluate(data, decisions[p], counts);
                    dr[p][r] = v.dr();
                    ipw[p][r] = v.ipw();
                }
            }
        });
        return new Result(policies.stream().map(PolicyDecisions::name).toList(), dr, ipw);
    }
}
