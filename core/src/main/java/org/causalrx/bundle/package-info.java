/**
 * The model bundle: what {@code run} writes to {@code DIR/model/} so that a finished run can be applied to new
 * patients ({@code recommend}). A bundle is a folder of parts, each written by an explicit codec (JSON for the
 * input schema, the covariate encoding, linear and logistic models and thresholds; XGBoost's own {@code ubj}
 * format for boosters; exact packed arrays for trees and network weights; models of other modules through a
 * {@link org.causalrx.bundle.CateModelCodec}, or for K arms a {@link org.causalrx.bundle.MultiArmCateModelCodec}; no
 * Java serialisation), with a {@code manifest.json} holding the bundle
 * format version and the SHA-256 of every file, checked on load. {@link org.causalrx.bundle.BundleWriter} writes,
 * {@link org.causalrx.bundle.ModelBundle#load} reads and {@link org.causalrx.bundle.Recommender} scores new rows
 * through {@link org.causalrx.policy.Deferral#decide}, as the pipeline decides.
 */
package org.causalrx.bundle;
