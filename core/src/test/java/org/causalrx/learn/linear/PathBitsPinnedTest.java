package org.causalrx.learn.linear;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

/**
 * Penalised logistic and Gaussian paths (cross-validated λ, dense layout: strong-set changes remap the Gram matrix,
 * steps update η) give the bits they gave before the dense design was stored row-major only: the checksums below
 * were computed with the code before that change (column-major copy beside the row-major one; the ridge rows, α = 0,
 * with that code at d916515, after the λ path was extended past a boundary minimum). The design read
 * from the caller's rows and standardised as read (large fits) gives the same bits.
 */
class PathBitsPinnedTest {
    @Test
    void pathsGiveTheBitsOfTheColumnMajorCode() {
        assertEquals(EXPECTED, checksums(Long.MAX_VALUE), "stored row-major design");
    }

    @Test
    void viewDesignGivesTheSameBits() {
        assertEquals(EXPECTED, checksums(0), "design read from the rows, not stored");
    }

    private static String checksums(long viewCells) {
        SplittableRandom r = new SplittableRandom(2026);
        int n = 2000;
        int p = 15;
        double[][] x = new double[n][p];
        double[] y = new double[n];
        double[] t = new double[n];
        double[] w = new double[n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < p; j++) {
                x[i][j] = j % 4 == 3 ? (r.nextDouble() < 0.4 ? 1 : 0) : r.nextGaussian();
            }
            double lin = 0.8 * x[i][0] - 0.5 * x[i][1] + 0.3 * x[i][3] + 0.1 * x[i][6];
            t[i] = r.nextDouble() < 1 / (1 + Math.exp(-lin)) ? 1 : 0;
            y[i] = lin + x[i][2] + r.nextGaussian();
            w[i] = 0.5 + r.nextDouble();
        }
        LinearSettings s = LinearSettings.defaults();
        StringBuilder got = new StringBuilder();
        for (double alpha : new double[] {1.0, 0.5, 0.0}) {
            for (PenalizedPath.Family family : PenalizedPath.Family.values()) {
                double[] target = family == PenalizedPath.Family.GAUSSIAN ? y : t;
                PenalizedPath.Result fit = PenalizedPath.fit(family, x, target, w, null, 11, alpha, s,
                        Design.Layout.DENSE, false, PenalizedPath.CV_ALL_ROWS, viewCells);
                got.append(family).append(' ').append(alpha).append(' ').append(checksum(fit)).append('\n');
            }
        }
        return got.toString();
    }

    private static final String EXPECTED = """
            GAUSSIAN 1.0 8871159862006515587
            BINOMIAL 1.0 -8390793189687475622
            GAUSSIAN 0.5 -6610917053501905185
            BINOMIAL 0.5 -5607234685684517247
            GAUSSIAN 0.0 -7027230978231109136
            BINOMIAL 0.0 -2275430818874849116
            """;

    private static long checksum(PenalizedPath.Result fit) {
        long h = Double.doubleToLongBits(fit.lambda());
        h = h * 31 + Double.doubleToLongBits(fit.intercept());
        for (double c : fit.coefficients()) {
            h = h * 31 + Double.doubleToLongBits(c);
        }
        return h;
    }
}
