/**
 * GRF causal forest: gradient relabeling, the stabilised causal splitting rule, leaf-statistic prediction
 * (exactly the forest-weighted residual-on-residual estimator), little-bag variance estimates and intervals; and
 * its K-arm form {@link org.causalrx.causal.forest.MultiArmCausalForest} (vector gradient relabeling, multivariate
 * CART split, forest-weighted multivariate residual regression), which reduces to the binary forest for K = 2.
 */
package org.causalrx.causal.forest;
