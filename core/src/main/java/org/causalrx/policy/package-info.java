/**
 * Policies for K ≥ 2 arms (the two-arm decision rule and its K-arm form {@link org.causalrx.policy.MultiArmRule},
 * baselines, deferral), held-out IPW and DR values, and the bootstrap engine.
 */
package org.causalrx.policy;
