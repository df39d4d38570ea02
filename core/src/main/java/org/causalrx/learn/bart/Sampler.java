package org.causalrx.learn.bart;

import java.util.SplittableRandom;

/**
 * Bayesian backfitting MCMC over a sum of m trees (Chipman, George &amp; McCulloch 2010, section 3).
 *
 * <p>Model on the working scale: {@code target_i = Σ_t g(x_i; T_t, M_t) + e_i}, {@code e_i ~ N(0, σ²/w_i)}
 * (w_i precision weights, mean 1), leaf values {@code μ ~ N(0, τ²)}. Each sweep visits every tree: it forms
 * the partial residuals, proposes one move (grow {@value BartSettings#PROB_GROW}, prune
 * {@value BartSettings#PROB_PRUNE}, change {@value BartSettings#PROB_CHANGE}; impossible moves get
 * probability 0 and the rest are renormalised, so a single-leaf tree always proposes grow), accepts it
 * by Metropolis–Hastings on the tree with the leaf values integrated out, then draws the leaf values from
 * their conjugate normal posterior. "Change" redraws the rule of a node whose children are both leaves
 * (as bartMachine does), so descendants never become inconsistent.
 *
 * <p>Each tree's fitted values on the training rows ({@code treeFit}) and row-to-leaf membership
 * ({@code leafOf}) are kept up to date, so a tree update costs a few passes over n rows. The caller owns
 * {@code target} (the sampler reads it at every tree update, so the probit caller redraws it in place)
 * and σ².
 */
final class Sampler {
    private final CutPoints cuts;
    private final int[][] bin;
    private final double[] target;
    private final double[] w;
    private final int n;
    private final int p;
    private final double[] fit;
    private final Tree[] trees;
    private final double[][] treeFit;
    private final int[][] leafOf;
    private final double tau2;
    private final double alpha;
    private final double beta;
    private final SplittableRandom rng;
    private double sigma2;
    private final double[] wr;
    private final int[] lo;
    private final int[] hi;
    private final int[] avail;
    private int[] buf = new int[16];
    private double[] sumW = new double[16];
    private double[] sumS = new double[16];

    Sampler(CutPoints cuts, int[][] bin, double[] target, double[] w, int m, double tau, double alpha, double beta,
            SplittableRandom rng) {
        this.cuts = cuts;
        this.bin = bin;
        this.target = target;
        this.w = w;
        this.n = target.length;
        this.p = cuts.features();
        this.tau2 = tau * tau;
        this.alpha = alpha;
        this.beta = beta;
        this.rng = rng;
        this.sigma2 = 1.0;
        this.fit = new double[n];
        this.trees = new Tree[m];
        this.treeFit = new double[m][n];
        this.leafOf = new int[m][n];
        boolean rootSplittable = false;
        for (int v = 0; v < p; v++) {
            rootSplittable |= cuts.count(v) > 0;
        }
        for (int t = 0; t < m; t++) {
            trees[t] = new Tree(0.0, rootSplittable);
        }
        this.wr = new double[n];
        this.lo = new int[p];
        this.hi = new int[p];
        this.avail = new int[p];
    }

    void setSigma2(double s2) {
        this.sigma2 = s2;
    }

    /** Current sum-of-trees fit on the training rows (live view; do not modify). */
    double[] fit() {
        return fit;
    }

    /** Current trees (live view; do not modify). */
    Tree[] trees() {
        return trees;
    }

    /** One backfitting sweep over all trees. */
    void sweep() {
        for (int t = 0; t < trees.length; t++) {
            updateTree(t);
        }
    }

    private void updateTree(int t) {
        Tree tr = trees[t];
        double[] tf = treeFit[t];
        int[] lf = leafOf[t];
        for (int i = 0; i < n; i++) {
            wr[i] = w[i] * (target[i] - fit[i] + tf[i]);
        }
        if (buf.length < tr.bound() + 2) {
            buf = new int[2 * tr.bound() + 2];
        }
        propose(tr, lf);
        drawLeaves(tr, lf);
        double[] mu = tr.mu;
        for (int i = 0; i < n; i++) {
            double nf = mu[lf[i]];
            fit[i] += nf - tf[i];
            tf[i] = nf;
        }
    }

    private static double[] moveProbs(boolean hasGood, boolean isRoot) {
        double g = hasGood ? BartSettings.PROB_GROW : 0;
        double pr = isRoot ? 0 : BartSettings.PROB_PRUNE;
        double c = isRoot ? 0 : BartSettings.PROB_CHANGE;
        double s = g + pr + c;
        return s == 0 ? new double[3] : new double[] {g / s, pr / s, c / s};
    }

    private double pSplit(int depth, boolean splittable) {
        return splittable ? alpha * Math.pow(1.0 + depth, -beta) : 0.0;
    }

    /** log integrated likelihood of a leaf with Σw = sw and Σ w r = ss (terms common to all trees dropped). */
    private double logLik(double sw, double ss) {
        double denom = sigma2 + tau2 * sw;
        return 0.5 * Math.log(sigma2 / denom) + tau2 * ss * ss / (2.0 * sigma2 * denom);
    }

    private void propose(Tree tr, int[] lf) {
        int nGood = tr.goodLeaves(buf);
        double[] probs = moveProbs(nGood > 0, tr.isLeaf(0));
        if (probs[0] + probs[1] + probs[2] == 0) {
            return;
        }
        double u = rng.nextDouble();
        if (u < probs[0]) {
            grow(tr, lf, nGood, probs[0]);
        } else if (u < probs[0] + probs[1]) {
            prune(tr, lf, nGood, probs[1]);
        } else {
            change(tr, lf, nGood, probs[2]);
        }
    }

    /** Picks a variable and cut uniformly among those available at node; returns {v, c, nAvail}. */
    private int[] pickRule(Tree tr, int node) {
        tr.ranges(node, cuts, lo, hi);
        int nAvail = 0;
        for (int v = 0; v < p; v++) {
            if (lo[v] <= hi[v]) {
                avail[nAvail++] = v;
            }
        }
        int v = avail[rng.nextInt(nAvail)];
        int c = lo[v] + rng.nextInt(hi[v] - lo[v] + 1);
        return new int[] {v, c, nAvail};
    }

    private void grow(Tree tr, int[] lf, int nGood, double pGrow) {
        int node = buf[rng.nextInt(nGood)];
        int[] rule = pickRule(tr, node);
        int v = rule[0];
        int c = rule[1];
        boolean others = rule[2] > 1;
        boolean leftSplit = others || c - 1 >= lo[v];
        boolean rightSplit = others || c + 1 <= hi[v];
        int[] bv = bin[v];
        double sw = 0, ss = 0, swl = 0, ssl = 0;
        for (int i = 0; i < n; i++) {
            if (lf[i] == node) {
                sw += w[i];
                ss += wr[i];
                if (bv[i] <= c) {
                    swl += w[i];
                    ssl += wr[i];
                }
            }
        }
        int d = tr.depth[node];
        double logA = logLik(swl, ssl) + logLik(sw - swl, ss - ssl) - logLik(sw, ss)
                + Math.log(pSplit(d, true)) + Math.log(1 - pSplit(d + 1, leftSplit))
                + Math.log(1 - pSplit(d + 1, rightSplit)) - Math.log(1 - pSplit(d, true));
        int par = tr.parent[node];
        int nNogAfter = tr.nogs(buf) + 1 - (par >= 0 && tr.isNog(par) ? 1 : 0);
        int nGoodAfter = nGood - 1 + (leftSplit ? 1 : 0) + (rightSplit ? 1 : 0);
        double pPruneAfter = moveProbs(nGoodAfter > 0, false)[1];
        logA += Math.log(pPruneAfter) - Math.log(nNogAfter) - Math.log(pGrow) + Math.log(nGood);
        if (Math.log(rng.nextDouble()) < logA) {
            int l = tr.grow(node, v, c, leftSplit, rightSplit);
            int r = tr.right[node];
            for (int i = 0; i < n; i++) {
                if (lf[i] == node) {
                    lf[i] = bv[i] <= c ? l : r;
                }
            }
        }
    }

    private void prune(Tree tr, int[] lf, int nGood, double pPrune) {
        int nNog = tr.nogs(buf);
        int node = buf[rng.nextInt(nNog)];
        int l = tr.left[node];
        int r = tr.right[node];
        double swl = 0, ssl = 0, swr = 0, ssr = 0;
        for (int i = 0; i < n; i++) {
            int leaf = lf[i];
            if (leaf == l) {
                swl += w[i];
                ssl += wr[i];
            } else if (leaf == r) {
                swr += w[i];
                ssr += wr[i];
            }
        }
        int d = tr.depth[node];
        double logA = logLik(swl + swr, ssl + ssr) - logLik(swl, ssl) - logLik(swr, ssr)
                - Math.log(pSplit(d, true)) - Math.log(1 - pSplit(d + 1, tr.splittable[l]))
                - Math.log(1 - pSplit(d + 1, tr.splittable[r])) + Math.log(1 - pSplit(d, true));
        int nGoodAfter = nGood + 1 - (tr.splittable[l] ? 1 : 0) - (tr.splittable[r] ? 1 : 0);
        double pGrowAfter = moveProbs(true, node == 0)[0];
        logA += Math.log(pGrowAfter) - Math.log(nGoodAfter) - Math.log(pPrune) + Math.log(nNog);
        if (Math.log(rng.nextDouble()) < logA) {
            tr.prune(node);
            for (int i = 0; i < n; i++) {
                if (lf[i] == l || lf[i] == r) {
                    lf[i] = node;
                }
            }
        }
    }

    private void change(Tree tr, int[] lf, int nGood, double pChange) {
        int nNog = tr.nogs(buf);
        int node = buf[rng.nextInt(nNog)];
        int[] rule = pickRule(tr, node);
        int v = rule[0];
        int c = rule[1];
        boolean others = rule[2] > 1;
        boolean leftSplit = others || c - 1 >= lo[v];
        boolean rightSplit = others || c + 1 <= hi[v];
        int l = tr.left[node];
        int r = tr.right[node];
        int[] bv = bin[v];
        double oswl = 0, ossl = 0, oswr = 0, ossr = 0, nswl = 0, nssl = 0, nswr = 0, nssr = 0;
        for (int i = 0; i < n; i++) {
            int leaf = lf[i];
            if (leaf != l && leaf != r) {
                continue;
            }
            if (leaf == l) {
                oswl += w[i];
                ossl += wr[i];
            } else {
                oswr += w[i];
                ossr += wr[i];
            }
            if (bv[i] <= c) {
                nswl += w[i];
                nssl += wr[i];
            } else {
                nswr += w[i];
                nssr += wr[i];
            }
        }
        int d1 = tr.depth[node] + 1;
        boolean oldL = tr.splittable[l];
        boolean oldR = tr.splittable[r];
        double logA = logLik(nswl, nssl) + logLik(nswr, nssr) - logLik(oswl, ossl) - logLik(oswr, ossr)
                + Math.log(1 - pSplit(d1, leftSplit)) + Math.log(1 - pSplit(d1, rightSplit))
                - Math.log(1 - pSplit(d1, oldL)) - Math.log(1 - pSplit(d1, oldR));
        int nGoodAfter = nGood - (oldL ? 1 : 0) - (oldR ? 1 : 0) + (leftSplit ? 1 : 0) + (rightSplit ? 1 : 0);
        logA += Math.log(moveProbs(nGoodAfter > 0, false)[2]) - Math.log(pChange);
        if (Math.log(rng.nextDouble()) < logA) {
            tr.var[node] = v;
            tr.cut[node] = c;
            tr.splittable[l] = leftSplit;
            tr.splittable[r] = rightSplit;
            for (int i = 0; i < n; i++) {
                if (lf[i] == l || lf[i] == r) {
                    lf[i] = bv[i] <= c ? l : r;
                }
            }
        }
    }

    private void drawLeaves(Tree tr, int[] lf) {
        int bound = tr.bound();
        if (sumW.length < bound) {
            sumW = new double[2 * bound];
            sumS = new double[2 * bound];
        }
        java.util.Arrays.fill(sumW, 0, bound, 0.0);
        java.util.Arrays.fill(sumS, 0, bound, 0.0);
        for (int i = 0; i < n; i++) {
            sumW[lf[i]] += w[i];
            sumS[lf[i]] += wr[i];
        }
        for (int node = 0; node < bound; node++) {
            if (tr.used[node] && tr.isLeaf(node)) {
                double prec = sumW[node] / sigma2 + 1.0 / tau2;
                tr.mu[node] = sumS[node] / sigma2 / prec + rng.nextGaussian() / Math.sqrt(prec);
            }
        }
    }
}
