/** XGBoost4J learners behind the Regressor / Classifier interfaces. */
package org.causalrx.learn.xgb;
