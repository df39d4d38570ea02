package org.causalrx.simulate;

import java.util.SplittableRandom;

import org.causalrx.util.CausalRxException;
import org.causalrx.util.Seeds;

/**
 * Non-linear variant: the CATE of each non-reference arm is a random shallow tree over the standardised
 * covariates (each split on a random feature at the value of a random patient, leaves ~ N(0, 1)), the baseline
 * outcome another random tree; each CATE is scaled to mean |CATE| = C and noise follows Algorithm 1's rule
 * (see {@link OutcomeScaling}).
 *
 * @param effect C, the mean absolute effect in outcome units (&gt; 0)
 * @param depth  depth of both trees (1–6)
 */
public record TreeSimulation(double effect, int depth) implements OutcomeSimulator {
    /** Depth used by the command line. */
    public static final int DEFAULT_DEPTH = 3;

    public TreeSimulation {
        if (!(effect > 0) || Double.isInfinite(effect)) {
            throw new CausalRxException("simulation: --effect must be a positive number, got " + effect);
        }
        if (depth < 1 || depth > 6) {
            throw new CausalRxException("simulation: tree depth must be 1-6, got " + depth);
        }
    }

    public TreeSimulation(double effect) {
        this(effect, DEFAULT_DEPTH);
    }

    @Override
    public String name() {
        return "tree";
    }

    @Override
    public ArmOutcomes simulateArms(SimulationCohort cohort, int arms, long seed) {
        double[][] x = cohort.x();
        if (cohort.dimension() == 0) {
            throw new CausalRxException("simulation: the study keeps no covariates; declare at least one kept "
                    + "covariate in the study file");
        }
        if (arms < 2) {
            throw new IllegalArgumentException("a simulation needs at least two arms, got " + arms);
        }
        double[] f0 = randomTree(x, new SplittableRandom(Seeds.derive(seed, "baseline-tree")));
        double[][] tau = new double[arms - 1][];
        for (int a = 1; a < arms; a++) {
            // arm 1 draws from the two-arm stream, so K = 2 gives the two-arm simulation's effect
            tau[a - 1] = effectTree(x, new SplittableRandom(Seeds.derive(seed, a == 1 ? "cate-tree"
                    : "cate-tree-arm-" + a)));
        }
        return OutcomeScaling.scale(cohort, f0, tau, effect, Seeds.derive(seed, "noise"));
    }

    /** A random tree that is not identically 0, scaled to mean |value| = 1. */
    private double[] effectTree(double[][] x, SplittableRandom rng) {
        double[] tau = randomTree(x, rng);
        for (int attempt = 0; !OutcomeScaling.unitMeanAbs(tau); attempt++) {
            if (attempt > 100) {
                throw new CausalRxException("simulation: could not draw a non-zero effect tree; try another seed");
            }
            tau = randomTree(x, rng);
        }
        return tau;
    }

    /** Values of one random tree of {@code depth} at every row of x. */
    double[] randomTree(double[][] x, SplittableRandom rng) {
        int n = x.length;
        int[] rows = java.util.stream.IntStream.range(0, n).toArray();
        double[] out = new double[n];
        grow(x, rows, 0, rng, out);
        return out;
    }

    private void grow(double[][] x, int[] rows, int level, SplittableRandom rng, double[] out) {
        if (level == depth) {
            double leaf = rng.nextGaussian();
            for (int r : rows) {
                out[r] = leaf;
            }
            return;
        }
        int j = rng.nextInt(x[0].length);
        double threshold = x[rng.nextInt(x.length)][j];
        int[] left = java.util.Arrays.stream(rows).filter(r -> x[r][j] <= threshold).toArray();
        int[] right = java.util.Arrays.stream(rows).filter(r -> x[r][j] > threshold).toArray();
        grow(x, left, level + 1, rng, out);
        grow(x, right, level + 1, rng, out);
    }
}
