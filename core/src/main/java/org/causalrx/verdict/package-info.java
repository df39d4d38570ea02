/** The feasibility verdict: the paper's exit points (overlap, simulation, component models, policies). */
package org.causalrx.verdict;
