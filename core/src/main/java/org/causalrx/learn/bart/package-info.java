/**
 * Bayesian additive regression trees (BART; Chipman, George &amp; McCulloch 2010), written from the published
 * algorithm with the usual BayesTree / dbarts details: {@link org.causalrx.learn.bart.Bart} (regression, with
 * precision sample weights) and {@link org.causalrx.learn.bart.BartClassifier} (probit BART by Albert–Chib
 * augmentation), configured by {@link org.causalrx.learn.bart.BartSettings}. Fitted models keep every posterior
 * draw of the trees in flat arrays, so posterior draws of f(x) are available for new rows.
 *
 * <p>MCMC moves: grow 0.25, prune 0.25, change 0.5 (change redraws the rule of a node whose children are
 * both leaves); moves impossible in the current tree are dropped and the rest renormalised.
 */
package org.causalrx.learn.bart;
