/**
 * The command line: check, run, simulate, recommend. The only place that reads arguments, prints, or touches the
 * clock. {@link org.causalrx.cli.OutputTarget}, {@link org.causalrx.cli.OutputFile} and
 * {@link org.causalrx.cli.OutputKind} are public for the bench module's {@code causalrx bench}, which writes its
 * results files by the same rules.
 */
package org.causalrx.cli;
