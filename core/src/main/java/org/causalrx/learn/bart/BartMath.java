package org.causalrx.learn.bart;

import java.util.SplittableRandom;

/** Distributions BART needs: normal CDF and quantile, truncated normal, gamma and chi-square draws and quantile. */
final class BartMath {
    private static final double[] LANCZOS = {676.5203681218851, -1259.1392167224028, 771.32342877765313,
        -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6,
        1.5056327351493116e-7};

    private BartMath() {
    }

    /** Standard normal CDF Φ (see {@link org.causalrx.util.Normal#cdf}). */
    static double phi(double x) {
        return org.causalrx.util.Normal.cdf(x);
    }

    /** Standard normal quantile Φ⁻¹(p) by bisection on Φ (only needed once per fit). */
    static double phiInverse(double p) {
        if (!(p > 0 && p < 1)) {
            throw new IllegalArgumentException("normal quantile needs 0 < p < 1, got " + p);
        }
        double lo = -40;
        double hi = 40;
        for (int it = 0; it < 200 && hi - lo > 1e-13; it++) {
            double mid = 0.5 * (lo + hi);
            if (phi(mid) < p) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return 0.5 * (lo + hi);
    }

    /** A draw of N(mean, 1) truncated to (0, ∞) when {@code positive}, else to (−∞, 0). */
    static double truncatedNormal(double mean, boolean positive, SplittableRandom rng) {
        return positive ? mean + lowerTruncated(-mean, rng) : mean - lowerTruncated(mean, rng);
    }

    /** A draw of Z ~ N(0,1) conditioned on Z &gt; a (Robert 1995 exponential rejection in the tail). */
    private static double lowerTruncated(double a, SplittableRandom rng) {
        if (a <= 0.5) {
            while (true) {
                double z = rng.nextGaussian();
                if (z > a) {
                    return z;
                }
            }
        }
        double rate = 0.5 * (a + Math.sqrt(a * a + 4.0));
        while (true) {
            double z = a - Math.log(1.0 - rng.nextDouble()) / rate;
            double d = z - rate;
            if (rng.nextDouble() <= Math.exp(-0.5 * d * d)) {
                return z;
            }
        }
    }

    /** A Gamma(shape, 1) draw (Marsaglia &amp; Tsang 2000). */
    static double gamma(double shape, SplittableRandom rng) {
        if (shape < 1) {
            double u = 1.0 - rng.nextDouble();
            return gamma(shape + 1.0, rng) * Math.pow(u, 1.0 / shape);
        }
        double d = shape - 1.0 / 3.0;
        double c = 1.0 / Math.sqrt(9.0 * d);
        while (true) {
            double x = rng.nextGaussian();
            double v = 1.0 + c * x;
            if (v <= 0) {
                continue;
            }
            v = v * v * v;
            double u = 1.0 - rng.nextDouble();
            if (Math.log(u) < 0.5 * x * x + d - d * v + d * Math.log(v)) {
                return d * v;
            }
        }
    }

    /** A chi-square draw with df degrees of freedom. */
    static double chiSquare(double df, SplittableRandom rng) {
        return 2.0 * gamma(0.5 * df, rng);
    }

    /** The p-quantile of the chi-square distribution with df degrees of freedom (bisection on P(df/2, x/2)). */
    static double chiSquareQuantile(double p, double df) {
        double lo = 0;
        double hi = Math.max(1.0, df);
        while (regularizedGammaP(0.5 * df, 0.5 * hi) < p) {
            hi *= 2;
        }
        for (int it = 0; it < 200 && hi - lo > 1e-12 * hi; it++) {
            double mid = 0.5 * (lo + hi);
            if (regularizedGammaP(0.5 * df, 0.5 * mid) < p) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return 0.5 * (lo + hi);
    }

    /** Regularised lower incomplete gamma P(a, x): series below a + 1, continued fraction above. */
    static double regularizedGammaP(double a, double x) {
        if (x <= 0) {
            return 0;
        }
        double logPrefix = -x + a * Math.log(x) - logGamma(a);
        if (x < a + 1) {
            double term = 1.0 / a;
            double sum = term;
            for (int n = 1; n < 10_000; n++) {
                term *= x / (a + n);
                sum += term;
                if (Math.abs(term) < Math.abs(sum) * 1e-16) {
                    break;
                }
            }
            return sum * Math.exp(logPrefix);
        }
        double tiny = 1e-300;
        double b = x + 1 - a;
        double c = 1 / tiny;
        double d = 1 / b;
        double h = d;
        for (int i = 1; i < 10_000; i++) {
            double an = -i * (i - a);
            b += 2;
            d = an * d + b;
            d = Math.abs(d) < tiny ? tiny : d;
            c = b + an / c;
            c = Math.abs(c) < tiny ? tiny : c;
            d = 1 / d;
            double delta = d * c;
            h *= delta;
            if (Math.abs(delta - 1) < 1e-16) {
                break;
            }
        }
        return 1.0 - Math.exp(logPrefix) * h;
    }

    /** log Γ(x) for x &gt; 0 (Lanczos, g = 7). */
    static double logGamma(double x) {
        if (x < 0.5) {
            return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - logGamma(1 - x);
        }
        double xx = x - 1;
        double a = 0.99999999999980993;
        double t = xx + 7.5;
        for (int i = 0; i < LANCZOS.length; i++) {
            a += LANCZOS[i] / (xx + i + 1);
        }
        return 0.5 * Math.log(2 * Math.PI) + (xx + 0.5) * Math.log(t) - t + Math.log(a);
    }
}
