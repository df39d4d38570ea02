/** A study run as named stages, each producing result records; no printing (progress goes to a listener). */
package org.causalrx.pipeline;
