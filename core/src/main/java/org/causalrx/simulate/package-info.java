/** Benchmark data with known effects (IHDP, ACIC 2016) and, later, the semi-synthetic simulation of TRS §3.5. */
package org.causalrx.simulate;
