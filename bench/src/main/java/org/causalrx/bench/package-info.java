/**
 * {@code causalrx bench}: speed and accuracy benchmarks, kept out of the production modules. {@link
 * org.causalrx.bench.BenchMain} adds {@link org.causalrx.bench.BenchCommand} (one picocli subcommand per benchmark)
 * to the app's command line; {@code bin/causalrx bench ...} runs it from {@code bench/target/causalrx-bench.jar}.
 * The benchmark computations (CATE accuracy, grf's simple design, the categorical simulation) compute and do not
 * print; the command classes print and write the results file. Measured figures: {@code docs/BENCHMARKS.md}.
 */
package org.causalrx.bench;
