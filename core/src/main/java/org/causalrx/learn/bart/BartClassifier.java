package org.causalrx.learn.bart;

import java.util.SplittableRandom;
import org.causalrx.learn.Classifier;
import org.causalrx.util.CausalRxException;
import org.causalrx.util.Seeds;

/**
 * Probit BART for a binary outcome (Chipman, George &amp; McCulloch 2010, section 4): P(t = 1 | x) =
 * Φ(offset + f(x)), f a sum of m trees, offset = Φ⁻¹(mean t), leaf values ~ N(0, (3 / (k sqrt m))²), fitted
 * with Albert–Chib data augmentation (latent z_i ~ N(offset + f(x_i), 1) truncated to the side of t_i; σ = 1).
 *
 * <p>Sample weights are not supported (a weighted probit likelihood has no conjugate augmentation): null or
 * equal weights are accepted, anything else throws {@link IllegalArgumentException}.
 */
public final class BartClassifier implements Classifier {
    private final BartSettings settings;

    /** Probit BART with the default settings. */
    public BartClassifier() {
        this(BartSettings.defaults());
    }

    /** Probit BART with the given settings (nu and q are unused: σ is fixed at 1). */
    public BartClassifier(BartSettings settings) {
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
    public BartProbitModel fit(double[][] x, int[] t, double[] w, long seed) {
        int p = BartInputs.features(x);
        int n = x.length;
        if (t == null || t.length != n) {
            throw new CausalRxException("bart: " + (t == null ? 0 : t.length) + " labels for " + n + " rows");
        }
        if (w != null && w.length != n) {
            throw new CausalRxException("bart: " + w.length + " weights for " + n + " rows");
        }
        if (!BartInputs.uniform(w)) {
            throw new IllegalArgumentException("bart classifier does not support non-uniform sample weights");
        }
        int ones = 0;
        for (int i = 0; i < n; i++) {
            if (t[i] != 0 && t[i] != 1) {
                throw new CausalRxException("bart: label of row " + i + " is " + t[i] + "; labels must be 0 or 1");
            }
            ones += t[i];
        }
        if (ones == 0 || ones == n) {
            throw new CausalRxException("bart: all " + n + " labels are " + (ones == 0 ? 0 : 1)
                    + "; a classifier needs both classes");
        }
        BartSettings s = settings;
        double offset = BartMath.phiInverse((double) ones / n);
        double[] wt = new double[n];
        java.util.Arrays.fill(wt, 1.0);
        double[] z = new double[n];
        CutPoints cuts = CutPoints.of(x, s.maxCuts());
        SplittableRandom rng = new SplittableRandom(Seeds.derive(seed, "bart-probit"));
        Sampler sampler = new Sampler(cuts, cuts.bin(x), z, wt, s.trees(), 3.0 / (s.k() * Math.sqrt(s.trees())),
                s.alpha(), s.beta(), rng);
        sampler.setSigma2(1.0);
        PackedForest.Builder kept = new PackedForest.Builder(cuts, s.trees());
        for (int iter = 0; iter < s.sweeps(); iter++) {
            double[] f = sampler.fit();
            for (int i = 0; i < n; i++) {
                z[i] = BartMath.truncatedNormal(offset + f[i], t[i] == 1, rng) - offset;
            }
            sampler.sweep();
            if (iter >= s.burnIn() && (iter - s.burnIn()) % s.thin() == s.thin() - 1) {
                kept.add(sampler.trees());
            }
        }
        return new BartProbitModel(kept.build(), offset, p);
    }
}
