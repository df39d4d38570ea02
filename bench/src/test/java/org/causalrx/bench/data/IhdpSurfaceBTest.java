package org.causalrx.bench.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Arrays;

import org.causalrx.util.CausalRxException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hill's surface B on IHDP-layout covariates ({@link IhdpFixture}: 747 rows, read back through
 * {@link BenchmarkLoaders#ihdp}): its defining properties, checked on draws.
 */
class IhdpSurfaceBTest {
    @TempDir
    static Path dir;
    static BenchmarkData base;

    @BeforeAll
    static void load() {
        base = BenchmarkLoaders.ihdp(IhdpFixture.write(dir, 747, 1, 20261122), 1);
    }

    @Test
    void covariatesHaveTheIhdpLayout() {
        assertEquals(747, base.x().length);
        assertEquals(IhdpFixture.COVARIATES, base.x()[0].length);
        long treated = Arrays.stream(base.t()).filter(v -> v == 1).count();
        assertTrue(treated > 0.1 * 747 && treated < 0.35 * 747, "treated " + treated);
        for (double[] r : base.x()) {
            for (int j = IhdpFixture.CONTINUOUS; j < IhdpFixture.COVARIATES; j++) {
                double lo = j == IhdpFixture.ONE_TWO_COLUMN ? 1 : 0;
                assertTrue(r[j] == lo || r[j] == lo + 1, "binary x" + (j + 1) + " = " + r[j]);
            }
        }
    }

    @Test
    void effectOnTreatedIsFourAndNoiseIsUnitGaussian() {
        for (long seed = 1; seed <= 5; seed++) {
            BenchmarkData d = IhdpSurfaceB.draw("s", base.x(), base.t(), seed);
            double[] tau = d.trueEffect();
            double att = 0;
            int nt = 0;
            double ss = 0;
            for (int i = 0; i < tau.length; i++) {
                if (d.t()[i] == 1) {
                    att += tau[i];
                    nt++;
                }
                double e = d.y()[i] - (d.t()[i] == 1 ? d.mu1()[i] : d.mu0()[i]);
                ss += e * e;
            }
            assertEquals(4.0, att / nt, 1e-9);
            double sd = Math.sqrt(ss / tau.length);
            assertTrue(sd > 0.9 && sd < 1.1, "noise SD " + sd);
        }
    }

    /**
     * log mu0 and mu1 are the same linear function of x up to constants (slopes beta), with beta's entries in
     * {0, .1, .2, .3, .4}: recovered from mu1 by least squares over the covariates.
     */
    @Test
    void controlSurfaceIsExpOfTheTreatedLinearSurfaceShiftedByHalf() {
        BenchmarkData d = IhdpSurfaceB.draw("s", base.x(), base.t(), 11);
        double[][] x = d.x();
        int p = x[0].length;
        double[] beta = leastSquares(x, d.mu1());
        int nonZero = 0;
        double sum = 0;
        for (int j = 0; j < p; j++) {
            double b = beta[j];
            assertEquals(Math.round(b * 10) / 10.0, b, 1e-8, "beta " + j);
            assertTrue(b > -1e-8 && b < 0.4 + 1e-8, "beta " + j + " = " + b);
            nonZero += Math.abs(b) > 1e-8 ? 1 : 0;
            sum += b;
        }
        assertTrue(nonZero > 0 && nonZero < p, "some but not all slopes are zero: " + nonZero);
        for (int i = 0; i < x.length; i++) {
            double lin = 0;
            for (int j = 0; j < p; j++) {
                lin += (x[i][j] + 0.5) * beta[j];
            }
            assertEquals(lin, Math.log(d.mu0()[i]), 1e-8);
        }
        assertTrue(sum > 0);
    }

    @Test
    void sameSeedSameDataOtherSeedOtherData() {
        BenchmarkData a = IhdpSurfaceB.draw("a", base.x(), base.t(), 7);
        BenchmarkData b = IhdpSurfaceB.draw("a", base.x(), base.t(), 7);
        BenchmarkData c = IhdpSurfaceB.draw("a", base.x(), base.t(), 8);
        assertArrayEquals(a.y(), b.y());
        assertArrayEquals(a.mu0(), b.mu0());
        assertFalse(Arrays.equals(a.y(), c.y()));
        assertArrayEquals(base.t(), a.t());
    }

    @Test
    void noTreatedRowsIsAnError() {
        int[] none = new int[base.t().length];
        assertThrows(CausalRxException.class, () -> IhdpSurfaceB.draw("s", base.x(), none, 1));
    }

    /** Ordinary least squares with an intercept (normal equations, Gaussian elimination); slopes only. */
    private static double[] leastSquares(double[][] x, double[] y) {
        int p = x[0].length + 1;
        double[][] a = new double[p][p + 1];
        for (int i = 0; i < x.length; i++) {
            double[] r = new double[p];
            r[0] = 1;
            System.arraycopy(x[i], 0, r, 1, p - 1);
            for (int j = 0; j < p; j++) {
                for (int k = 0; k < p; k++) {
                    a[j][k] += r[j] * r[k];
                }
                a[j][p] += r[j] * y[i];
            }
        }
        for (int c = 0; c < p; c++) {
            int piv = c;
            for (int r = c + 1; r < p; r++) {
                if (Math.abs(a[r][c]) > Math.abs(a[piv][c])) {
                    piv = r;
                }
            }
            double[] tmp = a[c];
            a[c] = a[piv];
            a[piv] = tmp;
            for (int r = 0; r < p; r++) {
                if (r != c) {
                    double f = a[r][c] / a[c][c];
                    for (int k = c; k <= p; k++) {
                        a[r][k] -= f * a[c][k];
                    }
                }
            }
        }
        double[] out = new double[p - 1];
        for (int j = 1; j < p; j++) {
            out[j - 1] = a[j][p] / a[j][j];
        }
        return out;
    }
}
