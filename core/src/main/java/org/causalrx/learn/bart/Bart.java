package org.causalrx.learn.bart;

import java.util.SplittableRandom;
import org.causalrx.learn.Regressor;
import org.causalrx.util.CausalRxException;
import org.causalrx.util.Seeds;

/**
 * BART regression (Chipman, George &amp; McCulloch 2010): a sum of m regression trees fitted by Bayesian
 * backfitting MCMC. y is rescaled by min/max to [-0.5, 0.5]; leaf values ~ N(0, (0.5 / (k sqrt m))²);
 * σ² ~ ν λ / χ²_ν with λ set so that P(σ &lt; σ̂) = q, σ̂ the OLS residual SD (see {@link BartSettings}).
 *
 * <p>Sample weights are precision weights: row i has noise variance σ² / w_i, with the weights rescaled to
 * mean 1 (so σ is the noise SD of a row of average weight). Deterministic given data and seed.
 */
public final class Bart implements Regressor {
    private final BartSettings settings;

    /** BART with the default settings. */
    public Bart() {
        this(BartSettings.defaults());
    }

    /** BART with the given settings. */
    public Bart(BartSettings settings) {
        this.settings = settings;
    }

    public BartSettings settings() {
        return settings;
    }

    @Override
    public String name() {
        return "bart";
    }

    @Override
    public BartModel fit(double[][] x, double[] y, double[] w, long seed) {
        int p = BartInputs.features(x);
        int n = x.length;
        if (y == null || y.length != n) {
            throw new CausalRxException("bart: " + (y == null ? 0 : y.length) + " targets for " + n + " rows");
        }
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < n; i++) {
            if (!Double.isFinite(y[i])) {
                throw new CausalRxException("bart: target of row " + i + " is " + y[i]
                        + "; drop or impute missing outcomes before fitting");
            }
            min = Math.min(min, y[i]);
            max = Math.max(max, y[i]);
        }
        double[] wt = BartInputs.weights(w, n);
        double range = max > min ? max - min : 1.0;
        double center = min + 0.5 * range;
        double[] ys = new double[n];
        for (int i = 0; i < n; i++) {
            ys[i] = (y[i] - center) / range;
        }
        BartSettings s = settings;
        double sigmaHat = Math.max(BartInputs.olsResidualSd(x, ys, wt), 1e-4);
        double lambda = sigmaHat * sigmaHat * BartMath.chiSquareQuantile(1 - s.q(), s.nu()) / s.nu();

        CutPoints cuts = CutPoints.of(x, s.maxCuts());
        SplittableRandom rng = new SplittableRandom(Seeds.derive(seed, "bart"));
        Sampler sampler = new Sampler(cuts, cuts.bin(x), ys, wt, s.trees(), 0.5 / (s.k() * Math.sqrt(s.trees())),
                s.alpha(), s.beta(), rng);
        double sigma2 = sigmaHat * sigmaHat;
        sampler.setSigma2(sigma2);
        PackedForest.Builder kept = new PackedForest.Builder(cuts, s.trees());
        double[] sigma = new double[s.draws()];
        int k = 0;
        for (int iter = 0; iter < s.sweeps(); iter++) {
            sampler.sweep();
            double[] f = sampler.fit();
            double sse = 0;
            for (int i = 0; i < n; i++) {
                double e = ys[i] - f[i];
                sse += wt[i] * e * e;
            }
            sigma2 = (s.nu() * lambda + sse) / BartMath.chiSquare(s.nu() + n, rng);
            sampler.setSigma2(sigma2);
            if (iter >= s.burnIn() && (iter - s.burnIn()) % s.thin() == s.thin() - 1) {
                kept.add(sampler.trees());
                sigma[k++] = Math.sqrt(sigma2) * range;
            }
        }
        return new BartModel(kept.build(), center, range, sigma, p);
    }
}
