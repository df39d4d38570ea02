/**
 * Penalised linear learners fitted by coordinate descent (glmnet-style; Friedman, Hastie &amp; Tibshirani
 * 2010): weighted Gaussian elastic net ({@link org.causalrx.learn.linear.Ridge},
 * {@link org.causalrx.learn.linear.Lasso}, {@link org.causalrx.learn.linear.ElasticNet}) and weighted
 * penalised logistic regression ({@link org.causalrx.learn.linear.LogisticRegression}), and weighted penalised
 * multinomial regression for K classes ({@link org.causalrx.learn.linear.MultinomialRegression}, dense layout,
 * class-by-class quadratic approximations), each with a warm-started λ path and k-fold cross-validation
 * configured by {@link org.causalrx.learn.linear.LinearSettings}.
 *
 * <p>Objective (Gaussian; the binomial one replaces the squared error by minus the log-likelihood):
 * {@code (1/(2 Σw)) Σ w_i (y_i − b0 − x_i·b)² + λ [(1−α)/2 ‖β‖² + α ‖β‖₁]}, where {@code β_j = b_j · sd_j} are the
 * coefficients of the internally standardised features (weighted mean and SD, denominator {@code Σw}).
 * The intercept is not penalised; constant features get coefficient 0.
 *
 * <p>Two solver layouts minimise the same objective: covariance updates on a Gram matrix (few features), and
 * residual updates that touch only the rows where a mostly-constant column (a one-hot dummy) differs from its
 * majority value, so a categorical covariate with hundreds of levels costs O(non-zeros) per coordinate update
 * instead of O(p); {@code Design.preferredLayout} picks the cheaper one per fit.
 */
package org.causalrx.learn.linear;
