package org.causalrx.bench.data;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.SplittableRandom;

import org.causalrx.util.Seeds;

/**
 * Synthetic files in the IHDP (CEVAE / CFRNet) layout read by {@link BenchmarkLoaders#ihdp}, so that tests need
 * no copy of the real IHDP data.
 * <p>
 * Each file {@code DIR/ihdp_npci_<rep>.csv} has {@code n} rows, no header, and columns treatment, y_factual,
 * y_cfactual, mu0, mu1, x1..x25. Like IHDP: x1–x6 are continuous and standardised (sample mean 0, SD 1),
 * x7–x25 are binary 0/1 except x14, coded 1/2; covariates and treatment are the same in every replication and
 * only the outcomes are redrawn. Treatment follows a logistic model in a few covariates (about a fifth treated);
 * mu0 is linear in x and the effect mu1 − mu0 = {@link #MEAN_EFFECT} + linear heterogeneity in x1 and x3, on
 * the outcome scale; y_factual = mu_t + N(0, 1) and y_cfactual = mu_(1−t) + N(0, 1).
 */
public final class IhdpFixture {
    /** Covariate count of the IHDP layout; the first {@link #CONTINUOUS} are continuous. */
    public static final int COVARIATES = 25;
    public static final int CONTINUOUS = 6;
    /** Zero-based covariate index of x14, the binary column coded 1/2. */
    public static final int ONE_TWO_COLUMN = 13;
    /** Effect at x = 0 (outcome units); the effect is 4 + 0.5·x1 − 0.5·x3. */
    public static final double MEAN_EFFECT = 4.0;

    private IhdpFixture() {
    }

    /** Writes replications 1..{@code reps} of {@code n} rows into {@code dir}; returns {@code dir}. */
    public static Path write(Path dir, int n, int reps, long seed) {
        double[][] x = covariates(n, Seeds.derive(seed, "ihdp-covariates"));
        int[] t = treatment(x, Seeds.derive(seed, "ihdp-treatment"));
        for (int rep = 1; rep <= reps; rep++) {
            SplittableRandom rng = new SplittableRandom(Seeds.derive(Seeds.derive(seed, "ihdp-outcomes"), rep));
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < n; i++) {
                double mu0 = 1 + 0.8 * x[i][0] - 0.6 * x[i][1] + 0.4 * x[i][2] + 0.5 * x[i][6] - 0.3 * x[i][9]
                        + 0.2 * x[i][ONE_TWO_COLUMN];
                double mu1 = mu0 + MEAN_EFFECT + 0.5 * x[i][0] - 0.5 * x[i][2];
                double yf = (t[i] == 1 ? mu1 : mu0) + gaussian(rng);
                double ycf = (t[i] == 1 ? mu0 : mu1) + gaussian(rng);
                sb.append(t[i]).append(',').append(num(yf)).append(',').append(num(ycf)).append(',')
                        .append(num(mu0)).append(',').append(num(mu1));
                for (int j = 0; j < COVARIATES; j++) {
                    sb.append(',').append(j < CONTINUOUS ? num(x[i][j]) : Integer.toString((int) x[i][j]));
                }
                sb.append('\n');
            }
            try {
                Files.writeString(dir.resolve("ihdp_npci_" + rep + ".csv"), sb.toString());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return dir;
    }

    /** n × 25: six standardised Gaussian columns, then Bernoulli columns with prevalences 0.15–0.85. */
    private static double[][] covariates(int n, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        double[][] x = new double[n][COVARIATES];
        for (int j = 0; j < COVARIATES; j++) {
            double prevalence = 0.15 + 0.7 * (j - CONTINUOUS) / (COVARIATES - CONTINUOUS - 1.0);
            for (int i = 0; i < n; i++) {
                if (j < CONTINUOUS) {
                    x[i][j] = gaussian(rng);
                } else {
                    int b = rng.nextDouble() < prevalence ? 1 : 0;
                    x[i][j] = j == ONE_TWO_COLUMN ? 1 + b : b;
                }
            }
            if (j < CONTINUOUS) {
                standardise(x, j);
            }
        }
        return x;
    }

    /** Logistic in x1, x2, x7 and x10; intercept −1.7 gives about a fifth treated, as in IHDP. */
    private static int[] treatment(double[][] x, long seed) {
        SplittableRandom rng = new SplittableRandom(seed);
        int[] t = new int[x.length];
        for (int i = 0; i < x.length; i++) {
            double logit = -1.7 + 0.5 * x[i][0] - 0.4 * x[i][1] + 0.6 * x[i][6] - 0.5 * x[i][9];
            t[i] = rng.nextDouble() < 1 / (1 + Math.exp(-logit)) ? 1 : 0;
        }
        return t;
    }

    private static void standardise(double[][] x, int j) {
        int n = x.length;
        double mean = 0;
        for (double[] r : x) {
            mean += r[j] / n;
        }
        double ss = 0;
        for (double[] r : x) {
            ss += (r[j] - mean) * (r[j] - mean);
        }
        double sd = Math.sqrt(ss / (n - 1));
        for (double[] r : x) {
            r[j] = (r[j] - mean) / sd;
        }
    }

    private static String num(double v) {
        return String.format(Locale.ROOT, "%.15g", v);
    }

    private static double gaussian(SplittableRandom rng) {
        double u1 = rng.nextDouble();
        double u2 = rng.nextDouble();
        return Math.sqrt(-2 * Math.log1p(-u1)) * Math.cos(2 * Math.PI * u2);
    }
}
