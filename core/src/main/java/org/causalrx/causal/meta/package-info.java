/** Meta-learners over any base learner: S, X, R and DR, with cross-fitting through {@code CrossFit}. */
package org.causalrx.causal.meta;
