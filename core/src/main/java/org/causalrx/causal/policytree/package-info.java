/**
 * Interpretable policies: a shallow policy tree (depth 1 or 2) found by exhaustive search over split candidates on
 * doubly robust scores of the training patients (Athey &amp; Wager's policy learning, as the policytree package),
 * offered as a CATE estimator whose effect is the mean DR contrast of the patient's leaf.
 */
package org.causalrx.causal.policytree;
