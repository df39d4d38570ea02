/**
 * A two-arm study run on Apache Spark ({@link org.causalrx.spark.SparkStudyRun}): cohort by Spark SQL, cross-fitted
 * AIPW with MLlib nuisances, held-out policy values with a one-pass Poisson bootstrap; results.json as locally.
 */
package org.causalrx.spark;
