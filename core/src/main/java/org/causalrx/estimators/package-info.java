/**
 * The catalogue of named CATE estimators: {@link org.causalrx.estimators.EstimatorRegistry} (built once per run from
 * the built-in entries and {@link org.causalrx.estimators.EstimatorProvider}s), each
 * {@link org.causalrx.estimators.EstimatorEntry} with its kind, its settings record and defaults, and a factory;
 * study-file hyperparameters are read by {@link org.causalrx.estimators.EstimatorParams}. The K-arm variants of the
 * entries are found by {@link org.causalrx.estimators.MultiArmEstimators} (built in, then from the providers).
 */
package org.causalrx.estimators;
