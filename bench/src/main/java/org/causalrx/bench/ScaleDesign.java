package org.causalrx.bench;

import java.util.SplittableRandom;

import org.causalrx.util.Seeds;

/**
 * The SYNTHETIC study of {@code bench scale} (made-up rows, no patients): {@code rows} × {@code features} standard
 * normal covariates {@code x1..xP} (rounded to 4 decimals, as written to the CSV), a binary treatment confounded by
 * {@code x1, x2, x3} and a continuous outcome with a known effect.
 * <ul>
 *   <li>treatment: P(t = 1 | x) = 1 / (1 + exp(−0.8·(x1 + x2 − x3))), or 0.5 for every row when {@code randomized};
 *   <li>untreated outcome: mu0(x) = x1 + 0.5·x2 − 0.5·x3 + 0.5·x4, so x1..x3 confound;
 *   <li>effect: tau(x) = 1 + x4 (x4 the effect modifier; the population ATE is {@link #TRUE_ATE}, higher y is better);
 *   <li>observed y = mu0(x) + t·tau(x) + N(0, 1), rounded to 4 decimals.
 * </ul>
 * Rows are drawn one at a time from one stream seeded by {@code Seeds.derive(seed, "scale-data")}, so a design
 * gives the same rows whether they are streamed to a file or collected, and {@code rows} need not fit in memory.
 *
 * @param rows       number of rows, at least 100
 * @param features   number of covariates P, at least 4
 * @param seed       the data seed
 * @param randomized treatment by a fair coin instead of the confounded assignment (for checks)
 */
public record ScaleDesign(int rows, int features, long seed, boolean randomized) {
    /** The population average effect of treatment on y (E[1 + x4] with x4 standard normal). */
    public static final double TRUE_ATE = 1.0;
    /** How many leading covariates (x1..x3) drive both treatment and outcome. */
    public static final int CONFOUNDERS = 3;

    public ScaleDesign {
        if (rows < 100) {
            throw new IllegalArgumentException("--rows must be at least 100, got " + rows);
        }
        if (features < CONFOUNDERS + 1) {
            throw new IllegalArgumentException("--features must be at least " + (CONFOUNDERS + 1) + ", got "
                    + features);
        }
    }

    /** Receives each generated row; {@code x} (length P) is reused between calls, copy it to keep it. */
    @FunctionalInterface
    public interface RowSink {
        void row(int index, double[] x, int treated, double y, double tau);
    }

    /** P(t = 1 | x). */
    public double propensity(double[] x) {
        return randomized ? 0.5 : 1.0 / (1.0 + Math.exp(-0.8 * (x[0] + x[1] - x[2])));
    }

    /** The untreated outcome's mean mu0(x). */
    public static double untreatedMean(double[] x) {
        return x[0] + 0.5 * x[1] - 0.5 * x[2] + 0.5 * x[3];
    }

    /** The true effect tau(x) = 1 + x4. */
    public static double effect(double[] x) {
        return TRUE_ATE + x[3];
    }

    /** Generates the rows in order, passing each to {@code sink}. */
    public void forEachRow(RowSink sink) {
        SplittableRandom rng = new SplittableRandom(Seeds.derive(seed, "scale-data"));
        double[] x = new double[features];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < features; j++) {
                x[j] = round4(rng.nextGaussian());
            }
            int t = rng.nextDouble() < propensity(x) ? 1 : 0;
            double tau = effect(x);
            double y = round4(untreatedMean(x) + t * tau + rng.nextGaussian());
            sink.row(i, x, t, y, tau);
        }
    }

    /** {@code v} rounded to 4 decimals (the precision written to the CSV). */
    static double round4(double v) {
        return Math.round(v * 10_000.0) / 10_000.0;
    }
}
