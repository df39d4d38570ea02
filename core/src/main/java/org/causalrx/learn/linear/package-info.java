/**
 * Penalised linear learners fitted by coordinate descent (glmnet-style; Friedman, Hastie &amp; Tibshirani
 * 2010): weighted Gaussian elastic net ({@link org.causalrx.learn.linear.Ridge},
 * {@link org.causalrx.learn.linear.Lasso}, {@link org.causalrx.learn.linear.ElasticNet}) and weighted
 * penalised logistic regression ({@link org.causalrx.learn.linear.LogisticRegression}), each with a
 * warm-started λ path and k-fold cross-validation configured by {@link org.causalrx.learn.linear.LinearSettings}.
 *
 * <p>Objective (Gaussian; the binomial one replaces the squared error by minus the log-likelihood):
 * {@code (1/(2 Σw)) Σ w_i (y_i − b0 − x_i·b)² + λ [(1−α)/2 ‖β‖² + α ‖β‖₁]}, where {@code β_j = b_j · sd_j} are the
 * coefficients of the internally standardised features (weighted mean and SD, denominator {@code Σw}).
 * The intercept is not penalised; constant features get coefficient 0.
 */
package org.causalrx.learn.linear;
