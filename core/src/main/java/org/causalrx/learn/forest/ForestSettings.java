package org.causalrx.learn.forest;

/**
 * Settings shared by regression and causal forests (defaults follow grf).
 *
 * @param numTrees         number of trees (default 2000); a multiple of {@code ciGroupSize} when that is above 1
 * @param sampleFraction   fraction of rows drawn, without replacement, for each tree (default 0.5)
 * @param mtry             candidate variables per split; {@link #MTRY_DEFAULT} means min(ceil(sqrt(p) + 20), p)
 * @param minNodeSize      nodes with at most this many splitting rows become leaves (default 5); the causal
 *                         rule also asks for this many rows below and above the parent's mean treatment in each child
 * @param honesty          split on one part of each subsample and fill leaves with the other (default true)
 * @param honestyFraction  share of each subsample used to choose splits (default 0.5)
 * @param alpha            imbalance bound: each child holds at least alpha times the parent (default 0.05)
 * @param imbalancePenalty penalty on unbalanced splits, subtracted as penalty·(1/n_left + 1/n_right) (default 0)
 * @param ciGroupSize      trees per little bag sharing one half-sample (default 2; 1 = no variance estimates)
 * @param threads          worker threads for growing and predicting (default 1); results do not depend on it
 */
public record ForestSettings(int numTrees, double sampleFraction, int mtry, int minNodeSize, boolean honesty,
                             double honestyFraction, double alpha, double imbalancePenalty, int ciGroupSize,
                             int threads) {

    /** Marker for the default mtry, min(ceil(sqrt(p) + 20), p). */
    public static final int MTRY_DEFAULT = -1;

    public ForestSettings {
        if (numTrees < 1) {
            throw new IllegalArgumentException("numTrees must be at least 1, got " + numTrees);
        }
        if (!(sampleFraction > 0 && sampleFraction <= 1)) {
            throw new IllegalArgumentException("sampleFraction must be in (0, 1], got " + sampleFraction);
        }
        if (mtry != MTRY_DEFAULT && mtry < 1) {
            throw new IllegalArgumentException("mtry must be positive (or MTRY_DEFAULT), got " + mtry);
        }
        if (minNodeSize < 1) {
            throw new IllegalArgumentException("minNodeSize must be at least 1, got " + minNodeSize);
        }
        if (!(honestyFraction > 0 && honestyFraction < 1)) {
            throw new IllegalArgumentException("honestyFraction must be in (0, 1), got " + honestyFraction);
        }
        if (!(alpha >= 0 && alpha < 0.25)) {
            throw new IllegalArgumentException("alpha must be in [0, 0.25), got " + alpha);
        }
        if (!(imbalancePenalty >= 0)) {
            throw new IllegalArgumentException("imbalancePenalty must be non-negative, got " + imbalancePenalty);
        }
        if (ciGroupSize < 1) {
            throw new IllegalArgumentException("ciGroupSize must be at least 1, got " + ciGroupSize);
        }
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
    }

    /** grf's defaults: 2000 trees, half-samples, honest, alpha 0.05, little bags of 2, one thread. */
    public static ForestSettings defaults() {
        return new ForestSettings(2000, 0.5, MTRY_DEFAULT, 5, true, 0.5, 0.05, 0.0, 2, 1);
    }

    /**
     * Checks the settings that only make sense together (called when a forest is grown, so that {@code with...}
     * calls can come in any order): with little bags, sampleFraction ≤ 0.5 and numTrees a multiple of
     * ciGroupSize.
     */
    public void checkLittleBags() {
        if (ciGroupSize > 1 && sampleFraction > 0.5) {
            throw new IllegalArgumentException(
                    "sampleFraction must be at most 0.5 when ciGroupSize > 1 (trees draw from a half-sample), got "
                            + sampleFraction);
        }
        if (ciGroupSize > 1 && numTrees % ciGroupSize != 0) {
            throw new IllegalArgumentException("numTrees (" + numTrees + ") must be a multiple of ciGroupSize ("
                    + ciGroupSize + ")");
        }
    }

    /** The effective mtry for p variables. */
    public int mtryFor(int p) {
        if (mtry == MTRY_DEFAULT) {
            return Math.min((int) Math.ceil(Math.sqrt(p) + 20), p);
        }
        return Math.min(mtry, p);
    }

    public ForestSettings withNumTrees(int v) {
        return new ForestSettings(v, sampleFraction, mtry, minNodeSize, honesty, honestyFraction, alpha,
                imbalancePenalty, ciGroupSize, threads);
    }

    public ForestSettings withSampleFraction(double v) {
        return new ForestSettings(numTrees, v, mtry, minNodeSize, honesty, honestyFraction, alpha,
                imbalancePenalty, ciGroupSize, threads);
    }

    public ForestSettings withMtry(int v) {
        return new ForestSettings(numTrees, sampleFraction, v, minNodeSize, honesty, honestyFraction, alpha,
                imbalancePenalty, ciGroupSize, threads);
    }

    public ForestSettings withMinNodeSize(int v) {
        return new ForestSettings(numTrees, sampleFraction, mtry, v, honesty, honestyFraction, alpha,
                imbalancePenalty, ciGroupSize, threads);
    }

    public ForestSettings withHonesty(boolean v) {
        return new ForestSettings(numTrees, sampleFraction, mtry, minNodeSize, v, honestyFraction, alpha,
                imbalancePenalty, ciGroupSize, threads);
    }

    public ForestSettings withHonestyFraction(double v) {
        return new ForestSettings(numTrees, sampleFraction, mtry, minNodeSize, honesty, v, alpha,
                imbalancePenalty, ciGroupSize, threads);
    }

    public ForestSettings withAlpha(double v) {
        return new ForestSettings(numTrees, sampleFraction, mtry, minNodeSize, honesty, honestyFraction, v,
                imbalancePenalty, ciGroupSize, threads);
    }

    public ForestSettings withImbalancePenalty(double v) {
        return new ForestSettings(numTrees, sampleFraction, mtry, minNodeSize, honesty, honestyFraction, alpha,
                v, ciGroupSize, threads);
    }

    public ForestSettings withCiGroupSize(int v) {
        return new ForestSettings(numTrees, sampleFraction, mtry, minNodeSize, honesty, honestyFraction, alpha,
                imbalancePenalty, v, threads);
    }

    public ForestSettings withThreads(int v) {
        return new ForestSettings(numTrees, sampleFraction, mtry, minNodeSize, honesty, honestyFraction, alpha,
                imbalancePenalty, ciGroupSize, v);
    }
}
