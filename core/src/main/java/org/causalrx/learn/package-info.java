/**
 * Regressor / Classifier interfaces with immutable fitted models; linear (coordinate descent) and XGBoost learners;
 * metrics; cross-fitting folds.
 */
package org.causalrx.learn;
