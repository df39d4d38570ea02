/**
 * GRF causal forest: gradient relabeling, the stabilised causal splitting rule, leaf-statistic prediction
 * (exactly the forest-weighted residual-on-residual estimator), little-bag variance estimates and intervals,
 * and the {@link org.causalrx.causal.forest.GrfSimpleBenchmark} main.
 */
package org.causalrx.causal.forest;
