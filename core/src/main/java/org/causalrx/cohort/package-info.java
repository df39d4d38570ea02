/**
 * From hospital event tables to one row per stay (TRS §4.2): the {@code cohort:} block of a study as records
 * ({@link org.causalrx.cohort.CohortSpec}), its translation to DuckDB SQL ({@link org.causalrx.cohort.CohortSql}) and
 * its execution over CSV, CSV.gz and Parquet files ({@link org.causalrx.cohort.CohortExtractor}).
 */
package org.causalrx.cohort;
