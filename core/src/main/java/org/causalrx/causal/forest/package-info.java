/**
 * GRF causal forest: gradient relabeling, the stabilised causal splitting rule, leaf-statistic prediction
 * (exactly the forest-weighted residual-on-residual estimator), little-bag variance estimates and intervals.
 */
package org.causalrx.causal.forest;
