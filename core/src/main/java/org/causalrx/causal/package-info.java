/** Propensity models and the overlap set, CATE estimators (T-learner), and the cross-fitted AIPW ATE. */
package org.causalrx.causal;
