/**
 * Statistical uncertainty of CATE estimates (METHOD step 8, alpha_stat): seeded bootstrap refits of any
 * estimator ({@link org.causalrx.causal.uncertainty.BootstrapCateModel}), BART posterior credible intervals
 * ({@link org.causalrx.causal.uncertainty.PosteriorCateModel}); the causal forest's own variance is in
 * {@code causal.forest}. All speak {@link org.causalrx.causal.IntervalCateModel#effectInterval}.
 */
package org.causalrx.causal.uncertainty;
