/**
 * Causal uncertainty (METHOD step 8, alpha_causal = Lambda): sharp bounds on the CATE under the marginal
 * sensitivity model, learned in the manner of the B-learner (Oprescu, Dorn, Ghoddusi, Kallus, Uehara 2023) from
 * Dorn and Guo's sharp bounds. {@link org.causalrx.causal.bounds.BLearner} fits them,
 * {@link org.causalrx.causal.bounds.CateBoundsFamily} holds the fitted bound regressions at several Lambda.
 */
package org.causalrx.causal.bounds;
