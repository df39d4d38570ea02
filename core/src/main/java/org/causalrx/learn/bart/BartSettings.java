package org.causalrx.learn.bart;

/**
 * Settings of BART (Chipman, George &amp; McCulloch 2010), with the defaults of the paper and of the R
 * packages BayesTree / dbarts.
 *
 * @param trees   number of trees m in the sum (default 200)
 * @param burnIn  MCMC sweeps discarded before draws are kept (default 250)
 * @param draws   posterior draws kept (default 1000)
 * @param thin    sweeps per kept draw (default 1: keep every sweep after burn-in)
 * @param alpha   tree prior base: P(node at depth d splits) = alpha (1 + d)^(-beta) (default 0.95)
 * @param beta    tree prior power (default 2)
 * @param k       leaf prior shrinkage: sigma_mu = 0.5 / (k sqrt(m)) on the [-0.5, 0.5] scale for
 *                regression, 3 / (k sqrt(m)) on the probit scale for classification (default 2)
 * @param nu      degrees of freedom of the scaled inverse-chi-square prior on sigma² (default 3)
 * @param q       prior quantile: P(sigma &lt; sigma_hat) = q, sigma_hat the OLS residual SD (default 0.9)
 * @param maxCuts most cut points per covariate (default 100): the midpoints between unique values when
 *                there are few enough, otherwise midpoints at evenly spaced quantiles
 */
public record BartSettings(int trees, int burnIn, int draws, int thin, double alpha, double beta, double k,
        double nu, double q, int maxCuts) {

    /** Probability of proposing a grow move (when both grow and prune are possible). */
    public static final double PROB_GROW = 0.25;
    /** Probability of proposing a prune move. */
    public static final double PROB_PRUNE = 0.25;
    /** Probability of proposing a change move (new rule at a node whose children are both leaves). */
    public static final double PROB_CHANGE = 0.5;

    /** Validates the settings. */
    public BartSettings {
        if (trees < 1) {
            throw new IllegalArgumentException("BART needs at least one tree, got " + trees);
        }
        if (burnIn < 0 || draws < 1 || thin < 1) {
            throw new IllegalArgumentException("BART needs burnIn >= 0, draws >= 1 and thin >= 1, got burnIn="
                    + burnIn + ", draws=" + draws + ", thin=" + thin);
        }
        if (!(alpha > 0 && alpha < 1) || !(beta >= 0)) {
            throw new IllegalArgumentException("BART tree prior needs 0 < alpha < 1 and beta >= 0, got alpha="
                    + alpha + ", beta=" + beta);
        }
        if (!(k > 0) || !(nu > 0) || !(q > 0 && q < 1)) {
            throw new IllegalArgumentException("BART priors need k > 0, nu > 0 and 0 < q < 1, got k=" + k
                    + ", nu=" + nu + ", q=" + q);
        }
        if (maxCuts < 1) {
            throw new IllegalArgumentException("BART needs maxCuts >= 1, got " + maxCuts);
        }
    }

    /** The defaults: 200 trees, 250 burn-in, 1000 draws, thin 1, alpha 0.95, beta 2, k 2, nu 3, q 0.9, 100 cuts. */
    public static BartSettings defaults() {
        return new BartSettings(200, 250, 1000, 1, 0.95, 2.0, 2.0, 3.0, 0.9, 100);
    }

    /** Total MCMC sweeps: burn-in plus draws × thin. */
    public int sweeps() {
        return burnIn + draws * thin;
    }

    /** A copy with m trees. */
    public BartSettings withTrees(int m) {
        return new BartSettings(m, burnIn, draws, thin, alpha, beta, k, nu, q, maxCuts);
    }

    /** A copy with the given burn-in. */
    public BartSettings withBurnIn(int b) {
        return new BartSettings(trees, b, draws, thin, alpha, beta, k, nu, q, maxCuts);
    }

    /** A copy keeping the given number of posterior draws. */
    public BartSettings withDraws(int d) {
        return new BartSettings(trees, burnIn, d, thin, alpha, beta, k, nu, q, maxCuts);
    }

    /** A copy with the given thinning. */
    public BartSettings withThin(int t) {
        return new BartSettings(trees, burnIn, draws, t, alpha, beta, k, nu, q, maxCuts);
    }

    /** A copy with the given tree prior alpha (1 + d)^(-beta). */
    public BartSettings withTreePrior(double a, double b) {
        return new BartSettings(trees, burnIn, draws, thin, a, b, k, nu, q, maxCuts);
    }

    /** A copy with leaf prior shrinkage k. */
    public BartSettings withK(double kk) {
        return new BartSettings(trees, burnIn, draws, thin, alpha, beta, kk, nu, q, maxCuts);
    }

    /** A copy with the sigma prior (nu, q). */
    public BartSettings withSigmaPrior(double n, double qq) {
        return new BartSettings(trees, burnIn, draws, thin, alpha, beta, k, n, qq, maxCuts);
    }

    /** A copy with at most the given number of cut points per covariate. */
    public BartSettings withMaxCuts(int c) {
        return new BartSettings(trees, burnIn, draws, thin, alpha, beta, k, nu, q, c);
    }
}
