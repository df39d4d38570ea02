/** XGBoost4J learners behind the Regressor / Classifier / MultiClassifier interfaces. */
package org.causalrx.learn.xgb;
