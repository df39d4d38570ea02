/**
 * Propensity models and the overlap set, CATE estimators (T-learner, and its K-arm form {@code MultiArmTLearner}),
 * K-arm cross-fitted nuisances and ensembles, and the cross-fitted AIPW ATE.
 */
package org.causalrx.causal;
