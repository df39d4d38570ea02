package org.causalrx.bench;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;

import org.causalrx.causal.policytree.PolicyTree;
import org.causalrx.causal.policytree.PolicyTreeSearch;
import org.causalrx.causal.policytree.PolicyTreeSettings;
import org.causalrx.cli.OutputKind;
import org.causalrx.cli.OutputTarget;
import org.causalrx.estimators.EstimatorRegistry;
import org.causalrx.util.CausalRxException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code bench policy-tree}: time of the depth-2 exhaustive policy-tree search on n × p simulated rows (standard
 * normal covariates; scores: +1 where x1 &gt; 0 and x2 &lt; 0.5, else −1, plus N(0, 3²) noise), and once the whole
 * {@code policy_tree} estimator fit (cross-fitted DR scores with XGBoost, then the search) on confounded data of the
 * same rule.
 */
@Command(name = "policy-tree", mixinStandardHelpOptions = true,
        description = "Speed of the depth-2 policy-tree search (default 10,000 rows x 20 features) and of the whole "
                + "policy_tree fit; writes runs/bench/bench-policy-tree.json.")
final class PolicyTreeBench implements Callable<Integer> {
    static final long SEED = 20261216L;

    @Option(names = "--n", description = "rows (default 10000)")
    int n = 10_000;

    @Option(names = "--p", description = "features (default 20)")
    int p = 20;

    @Option(names = "--reps", description = "timed searches (default 3)")
    int reps = 3;

    @Option(names = "--max-thresholds", description = "thresholds per feature (default 200)")
    int maxThresholds = 200;

    @Mixin
    BenchTarget target;

    @Override
    public Integer call() throws IOException {
        if (n < 100 || p < 2 || reps < 1) {
            throw new CausalRxException("--n must be at least 100, --p at least 2 and --reps at least 1; got " + n
                    + ", " + p + ", " + reps);
        }
        OutputTarget out = target.checked("policy-tree", OutputKind.BENCH_JSON, List.of());
        SplittableRandom rnd = new SplittableRandom(SEED);
        double[][] x = new double[n][p];
        double[] g = new double[n];
        int[] t = new int[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < p; k++) {
                x[i][k] = rnd.nextGaussian();
            }
            double tau = x[i][0] > 0 && x[i][1] < 0.5 ? 1 : -1;
            g[i] = tau + 3 * rnd.nextGaussian();
            t[i] = rnd.nextDouble() < 1 / (1 + Math.exp(-0.8 * x[i][2])) ? 1 : 0;
            y[i] = x[i][2] + t[i] * tau + rnd.nextGaussian();
        }
        PolicyTreeSettings settings = new PolicyTreeSettings(2, 20, maxThresholds);
        List<Double> seconds = new ArrayList<>();
        PolicyTree tree = null;
        for (int r = 0; r < reps; r++) {
            long t0 = System.nanoTime();
            tree = PolicyTreeSearch.fit(x, g, settings);
            seconds.add((System.nanoTime() - t0) / 1e9);
        }
        long t0 = System.nanoTime();
        PolicyTree fitted = (PolicyTree) EstimatorRegistry.load().create("policy_tree").fit(x, t, y, SEED);
        double full = (System.nanoTime() - t0) / 1e9;
        Map<String, Object> res = new LinkedHashMap<>();
        res.put("design", String.format(Locale.ROOT, "%d rows x %d features, depth 2, min_node_size 20, "
                + "max_thresholds %d; rule: treat iff x1 > 0 and x2 < 0.5", n, p, maxThresholds));
        res.put("search_seconds", seconds);
        res.put("search_seconds_min", seconds.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN));
        res.put("search_splits", splits(tree));
        res.put("full_fit_seconds", full);
        res.put("full_fit_splits", splits(fitted));
        BenchOutput.writeJson(out, "policy-tree", res);
        System.out.println(res.get("design"));
        System.out.printf(Locale.ROOT, "search: %s s (min %.2f); splits %s%n", seconds, (Double)
                res.get("search_seconds_min"), res.get("search_splits"));
        System.out.printf(Locale.ROOT, "policy_tree fit with cross-fitted DR scores: %.2f s; splits %s%n", full,
                res.get("full_fit_splits"));
        System.out.println("results written to " + out.path());
        return 0;
    }

    private static List<String> splits(PolicyTree tree) {
        List<String> out = new ArrayList<>();
        for (PolicyTree.Node nd : tree.nodes()) {
            if (!nd.isLeaf()) {
                out.add(String.format(Locale.ROOT, "x%d <= %.3f", nd.feature() + 1, nd.threshold()));
            }
        }
        return out;
    }
}
