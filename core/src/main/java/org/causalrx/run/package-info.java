/**
 * A whole study run as core composes it: the feasibility simulation, the pipeline's stages and the exit points
 * ({@link org.causalrx.run.StudyEngine}). The command line only reads the study, shows progress and writes.
 */
package org.causalrx.run;
