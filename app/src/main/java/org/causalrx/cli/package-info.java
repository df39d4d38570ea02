/**
 * The command line: check, run, bench, simulate, recommend. The only place that reads arguments, prints, or touches the
 * clock.
 */
package org.causalrx.cli;
