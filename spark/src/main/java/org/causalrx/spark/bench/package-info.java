/** Benchmarks of the Spark engine (time and memory at scale); mains that print, not tests. */
package org.causalrx.spark.bench;
