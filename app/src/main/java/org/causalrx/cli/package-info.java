/** The command line: check, run, bench. The only place that reads arguments, prints, or touches the clock. */
package org.causalrx.cli;
