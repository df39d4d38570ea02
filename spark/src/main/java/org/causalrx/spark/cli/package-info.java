/** The Spark engine's command line: {@code causalrx run STUDY --engine spark}, the only code here that prints. */
package org.causalrx.spark.cli;
