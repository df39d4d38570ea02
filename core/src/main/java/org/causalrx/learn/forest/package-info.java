/**
 * Honest random forests on flat primitive trees (after grf, Athey, Tibshirani &amp; Wager 2019): settings,
 * presorted data, the little-bag sampler, a generic tree grower parameterised by a {@link
 * org.causalrx.learn.forest.Relabeling} and a {@link org.causalrx.learn.forest.SplittingRule}, and the
 * regression forest ({@link org.causalrx.learn.forest.RegressionForest}, a {@code Regressor} named "forest")
 * with out-of-bag predictions. Tree k is seeded by {@code Seeds.derive(seed, k)}: results never depend on the
 * thread count.
 */
package org.causalrx.learn.forest;
