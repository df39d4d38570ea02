/**
 * Meta-learners over any base learner: S, X, R and DR, with cross-fitting through {@code CrossFit}; the K-arm S, X
 * and DR variants ({@code MultiArm*}) estimate each arm's effect against the reference arm 0.
 */
package org.causalrx.causal.meta;
