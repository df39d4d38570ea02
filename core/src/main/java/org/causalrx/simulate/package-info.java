/**
 * The semi-synthetic feasibility simulation of TRS §3.5
 * ({@link org.causalrx.simulate.FeasibilityStudy}: Algorithm 1's {@link org.causalrx.simulate.LinearSimulation},
 * the random-tree {@link org.causalrx.simulate.TreeSimulation}, and {@link org.causalrx.simulate.FeasibilityChecks}).
 */
package org.causalrx.simulate;
