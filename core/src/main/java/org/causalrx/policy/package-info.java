/** Policies (sign rule and baselines, with deferral), held-out IPW and DR values, and the bootstrap engine. */
package org.causalrx.policy;
